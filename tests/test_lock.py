"""Reproducible by construction: the lock matches pyproject.toml, `bhxh info` reports it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml
from packaging.requirements import Requirement

from bhxh_analysis import environment as env

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "lock.txt"


def _header_hash() -> str:
    for line in LOCK.read_text(encoding="utf-8").splitlines()[:10]:
        if line.startswith(env.DEPS_HASH_PREFIX):
            return line[len(env.DEPS_HASH_PREFIX):].strip()
    return ""


def test_lock_was_made_from_the_current_dependencies() -> None:
    deps = env.pyproject_dependencies(ROOT / "pyproject.toml")
    assert _header_hash() == env.dependencies_hash(deps), (
        "pyproject.toml's dependencies changed since requirements/lock.txt was generated: "
        "run `make lock`")


def test_every_dependency_is_pinned_within_its_range() -> None:
    pins = env.lock_pins(LOCK)
    for spec in env.pyproject_dependencies(ROOT / "pyproject.toml"):
        req = Requirement(spec)
        name = env._canonical(req.name)
        assert name in pins, f"{name} is not in the lock"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"{name}=={pins[name]} does not satisfy {req.specifier}")


def test_every_pin_has_a_hash() -> None:
    text = LOCK.read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n") if b and not b.startswith((" ", "#"))]
    assert blocks, "empty lock"
    for line in blocks:
        assert "==" in line and line.rstrip().endswith("\\"), f"unpinned or hashless: {line}"


def test_dependency_hash_changes_when_a_dependency_changes() -> None:
    deps = env.pyproject_dependencies(ROOT / "pyproject.toml")
    assert env.dependencies_hash([*deps, "requests>=2"]) != env.dependencies_hash(deps)
    assert env.dependencies_hash(list(reversed(deps))) == env.dependencies_hash(deps)


def test_conda_lock_pins_the_direct_dependencies_like_the_lock() -> None:
    conda = yaml.safe_load((ROOT / "environment.lock.yml").read_text(encoding="utf-8"))
    pins = env.lock_pins(LOCK)
    listed = {d.split("=")[0]: d.split("=", 1)[1] for d in conda["dependencies"]
              if isinstance(d, str) and "=" in d and not d.startswith("python=")}
    direct = {env._canonical(Requirement(s).name)
              for s in env.pyproject_dependencies(ROOT / "pyproject.toml")}
    assert set(listed) == direct
    if sys.version_info[:2] == (3, 11):  # the conda variant is pinned for Python 3.11
        assert all(pins[n] == v for n, v in listed.items())


def test_lock_pins_follow_markers(tmp_path: Path) -> None:
    lock = tmp_path / "lock.txt"
    lock.write_text("a==1 ; python_version < '3'\nb==2 \\\n    --hash=sha256:00\n"
                    "c==3 ; python_version >= '3'\n", encoding="utf-8")
    assert env.lock_pins(lock) == {"b": "2", "c": "3"}


def test_check_lock_reports_differences(tmp_path: Path) -> None:
    lock = tmp_path / "lock.txt"
    lock.write_text("pandas==0.0.1\nno-such-dist-bhxh==1.0\n", encoding="utf-8")
    check = env.check_lock(lock)
    assert check.found and not check.matches
    assert check.differ["no-such-dist-bhxh"] == ("1.0", "")
    assert check.differ["pandas"][0] == "0.0.1"
    assert not env.check_lock(tmp_path / "missing.txt").found


def test_bhxh_info_prints_versions_checksum_paths_and_lock() -> None:
    res = subprocess.run([sys.executable, "-m", "bhxh_analysis", "info", "--json"],
                         capture_output=True, text=True, timeout=120, check=False)
    facts = json.loads(res.stdout)
    assert facts["python"].count(".") == 2
    assert facts["libraries"]["pandas"]
    assert facts["lock"] in {"matches", "differs"}
    assert res.returncode == (1 if facts["lock"] == "differs" else 0)
    assert set(facts["paths"]) >= {"BHXH_HOME", "raw", "processed", "reports", "lock"}
    text = subprocess.run([sys.executable, "-m", "bhxh_analysis", "info"],
                          capture_output=True, text=True, timeout=120, check=False).stdout
    assert "pandas" in text and "lock" in text and "BHXH_HOME" in text


def test_makefile_installs_once_from_the_lock() -> None:
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    # the stamp is rebuilt only when the lock or pyproject.toml is newer than it
    assert "$(STAMP): $(LOCK) pyproject.toml" in make
    assert "--require-hashes -r $(LOCK)" in make
    res = subprocess.run(["make", "-n", "-C", str(ROOT), "test", "VENV=/nonexistent-venv"],
                         capture_output=True, text=True, timeout=60, check=False)
    if res.returncode == 0:  # make present: a dry run creates the venv, installs, tests
        assert "-m venv /nonexistent-venv" in res.stdout
        assert "pytest" in res.stdout
