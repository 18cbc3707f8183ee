"""Packaging contracts: dependencies in sync, notebooks without outputs, CLI entry points."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

# PyPI name → conda-forge name where they differ.
CONDA_NAMES: dict[str, str] = {}


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[; ]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_packages() -> set[str]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(meta["dependencies"]) + list(meta["optional-dependencies"]["dev"])
    return {CONDA_NAMES.get(_name(r), _name(r)) for r in reqs}


def _environment_packages() -> set[str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    names = set()
    for dep in env["dependencies"]:
        if isinstance(dep, str):
            name = _name(dep)
            if name not in {"python", "pip"}:
                names.add(name)
    return names


def test_environment_mirrors_pyproject() -> None:
    py, env = _pyproject_packages(), _environment_packages()
    assert py - env == set(), f"in pyproject.toml but not environment.yml: {sorted(py - env)}"
    assert env - py == set(), f"in environment.yml but not pyproject.toml: {sorted(env - py)}"


def test_environment_installs_the_package_and_python_311() -> None:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "python=3.11" in env["dependencies"]
    pip = [d for d in env["dependencies"] if isinstance(d, dict)]
    assert pip and "-e ." in pip[0]["pip"]
    assert "conda-forge" in env["channels"]


def test_required_runtime_dependencies_present() -> None:
    required = {
        "jupyterlab", "pandas", "numpy", "matplotlib", "seaborn", "statsmodels", "papermill",
        "nbconvert", "ipykernel", "pyarrow", "pandera", "click", "tqdm", "rapidfuzz", "pyyaml",
    }
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert required <= {_name(r) for r in meta["dependencies"]}
    assert {"pytest", "ruff", "hypothesis"} <= {_name(r) for r in meta["optional-dependencies"]["dev"]}


def test_no_gpl_dependencies() -> None:
    from importlib.metadata import PackageNotFoundError, metadata

    offenders = []
    for name in _pyproject_packages():
        try:
            md = metadata(name)
        except PackageNotFoundError:
            continue
        # Licence declarations only (free-text licence files may merely *mention* the GPL).
        declared = [md.get("License-Expression") or ""] + [
            c for c in (md.get_all("Classifier") or []) if c.startswith("License ::")
        ]
        text = " ".join(declared)
        if re.search(r"\bA?GPL|GNU (Affero )?General Public", text) and not re.search(r"LGPL|Lesser", text):
            offenders.append(name)
    assert not offenders, f"GPL-licensed dependencies: {offenders}"


def test_committed_notebooks_have_no_outputs() -> None:
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    dirty = []
    for nb_path in notebooks:
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count")):
                dirty.append(nb_path.name)
                break
    assert not dirty, f"notebooks committed with outputs (clear them): {dirty}"


def test_cli_help_and_version() -> None:
    from bhxh_analysis import __version__

    out = subprocess.run([sys.executable, "-m", "bhxh_analysis", "--help"],
                         capture_output=True, text=True, check=True).stdout
    for group in ("data", "geo", "forecast", "report"):
        assert re.search(rf"^\s+{group}\b", out, re.M), f"group {group} missing from --help"
    ver = subprocess.run([sys.executable, "-m", "bhxh_analysis", "--version"],
                         capture_output=True, text=True, check=True).stdout
    assert __version__ in ver


def test_config_paths_follow_bhxh_home(tmp_path, monkeypatch) -> None:
    from bhxh_analysis import config

    monkeypatch.setenv("BHXH_HOME", str(tmp_path))
    assert config.project_root() == tmp_path.resolve()
    assert config.raw_dir() == tmp_path.resolve() / "data" / "raw"
    assert config.processed_dir() == tmp_path.resolve() / "data" / "processed"
    assert config.notebooks_dir() == tmp_path.resolve() / "notebooks"
    assert config.reports_dir() == tmp_path.resolve() / "reports"
    monkeypatch.delenv("BHXH_HOME")
    assert (config.project_root() / "pyproject.toml").exists()


def test_readme_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r'^pip install -e "\.\[dev\]"$', readme, re.M)
    assert re.search(r"^pytest$", readme, re.M)
    assert "bhxh report all" in readme


def test_no_module_over_800_lines_and_architecture_lists_every_module() -> None:
    """House rules: no module over 800 lines; docs/architecture.md names every module."""
    src = ROOT / "src" / "bhxh_analysis"
    modules = sorted(src.rglob("*.py"))
    long = {str(p.relative_to(src)): n for p in modules
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 800}
    assert long == {}
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    unlisted = [str(p.relative_to(src)) for p in modules
                if f"`{p.relative_to(src).as_posix()}`" not in doc]
    assert unlisted == []
