"""What an analyst reading the rendered reports noticed (issue 14): each test fails on the
code before the fix it guards."""
from __future__ import annotations

import pandas as pd

from bhxh_analysis import reports
from test_reports import _bundle, _obs


def test_2025_headline_shows_the_provinces_latest_figure_once() -> None:
    # Hà Nội (2025) listed two populations as its latest: the 2007 sum of the legacy
    # Hà Nội and Hà Tây and the 2022 figure of Hà Nội alone (its own since 1/8/2008).
    obs = _obs([("h-1", "gso", "28", "Hà Tây", "province", "legacy", "Hà Nội", "2007-07-01",
                 "population", 2773700.0, "persons", "2.773,7"),
                ("h-2", "gso", "01", "Hà Nội", "province", "legacy", "Hà Nội", "2007-07-01",
                 "population", 3228500.0, "persons", "3.228,5"),
                ("h-3", "gso", "01", "Hà Nội", "province", "legacy", "Hà Nội", "2022-07-01",
                 "population", 8435650.0, "persons", "8.435,65")])
    for lang in ("vi", "en"):
        head = reports.ProvinceReport("Hà Nội", boundaries="2025", lang=lang,
                                      bundle=_bundle(obs)).headline_table()
        own = head[(head["place"] == "Hà Nội") & (head["indicator"] == "population")]
        assert own["as_of"].tolist() == [pd.Timestamp("2022-07-01")], head
        assert own["value"].tolist() == [8435650.0]
        # the former province keeps its own (last) figure, under its own label
        assert head["place"].str.startswith("Hà Tây").sum() == 1
