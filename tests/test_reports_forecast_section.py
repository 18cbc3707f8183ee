"""The forecast section of a one-place page reads as one page (issue 14, the last read).

Nghệ An (legacy) showed its one forecast with "Nghệ An · Province" under the Nghệ An
heading; a table that mixes places keeps both columns.
"""

from __future__ import annotations

import pandas as pd

from bhxh_analysis import i18n
from bhxh_analysis.reports.render import Page, table_html


def _rows(places: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"place": places, "geo_level": ["province"] * len(places),
                         "indicator": ["bhxh_compulsory_participants"] * len(places),
                         "forecast": [225_396.0] * len(places)})


def test_one_row_of_the_pages_own_place_drops_place_and_level() -> None:
    html = table_html(_rows(["Nghệ An"]), "en", place="Nghệ An")
    assert "<th>Place</th>" not in html and "<th>Level</th>" not in html
    page = Page("vi", show=False, place="Nghệ An")
    page.table(_rows(["Nghệ An"]))
    for key in ("place", "level"):
        assert f"<th>{i18n.t(key, 'vi')}</th>" not in page.blocks[-1].body
    # one row of another place (a former province on a 2025 page) keeps them
    assert "<th>Place</th>" in table_html(_rows(["Hải Dương (until 30 June 2025)"]), "en",
                                          place="Hải Phòng")
    # a table of several places keeps both, the level too although it is the same
    mixed = table_html(_rows(["Hải Dương (until 30 June 2025)",
                              "Hải Phòng (until 30 June 2025)"]), "en", place="Hải Phòng")
    assert "<th>Place</th>" in mixed and "<th>Level</th>" in mixed
