"""Labels and number/date formatting for reports, in Vietnamese (``vi``) and English (``en``).

Reports never format numbers by hand: every figure shown to a reader goes through
:func:`fmt_value` so that ``lang="vi"`` prints ``190.863`` and ``83,23%`` and
``lang="en"`` prints ``190,863`` and ``83.23%``.
"""

from __future__ import annotations

import datetime as _dt
import math
from typing import Literal

Lang = Literal["vi", "en"]
LANGS: tuple[str, ...] = ("vi", "en")

# Scheme and measure names: indicator labels are composed from these so that every
# indicator of the vocabulary ``{scheme}_{measure}`` gets a label without a list to maintain.
_SCHEMES: dict[str, dict[str, str]] = {
    "bhxh": {"vi": "BHXH", "en": "Social insurance (BHXH)"},
    "bhxh_compulsory": {"vi": "BHXH bắt buộc", "en": "Compulsory social insurance"},
    "bhxh_voluntary": {"vi": "BHXH tự nguyện", "en": "Voluntary social insurance"},
    "bhtn": {"vi": "BHTN", "en": "Unemployment insurance (BHTN)"},
    "bhyt": {"vi": "BHYT", "en": "Health insurance (BHYT)"},
    "bhyt_household": {"vi": "BHYT hộ gia đình", "en": "Household health insurance"},
}
_MEASURES: dict[str, dict[str, str]] = {
    "participants": {"vi": "người tham gia", "en": "participants"},
    "new_participants": {"vi": "người tham gia mới", "en": "new participants"},
    "change_participants": {"vi": "tăng so với năm trước", "en": "change on previous year"},
    "coverage_pct": {"vi": "tỷ lệ bao phủ", "en": "coverage"},
    "plan_participants": {"vi": "kế hoạch (người)", "en": "plan (persons)"},
    "plan_new_participants": {"vi": "kế hoạch phát triển mới", "en": "plan, new participants"},
    "plan_coverage_pct": {"vi": "chỉ tiêu bao phủ", "en": "coverage target"},
    "attainment_pct": {"vi": "% kế hoạch", "en": "% of plan"},
    "shortfall_participants": {"vi": "còn thiếu (người)", "en": "shortfall (persons)"},
    "shortfall_pp": {"vi": "còn thiếu (điểm %)", "en": "shortfall (points)"},
    # Documented extra measures (data/raw/curated/indicators_extra.csv).
    "campaign_new_participants": {
        "vi": "tham gia mới qua đợt vận động", "en": "new participants via a campaign",
    },
    "campaign_target_new_participants": {
        "vi": "mục tiêu phát triển mới của đợt ra quân", "en": "campaign target, new participants",
    },
    "campaign_target_share_of_plan_pct": {
        "vi": "mục tiêu đợt ra quân (% kế hoạch năm)", "en": "campaign target (% of annual plan)",
    },
    "student_target_coverage_pct": {
        "vi": "chỉ tiêu bao phủ học sinh", "en": "pupil coverage target",
    },
}
_OTHER: dict[str, dict[str, str]] = {
    "population": {"vi": "Dân số", "en": "Population"},
    "labour_force": {"vi": "Lực lượng lao động trong độ tuổi", "en": "Labour force (working age)"},
    "labour_force_15plus": {"vi": "Lực lượng lao động 15+", "en": "Labour force aged 15+"},
    "campaign_staff": {"vi": "Cán bộ tham gia ra quân", "en": "Campaign staff"},
    "campaign_rounds_per_month": {"vi": "Số đợt ra quân mỗi tháng", "en": "Campaign rounds per month"},
    "campaign_participating_provinces": {
        "vi": "Số tỉnh tham gia lễ ra quân", "en": "Provinces in the campaign launch",
    },
    "counselling_sessions": {"vi": "Buổi tư vấn", "en": "Counselling sessions"},
    "counselling_attendees": {"vi": "Lượt người dự tư vấn", "en": "Counselling attendances"},
    "pension_recipients_post": {
        "vi": "Người nhận lương hưu qua bưu điện",
        "en": "Pensioners paid by post",
    },
}

# Every other piece of text a report shows.
TEXT: dict[str, dict[str, str]] = {
    "province_report": {"vi": "Báo cáo tỉnh", "en": "Province report"},
    "national_report": {"vi": "Xu hướng toàn quốc", "en": "National trends"},
    "forecast_report": {"vi": "Dự báo cuối năm", "en": "Year-end forecasts"},
    "boundaries_legacy": {"vi": "địa giới trước 1/7/2025", "en": "boundaries before 1 July 2025"},
    "boundaries_2025": {"vi": "địa giới từ 1/7/2025", "en": "boundaries from 1 July 2025"},
    "data_up_to": {"vi": "Số liệu đến", "en": "Data up to"},
    "all_dates": {"vi": "mọi thời điểm", "en": "all dates"},
    "year": {"vi": "Năm", "en": "Year"},
    "headline": {"vi": "Số liệu chính", "en": "Headline figures"},
    "coverage": {"vi": "Bao phủ so với kế hoạch và mục tiêu", "en": "Coverage against plan and targets"},
    "trends": {"vi": "Xu hướng", "en": "Trends"},
    "participants_by_scheme": {"vi": "Số người tham gia theo loại hình",
                               "en": "Participants by scheme"},
    "forecast": {"vi": "Dự báo đến 31/12", "en": "Year-end forecast"},
    "consistency": {"vi": "Cảnh báo nhất quán", "en": "Consistency warnings"},
    "gaps": {"vi": "Thiếu hụt số liệu", "en": "Gaps in the data"},
    "boundaries": {"vi": "Ghi chú về địa giới", "en": "A note on boundaries"},
    "sources": {"vi": "Nguồn", "en": "Sources"},
    "derived": {"vi": "Số liệu suy ra", "en": "Derived figures"},
    "place": {"vi": "Địa bàn", "en": "Place"},
    "level": {"vi": "Cấp", "en": "Level"},
    "indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "value": {"vi": "Giá trị", "en": "Value"},
    "as_of": {"vi": "Thời điểm", "en": "As of"},
    "source": {"vi": "Nguồn", "en": "Source"},
    "method": {"vi": "Cách tính", "en": "Method"},
    "target": {"vi": "Mục tiêu", "en": "Target"},
    "target_year": {"vi": "Năm mục tiêu", "en": "Target year"},
    "gap_pp": {"vi": "Chênh lệch so với kế hoạch/mục tiêu (điểm %)",
               "en": "Gap to plan or target (points)"},
    "latest": {"vi": "Mới nhất", "en": "Latest"},
    "scope": {"vi": "Phạm vi", "en": "Scope"},
    "forecast_value": {"vi": "Dự báo", "en": "Forecast"},
    "interval80": {"vi": "Khoảng 80%", "en": "80% interval"},
    "interval95": {"vi": "Khoảng 95%", "en": "95% interval"},
    "plan": {"vi": "Kế hoạch", "en": "Plan"},
    "p_meet_plan": {"vi": "Xác suất đạt kế hoạch", "en": "Probability of meeting the plan"},
    "pace_required": {"vi": "Tốc độ cần/tháng", "en": "Monthly pace needed"},
    "n_obs": {"vi": "Số quan sát", "en": "Observations used"},
    "check": {"vi": "Kiểm tra", "en": "Check"},
    "figures": {"vi": "Số liệu", "en": "Figures"},
    "implied": {"vi": "Giá trị suy ra", "en": "Implied values"},
    "status": {"vi": "Trạng thái", "en": "Status"},
    "publisher": {"vi": "Đơn vị công bố", "en": "Publisher"},
    "title": {"vi": "Tiêu đề", "en": "Title"},
    "address": {"vi": "Địa chỉ", "en": "Address"},
    "published": {"vi": "Ngày đăng", "en": "Published"},
    "no_forecast": {"vi": "Không dự báo được", "en": "No forecast possible"},
    "reason": {"vi": "Lý do", "en": "Reason"},
    "no_conflicts": {
        "vi": "Không có số liệu mâu thuẫn nhau cho địa bàn này.",
        "en": "No conflicting figures for this place.",
    },
    "no_consistency_file": {
        "vi": "Chưa có bảng kiểm tra nhất quán (chạy `bhxh data build`).",
        "en": "No consistency table yet (run `bhxh data build`).",
    },
    "no_figures": {
        "vi": "Không có số liệu bảo hiểm nào cho địa bàn này trong dữ liệu.",
        "en": "The data hold no insurance figures for this place.",
    },
    "no_targets": {
        "vi": "Không có số liệu tỷ lệ bao phủ để so với kế hoạch hoặc mục tiêu.",
        "en": "No coverage figures to compare with a plan or target.",
    },
    "no_series": {
        "vi": "Không có chuỗi số liệu nào có từ hai thời điểm trở lên.",
        "en": "No series with two or more dates.",
    },
    "population_thousands": {"vi": "Dân số (nghìn người)", "en": "Population (thousands)"},
    "persons_thousands": {"vi": "Nghìn người", "en": "Thousand persons"},
    "pct_axis": {"vi": "%", "en": "%"},
    "nation": {"vi": "Toàn quốc", "en": "Nation"},
    "province": {"vi": "Tỉnh", "en": "Province"},
    "district": {"vi": "Huyện", "en": "District"},
    "commune": {"vi": "Xã", "en": "Commune"},
    "observed": {"vi": "Số liệu công bố", "en": "Published figure"},
    "policy_target": {"vi": "Mục tiêu chính sách", "en": "Policy target"},
    "conflict": {"vi": "mâu thuẫn", "en": "conflict"},
    "ok": {"vi": "khớp", "en": "ok"},
    "failed": {"vi": "lỗi", "en": "failed"},
    "report": {"vi": "Báo cáo", "en": "Report"},
    "key_figures": {"vi": "Số liệu chính", "en": "Key figures"},
    "index_title": {"vi": "Báo cáo các tỉnh", "en": "Province reports"},
    "method_used": {"vi": "Phương pháp", "en": "Method"},
    "backtest": {"vi": "Kiểm định quá khứ (backtest)", "en": "Backtest skill"},
    "no_backtest": {
        "vi": "Chưa có kết quả backtest (chạy `bhxh forecast backtest`).",
        "en": "No backtest results yet (run `bhxh forecast backtest`).",
    },
    "backtest_now": {
        "vi": "Chưa có backtest.csv: kiểm định được chạy ngay trong báo cáo này.",
        "en": "No backtest.csv yet: the backtest was run for this report.",
    },
    "preliminary": {"vi": "sơ bộ", "en": "preliminary"},
    "synthetic_none": {
        "vi": "Mọi số liệu trong báo cáo là số liệu thật đã công bố; không có số liệu mô phỏng.",
        "en": "Every figure in this report is published data; nothing is simulated.",
    },
}

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if it is a supported language, else raise ``ValueError``.

    Parameters
    ----------
    lang : str
        ``"vi"`` or ``"en"``.

    Returns
    -------
    str
        The same code.
    """
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}: use one of {', '.join(LANGS)}")
    return lang  # type: ignore[return-value]


def t(key: str, lang: str) -> str:
    """Return the text for ``key`` in ``lang`` (the key itself if it has no entry).

    Parameters
    ----------
    key : str
        Entry of :data:`TEXT` or a level name.
    lang : str
        ``"vi"`` or ``"en"``.
    """
    check_lang(lang)
    entry = TEXT.get(key)
    return entry[lang] if entry else key


def indicator_label(indicator: str, lang: str) -> str:
    """Return a readable label for an indicator of the vocabulary.

    Parameters
    ----------
    indicator : str
        e.g. ``bhyt_coverage_pct``.
    lang : str
        ``"vi"`` or ``"en"``.

    Returns
    -------
    str
        ``"BHYT: tỷ lệ bao phủ"`` / ``"Health insurance (BHYT): coverage"``; unknown
        indicators come back with underscores turned into spaces.
    """
    check_lang(lang)
    if indicator in _OTHER:
        return _OTHER[indicator][lang]
    # Longest scheme prefix first: bhxh_voluntary before bhxh.
    for scheme in sorted(_SCHEMES, key=len, reverse=True):
        prefix = scheme + "_"
        if indicator.startswith(prefix):
            measure = indicator[len(prefix):]
            label = _MEASURES.get(measure, {}).get(lang, measure.replace("_", " "))
            return f"{_SCHEMES[scheme][lang]}: {label}"
    return indicator.replace("_", " ")


def _num(x: float, decimals: int, lang: str) -> str:
    from .clean import format_number

    return format_number(x, decimals, "vi" if lang == "vi" else "en")


def fmt_number(x: float | None, lang: str, decimals: int = 0, na: str = "–") -> str:
    """Format a count with the thousands separator of ``lang`` (``190.863`` / ``190,863``).

    Parameters
    ----------
    x : float or None
        The number; ``None``/NaN give ``na``.
    lang : str
        ``"vi"`` or ``"en"``.
    decimals : int
        Digits after the decimal mark.
    na : str
        Text for a missing value.
    """
    check_lang(lang)
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return na
    return _num(float(x), decimals, lang)


def fmt_pct(x: float | None, lang: str, max_decimals: int = 2, na: str = "–") -> str:
    """Format a percentage (0–100 scale) with up to ``max_decimals`` digits: ``83,23%``.

    Trailing zeros are dropped (``91%``, ``68,9%``) so printed figures look as published.
    """
    check_lang(lang)
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return na
    text = _num(round(float(x), max_decimals), max_decimals, lang)
    mark = "," if lang == "vi" else "."
    if mark in text:
        text = text.rstrip("0").rstrip(mark)
    return f"{text}%"


def fmt_pp(x: float | None, lang: str, na: str = "–") -> str:
    """Format a difference in percentage points with a sign: ``+1,5`` / ``-6.77``."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return na
    sign = "+" if x > 0 else ""
    return sign + fmt_pct(x, lang).rstrip("%")


def fmt_value(x: float | None, unit: str, lang: str, na: str = "–") -> str:
    """Format a value by its unit: ``pct`` → :func:`fmt_pct`, other units → :func:`fmt_number`.

    Counts that are not whole numbers (a derived population, say) keep no decimals; small
    non-integers (rates per unit) keep two.
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return na
    if unit == "pct":
        return fmt_pct(x, lang)
    decimals = 0 if abs(x) >= 100 or float(x).is_integer() else 2
    return fmt_number(x, lang, decimals)


def fmt_date(d: object, lang: str, na: str = "–") -> str:
    """Format a date: ``31/7/2020`` in Vietnamese, ``31 Jul 2020`` in English.

    Parameters
    ----------
    d : date, datetime, pandas.Timestamp or ISO string
        The date; missing values give ``na``.
    lang : str
        ``"vi"`` or ``"en"``.
    """
    check_lang(lang)
    if d is None:
        return na
    if isinstance(d, str):
        try:
            d = _dt.date.fromisoformat(d[:10])
        except ValueError:
            return d
    if not hasattr(d, "year") or d != d:  # NaT compares unequal to itself
        return na
    if lang == "vi":
        return f"{d.day}/{d.month}/{d.year}"
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def level_label(level: str, lang: str) -> str:
    """Return the name of an administrative level (``district`` → ``Huyện`` / ``District``)."""
    return t(level, lang)
