"""Raw data files and their provenance sidecars; sha256 verification.

Every data file under ``data/raw`` (``.csv`` and ``.md``; ``README.md`` files are
documentation and exempt) has a sidecar ``<file>.meta.yml`` beside it with at least
``sha256`` (and, for copies, source, publisher, address, date obtained, licence).
:func:`verify_checksums` recomputes the hashes so that the build refuses a raw file
that changed silently: a raw file is changed deliberately by re-running
:func:`write_sidecar`, which records the new hash.

Example for a curator, after editing a curated file::

    from bhxh_analysis.rawdata import write_sidecar
    write_sidecar("data/raw/curated/observations_seeds.csv",
                  source="transcription of the five seed articles")
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import config

#: PyYAML's safe loader, with libyaml's parser when PyYAML has it (the same documents,
#: several times faster: a build reads ~70 sidecars).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = [
    "DATA_SUFFIXES",
    "SIDECAR_SUFFIX",
    "MANIFEST",
    "MissingRawFileError",
    "MissingSidecarError",
    "RawDataChangedError",
    "RawDataError",
    "RawFile",
    "list_raw_files",
    "read_manifest",
    "read_sidecar",
    "register_raw_file",
    "sha256_file",
    "sidecar_path",
    "verify_checksums",
    "write_sidecar",
]

SIDECAR_SUFFIX = ".meta.yml"
#: Suffixes of files that are data and therefore need a sidecar.
DATA_SUFFIXES = (".csv", ".md")
#: File names exempt from the sidecar rule (folder documentation, not data).
EXEMPT_NAMES = frozenset({"README.md"})
#: The list of expected inputs, under ``data/raw`` (see :func:`read_manifest`).
MANIFEST = "MANIFEST.yml"
#: Kinds of raw file a manifest entry may name (which step reads it).
KINDS = ("curated", "gso", "admin", "sources", "targets", "campaigns", "reference")


class RawDataError(RuntimeError):
    """A problem with the raw data folder (base class; the message names the file)."""


class RawDataChangedError(RawDataError):
    """A raw file's sha256 differs from the one recorded in its sidecar.

    Attributes
    ----------
    file : str
        Path of the file relative to ``raw_dir()``.
    expected, actual : str
        The recorded and the recomputed sha256 (hex).
    """

    def __init__(self, file: str, expected: str, actual: str, others: list[str] | None = None):
        self.file, self.expected, self.actual = file, expected, actual
        self.others = others or []
        msg = (
            f"raw file changed silently: data/raw/{file}: sha256 is {actual}, its sidecar "
            f"{file}{SIDECAR_SUFFIX} records {expected}. Restore the file, or if the change "
            "is deliberate record it with bhxh_analysis.rawdata.write_sidecar()."
        )
        if self.others:
            msg += " Other problems: " + "; ".join(self.others)
        super().__init__(msg)


class MissingSidecarError(RawDataError):
    """A data file has no sidecar, a sidecar has no file, or a sidecar lacks ``sha256``."""


class MissingRawFileError(MissingSidecarError):
    """A file listed in ``data/raw/MANIFEST.yml`` is missing, or a data file is not listed."""


@dataclass(frozen=True)
class RawFile:
    """A data file under ``raw_dir()`` and its sidecar.

    Attributes
    ----------
    path : Path
        Absolute path of the data file.
    relpath : str
        Path relative to ``raw_dir()`` with ``/`` separators (``gso/x.csv``).
    sidecar : Path
        Path of ``<file>.meta.yml`` (may not exist).
    """

    path: Path
    relpath: str
    sidecar: Path

    @property
    def has_sidecar(self) -> bool:
        """Whether the sidecar exists."""
        return self.sidecar.is_file()


def sidecar_path(path: str | Path) -> Path:
    """Return the sidecar path ``<path>.meta.yml`` of a data file.

    Examples
    --------
    >>> sidecar_path("data/raw/figures.csv").name
    'figures.csv.meta.yml'
    """
    path = Path(path)
    return path.with_name(path.name + SIDECAR_SUFFIX)


def sha256_file(path: str | Path) -> str:
    """Return the hex sha256 of a file's bytes.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(delete=False) as fh:
    ...     _ = fh.write(b"abc")
    >>> sha256_file(fh.name)[:16]
    'ba7816bf8f01cfea'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def list_raw_files(root: str | Path | None = None) -> list[RawFile]:
    """List the data files under the raw folder, sorted by relative path.

    Parameters
    ----------
    root : str or Path or None
        Folder to scan; ``None`` means :func:`bhxh_analysis.config.raw_dir`.

    Returns
    -------
    list of RawFile
        Files with a suffix in :data:`DATA_SUFFIXES` (hidden files excluded),
        whether or not their sidecar exists. ``README.md`` files are listed only when
        they have a sidecar (then their hash is checked too).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "figures.csv").write_text("a\\n1\\n")
    ...     _ = (Path(tmp) / "README.md").write_text("# raw data\\n")
    ...     [(f.relpath, f.has_sidecar) for f in list_raw_files(tmp)]
    [('figures.csv', False)]
    """
    root = Path(root) if root is not None else config.raw_dir()
    files = [
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in DATA_SUFFIXES
        and (p.name not in EXEMPT_NAMES or sidecar_path(p).is_file())
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    ]
    return [RawFile(p, _rel(p, root), sidecar_path(p)) for p in sorted(files, key=lambda p: _rel(p, root))]


def read_sidecar(path: str | Path) -> dict[str, Any]:
    """Read the sidecar of a data file (``{}`` when it does not exist).

    Raises
    ------
    MissingSidecarError
        The sidecar is not a YAML mapping.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     data = Path(tmp) / "figures.csv"
    ...     _ = data.write_text("a\\n1\\n")
    ...     before = read_sidecar(data)
    ...     _ = write_sidecar(data, source="VSS")
    ...     after = read_sidecar(data)
    >>> before, after["source"], after["bytes"]
    ({}, 'VSS', 4)
    """
    side = sidecar_path(path)
    if not side.is_file():
        return {}
    meta = yaml.load(side.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise MissingSidecarError(f"{side}: sidecar is not a YAML mapping")
    return meta


def write_sidecar(path: str | Path, **meta: Any) -> Path:
    """Write or update the sidecar of a data file, recording its current sha256.

    Existing keys are kept (in their order) unless given in ``meta``; ``file``,
    ``sha256`` and ``bytes`` are always recomputed from the file itself.

    Parameters
    ----------
    path : str or Path
        The data file.
    **meta
        Provenance fields, e.g. ``source``, ``publisher``, ``address``,
        ``date_obtained``, ``licence``, ``note``.

    Returns
    -------
    Path
        The sidecar written.

    Raises
    ------
    FileNotFoundError
        The data file does not exist.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     data = Path(tmp) / "figures.csv"
    ...     _ = data.write_text("a\\n1\\n")
    ...     side = write_sidecar(data, source="VSS", licence="public")
    ...     print(side.name)
    ...     print(side.read_text(encoding="utf-8").strip())  # doctest: +ELLIPSIS
    figures.csv.meta.yml
    file: figures.csv
    source: VSS
    licence: public
    sha256: ...
    bytes: 4
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no such data file: {path}")
    data = dict(read_sidecar(path))
    data.update(meta)
    data["file"] = path.name
    data["sha256"] = sha256_file(path)
    data["bytes"] = path.stat().st_size
    # "file" first, hashes last, the rest in their existing order: stable diffs.
    ordered = {"file": data.pop("file")}
    sha, size = data.pop("sha256"), data.pop("bytes")
    ordered.update(data)
    ordered.update(sha256=sha, bytes=size)
    side = sidecar_path(path)
    text = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True)
    side.write_text(text, encoding="utf-8", newline="\n")
    return side


def read_manifest(root: str | Path | None = None) -> dict[str, str]:
    """Return the expected raw inputs: path under ``data/raw`` → kind.

    Raises
    ------
    MissingRawFileError
        ``MANIFEST.yml`` is missing or malformed.

    Examples
    --------
    >>> read_manifest()["sources.csv"]
    'sources'
    """
    root = Path(root) if root is not None else config.raw_dir()
    path = root / MANIFEST
    if not path.is_file():
        raise MissingRawFileError(f"{path} not found: the list of expected raw inputs")
    try:
        entries = (yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
                   or {}).get("files", [])
        out = {str(e["path"]): str(e["kind"]) for e in entries}
    except (yaml.YAMLError, AttributeError, KeyError, TypeError) as exc:
        raise MissingRawFileError(f"{path}: not a list of files with path and kind ({exc})"
                                  ) from None
    bad = sorted(k for k in out.values() if k not in KINDS)
    if bad:
        raise MissingRawFileError(f"{path}: unknown kind(s) {', '.join(bad)}; "
                                  f"known: {', '.join(KINDS)}")
    return out


def register_raw_file(path: str | Path, kind: str, root: str | Path | None = None) -> Path:
    """Add a raw file to ``data/raw/MANIFEST.yml`` (idempotent; entries kept sorted).

    Call it after writing the file and its sidecar (:func:`write_sidecar`); from then
    on the build expects the file and reads it with the reader of ``kind``.

    Parameters
    ----------
    path : str or Path
        The file, absolute or relative to the raw folder.
    kind : str
        One of :data:`KINDS` (``"curated"`` for a new transcription).

    Returns
    -------
    Path
        The manifest written.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / MANIFEST).write_text("files: []\\n")
    ...     _ = register_raw_file("curated/figures.csv", "curated", root=tmp)
    ...     read_manifest(tmp)
    {'curated/figures.csv': 'curated'}
    """
    root = Path(root) if root is not None else config.raw_dir()
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    path = Path(path)
    rel = _rel(path.resolve(), root.resolve()) if path.is_absolute() else path.as_posix()
    entries = read_manifest(root)
    entries[rel] = kind
    manifest = root / MANIFEST
    text = manifest.read_text(encoding="utf-8")
    head = text[: text.index("files:")] if "files:" in text else ""
    body = "files:\n" + "".join(f"- {{path: {p}, kind: {k}}}\n" for p, k in sorted(entries.items()))
    tmp = manifest.with_name(f".{MANIFEST}.tmp")
    tmp.write_text(head + body, encoding="utf-8", newline="\n")
    tmp.replace(manifest)
    return manifest


def _manifest_problems(root: Path) -> list[str]:
    """Listed files that are missing, and data files the manifest does not list."""
    expected = read_manifest(root)
    problems = []
    for rel in sorted(expected):
        if not (root / rel).is_file():
            side = "its sidecar is still there" if sidecar_path(root / rel).is_file() \
                else "its sidecar is missing too"
            problems.append(f"data/raw/{rel}: expected input is missing ({side}; listed in "
                            f"data/raw/{MANIFEST}). Restore it, or remove its entry if the "
                            "file was retired on purpose")
    for rf in list_raw_files(root):
        if rf.relpath not in expected:
            problems.append(f"data/raw/{rf.relpath}: not listed in data/raw/{MANIFEST} "
                            "(register it with bhxh_analysis.rawdata.register_raw_file or "
                            "`bhxh data add`)")
    return problems


def verify_checksums(
    root: str | Path | None = None, *, raise_on_error: bool = True
) -> list[str]:
    """Check every raw data file against the sha256 recorded in its sidecar.

    Parameters
    ----------
    root : str or Path or None
        Raw folder; ``None`` means :func:`bhxh_analysis.config.raw_dir`.
    raise_on_error : bool
        Raise on the first kind of problem found (default) instead of returning
        the list.

    Returns
    -------
    list of str
        One message per problem (empty when everything matches); each names the
        file relative to the raw folder.

    Raises
    ------
    RawDataChangedError
        A file's hash differs from its sidecar (raised in preference to other
        problems, which the message also lists).
    MissingSidecarError
        A data file without sidecar, a sidecar without ``sha256`` or without its
        data file.
    MissingRawFileError
        A file listed in ``data/raw/MANIFEST.yml`` is missing (with or without its
        sidecar), or a data file is not listed (the message lists every problem).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     data = Path(tmp) / "figures.csv"
    ...     _ = data.write_text("a\\n1\\n")
    ...     _ = write_sidecar(data, source="VSS")
    ...     _ = (Path(tmp) / MANIFEST).write_text("files: []\\n")
    ...     _ = register_raw_file(data, "curated", root=tmp)
    ...     print(verify_checksums(tmp))
    ...     _ = data.write_text("a\\n2\\n")  # the file changed after its sidecar
    ...     print(verify_checksums(tmp, raise_on_error=False))
    []
    ['data/raw/figures.csv: sha256 ... differs from sidecar ...']
    """
    root = Path(root) if root is not None else config.raw_dir()
    if not root.is_dir():
        raise FileNotFoundError(f"raw data folder not found: {root}")
    missing = _manifest_problems(root)
    problems: list[str] = list(missing)
    changed: list[tuple[str, str, str]] = []
    for rf in list_raw_files(root):
        if not rf.has_sidecar:
            problems.append(
                f"data/raw/{rf.relpath}: no sidecar {rf.relpath}{SIDECAR_SUFFIX} "
                "(create it with bhxh_analysis.rawdata.write_sidecar)"
            )
            continue
        meta = read_sidecar(rf.path)
        expected = str(meta.get("sha256", "")).strip().lower()
        if not expected:
            problems.append(f"data/raw/{rf.relpath}: sidecar has no sha256")
            continue
        actual = sha256_file(rf.path)
        if actual != expected:
            changed.append((rf.relpath, expected, actual))
            problems.append(
                f"data/raw/{rf.relpath}: sha256 {actual} differs from sidecar {expected}"
            )
    for side in sorted(root.rglob("*" + SIDECAR_SUFFIX)):
        data_file = side.with_name(side.name[: -len(SIDECAR_SUFFIX)])
        if not data_file.is_file():
            problems.append(f"data/raw/{_rel(side, root)}: sidecar without data file")
    if raise_on_error and problems:
        if changed:
            file, expected, actual = changed[0]
            first = f"data/raw/{file}: sha256"
            others = [p for p in problems if not p.startswith(first)]
            raise RawDataChangedError(file, expected, actual, others)
        raise (MissingRawFileError if missing else MissingSidecarError)("; ".join(problems))
    return problems
