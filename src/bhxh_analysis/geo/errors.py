"""The errors of the geography: every one is a :class:`GeoError` (a ``ValueError``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .registry import Unit


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
