"""What the geography hands out: a :class:`Unit`, a :class:`Change` in its history, and
errors (every one a :class:`GeoError`, itself a ``ValueError``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Unit:
    """One administrative unit of one boundary set.

    Attributes
    ----------
    code : str
        GSO code, zero-padded (province 2, district 3, commune 5 digits); ``VN`` for the nation.
    name : str
        Official name without administrative prefix ("Lâm Đồng", "Đà Lạt"); numbered
        units keep their prefix ("Phường 4", "Quận 1").
    full_name : str
        Name with prefix ("Tỉnh Lâm Đồng", "Thành phố Đà Lạt").
    level : str
        ``nation`` | ``province`` | ``district`` | ``commune``.
    boundaries : str
        ``legacy`` | ``2025``.
    parent_code : str or None
        Code of the parent unit in the same boundary set (``VN`` for provinces).
    province_code : str or None
        Code of the province containing the unit (itself for a province).
    province_2025_code, province_2025_name : str
        The 2025 province that contains the unit now (``VN``/"Việt Nam" for the nation).
    kind : str
        Administrative prefix ("Tỉnh", "Thành phố", "Huyện", "Xã", ...; "" for the nation).
    valid_to : str or None
        ISO date the unit ceased to exist before 2025 (Hà Tây: ``2008-08-01``).
    successor_code : str or None
        For such a unit, the code of the legacy unit it joined (Hà Tây: ``01``, Hà Nội).

    Examples
    --------
    >>> from bhxh_analysis.geo import get_registry
    >>> u = get_registry().resolve("Hà Tây")
    >>> u.full_name, u.valid_to, u.successor_code, u.province_2025_name
    ('Tỉnh Hà Tây', '2008-08-01', '01', 'Hà Nội')
    """

    code: str
    name: str
    full_name: str
    level: str
    boundaries: str
    parent_code: str | None
    province_code: str | None
    province_2025_code: str
    province_2025_name: str
    kind: str = ""
    valid_to: str | None = None
    successor_code: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """Return the unit as a plain dictionary (JSON-ready).

        Examples
        --------
        >>> from bhxh_analysis.geo import get_registry
        >>> get_registry().resolve("Hà Tây").to_dict()["valid_to"]
        '2008-08-01'
        """
        return asdict(self)



@dataclass(frozen=True)
class Change:
    """One change in a unit's history (see :meth:`Registry.history`).

    Attributes
    ----------
    date : str
        ISO date the change took effect ("2008-08-01", "2025-07-01").
    event : str
        ``merged`` (joined ``successors[0]``, with ``others``), ``unchanged`` (became
        the 2025 unit alone), ``district_abolished`` or ``reorganised`` (a commune).
    unit : Unit
        The unit that changed.
    successors : tuple of Unit
        Where it went: a province, or the 2025 communes of a district or commune.
    others : tuple of Unit
        The other units that went into the same province (provinces only).
    basis : str
        The legal act ("Nghị quyết 15/2008/QH12").
    """

    date: str
    event: str
    unit: Unit
    successors: tuple[Unit, ...]
    others: tuple[Unit, ...]
    basis: str


class GeoError(ValueError):
    """A geography problem: bad administrative input file, or a place that cannot be used."""


class UnknownPlaceError(GeoError):
    """No unit matches the name; ``suggestions`` holds up to five similar official names."""

    def __init__(self, name: str, suggestions: list[str] | None = None, detail: str = "") -> None:
        self.name = name
        self.suggestions = list(suggestions or [])
        msg = f"{name}: unknown place"
        if detail:
            msg += f" ({detail})"
        if self.suggestions:
            msg += f"; did you mean: {', '.join(self.suggestions)}?"
        elif not detail:
            msg += "; no similar names"
        super().__init__(msg)


class AmbiguousPlaceError(GeoError):
    """Several units match the name; ``candidates`` lists them (pass a parent or a level)."""

    def __init__(self, name: str, candidates: list[Unit], labels: list[str] | None = None) -> None:
        self.name = name
        self.candidates = list(candidates)
        shown = labels if labels is not None else [u.full_name for u in self.candidates]
        super().__init__(
            f"{name}: ambiguous, {len(self.candidates)} candidates: {'; '.join(shown)}; "
            "pass a parent (or a level / boundary set)"
        )
