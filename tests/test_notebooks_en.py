"""The English batch of every province report (slow), rendered on a worker of its own.

``bhxh report all --scope any --boundaries legacy --lang en`` goes to the run's shared
folder (``conftest.render_batch``), where ``test_notebooks_every`` scans it with the
other batches: with ``pytest -n auto --dist loadfile`` the two modules render at once on
two workers instead of one after the other on one (``conftest.LONG_MODULES``).
"""

from __future__ import annotations

import pytest
from conftest import render_batch

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def legacy_en(home, shared_renders):
    """The English legacy batch (``--scope any``), rendered once per test run."""
    return render_batch(shared_renders, "legacy", "en")


def test_english_report_uses_english_numbers(legacy_en) -> None:
    # The batch's English Lâm Đồng page (the task ``province_task("Lâm Đồng", lang="en")``).
    page = (legacy_en / "lam-dong-legacy-en.html").read_text(encoding="utf-8")
    assert "190,863" in page and "168,596" in page and "Headline figures" in page
    assert "190.863" not in page
    assert len(list(legacy_en.glob("*-legacy-en.html"))) >= 63 + 1  # and former Hà Tây
