"""Raw files, sidecars and checksum verification (bhxh_analysis.rawdata)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from bhxh_analysis import config
from bhxh_analysis.cli import main
from bhxh_analysis.rawdata import (
    MissingRawFileError,
    MissingSidecarError,
    RawDataChangedError,
    list_raw_files,
    read_manifest,
    read_sidecar,
    register_raw_file,
    sha256_file,
    sidecar_path,
    verify_checksums,
    write_sidecar,
)

REPO_RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throw-away project (BHXH_HOME) holding a copy of the repository's data/raw."""
    root = tmp_path / "proj"
    shutil.copytree(REPO_RAW, root / "data" / "raw")
    monkeypatch.setenv(config.ENV_VAR, str(root))
    return root


def test_repository_raw_files_all_have_matching_sidecars() -> None:
    files = list_raw_files(REPO_RAW)
    rel = {f.relpath for f in files}
    assert "gso/population_by_province_2018-2022.csv" in rel
    assert "curated/observations_seeds.csv" in rel
    assert all(f.has_sidecar for f in files)
    assert verify_checksums(REPO_RAW) == []


def test_changed_byte_is_refused_naming_file_and_hashes(project: Path) -> None:
    target = project / "data" / "raw" / "gso" / "labour_force_by_province_2005-2016.csv"
    expected = read_sidecar(target)["sha256"]
    data = bytearray(target.read_bytes())
    data[200] = ord("9") if data[200] != ord("9") else ord("8")
    target.write_bytes(bytes(data))
    actual = sha256_file(target)
    with pytest.raises(RawDataChangedError) as info:
        verify_checksums()
    err = info.value
    assert err.file == "gso/labour_force_by_province_2005-2016.csv"
    assert (err.expected, err.actual) == (expected, actual)
    assert "labour_force_by_province_2005-2016.csv" in str(err)
    assert expected in str(err) and actual in str(err)
    problems = verify_checksums(raise_on_error=False)
    assert len(problems) == 1 and "labour_force" in problems[0]


def test_build_command_refuses_changed_raw_file(project: Path) -> None:
    target = project / "data" / "raw" / "curated" / "observations_seeds.csv"
    target.write_bytes(target.read_bytes().replace(b"190.863", b"190.864"))
    result = CliRunner().invoke(main, ["data", "build"])
    assert result.exit_code == 1
    assert "curated/observations_seeds.csv" in result.output
    assert "changed silently" in result.output
    # Nothing was built from the changed file.
    assert not config.observations_csv().exists()


def test_data_file_without_sidecar_is_an_error(project: Path) -> None:
    extra = project / "data" / "raw" / "curated" / "observations_extra.csv"
    extra.write_text("obs_id\n", encoding="utf-8")
    with pytest.raises(MissingSidecarError, match="curated/observations_extra.csv"):
        verify_checksums()
    write_sidecar(extra, source="test")
    with pytest.raises(MissingRawFileError, match="not listed in data/raw/MANIFEST.yml"):
        verify_checksums()
    register_raw_file(extra, "curated")
    assert verify_checksums() == []
    assert read_manifest()["curated/observations_extra.csv"] == "curated"


@pytest.mark.parametrize("with_sidecar", [True, False])
def test_deleted_raw_file_stops_the_build_naming_it(project: Path, with_sidecar: bool) -> None:
    """Issue 13.6: a curated file deleted (with or without its sidecar) is not 47 rows
    fewer and exit 0, but a refused build naming it."""
    target = project / "data" / "raw" / "curated" / "observations_seeds.csv"
    target.unlink()
    if not with_sidecar:
        sidecar_path(target).unlink()
    with pytest.raises(MissingRawFileError, match="curated/observations_seeds.csv"):
        verify_checksums()
    result = CliRunner().invoke(main, ["data", "build"])
    assert result.exit_code == 1
    assert "curated/observations_seeds.csv" in result.output
    assert "expected input is missing" in result.output
    assert not config.observations_csv().exists()


def test_register_raw_file_is_idempotent_and_keeps_the_comments(project: Path) -> None:
    manifest = project / "data" / "raw" / "MANIFEST.yml"
    head = manifest.read_text(encoding="utf-8").split("files:")[0]
    register_raw_file("curated/observations_seeds.csv", "curated")
    register_raw_file(project / "data" / "raw" / "curated" / "observations_new.csv", "curated")
    register_raw_file("curated/observations_new.csv", "curated")
    text = manifest.read_text(encoding="utf-8")
    assert text.startswith(head) and text.count("observations_new.csv") == 1
    assert read_manifest()["curated/observations_new.csv"] == "curated"
    with pytest.raises(ValueError, match="kind must be one of"):
        register_raw_file("x.csv", "nonsense")


def test_sidecar_without_data_file_is_an_error(project: Path) -> None:
    (project / "data" / "raw" / "targets.csv").unlink()
    with pytest.raises(MissingSidecarError, match="targets.csv.meta.yml"):
        verify_checksums()


def test_readme_needs_no_sidecar(project: Path) -> None:
    (project / "data" / "raw" / "gso" / "README.md").write_text("# notes\n", encoding="utf-8")
    assert verify_checksums() == []


def test_write_sidecar_keeps_provenance_and_records_new_hash(project: Path) -> None:
    target = project / "data" / "raw" / "sources.csv"
    before = read_sidecar(target)
    with target.open("a", encoding="utf-8", newline="\n") as fh:
        fh.write("x-test,Publisher,Title,address,2020-01-01,news_article,\n")
    with pytest.raises(RawDataChangedError):
        verify_checksums()
    side = write_sidecar(target, note="one row added by a test")
    assert side == sidecar_path(target)
    after = yaml.safe_load(side.read_text(encoding="utf-8"))
    assert after["sha256"] == sha256_file(target) != before["sha256"]
    assert after["bytes"] == target.stat().st_size
    assert after["publisher"] == before["publisher"]  # provenance kept
    assert after["note"] == "one row added by a test"
    assert list(after)[0] == "file" and list(after)[-2:] == ["sha256", "bytes"]
    assert verify_checksums() == []
