"""The shared scaffold of the blind sets' class tables (``test_extract_blind1*.py``).

Each set's file keeps only its data: a table of own-wording passages, one row a case
``(text, published, place_hint, expected)`` whose ``expected`` is the exact set of
readings ``(place, indicator, as_of, value)``. :func:`class_tests` turns the table into
one parametrized test, so every case is a separate test id that fails on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from test_extract import check_passage

#: One case of a class table: passage, publication day, place hint, expected readings.
Case = tuple[str, str | None, str | None, set[tuple]]


def class_tests(classes: Sequence[Case]) -> Callable[..., None]:
    """A test, parametrized over ``classes``, that checks each passage's readings.

    Parameters
    ----------
    classes : sequence of Case
        The set's class table.

    Returns
    -------
    callable
        The test function; bind it to a ``test_…`` name in the set's module so pytest
        collects it there (the parameters, hence the test ids, are those the files used).
    """
    @pytest.mark.parametrize("text,published,hint,expected", classes)
    def test(text: str, published: str | None, hint: str | None, expected: set[tuple]) -> None:
        check_passage(text, published, hint, expected)

    return test
