"""The words the extractor reads: figures, schemes, measures, places and time cues.

Every Vietnamese cue the extractor understands is listed here, once, as a regular
expression on NFC text (case-insensitive unless said otherwise). The logic that combines
them lives in :mod:`bhxh_analysis.extract.core`.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
#: Lower-case letters (ASCII and the Latin letters with diacritics Vietnamese uses).
LOWER = "a-z" + "".join(
    ch for ch in map(chr, range(0xC0, 0x1EFA)) if ch.isalpha() and ch.islower()
)
#: Upper-case letters (ASCII and the Latin letters with diacritics Vietnamese uses).
UPPER = "A-Z" + "".join(
    ch for ch in map(chr, range(0xC0, 0x1EFA)) if ch.isalpha() and ch.isupper()
)

# ------------------------------------------------------------------------- figures

#: A printed number with an optional multiplier word and percent sign. Digits glued to
#: ``/``, ``:``, ``-`` or letters (dates 31/8, ratios 366/244, times 12:00, document
#: numbers 1279/KH-BHXH, 21-NQ/TW) are not figures. English-style numbers some pages
#: print ("1,588,505 người", "102.4%", "1.6 triệu") are matched too and read in
#: :func:`bhxh_analysis.extract.figures.find_figures` where only one reading is possible.
NUMBER = re.compile(
    r"(?<![\w.,/:\-])"
    r"(?P<num>(?P<endec>\d{1,3}\.\d{1,2})(?=\s*(?:%|(?:triệu|nghìn|ngàn|tỷ|tỉ)(?!\w)(?!\s+lệ)))|\d{1,3}(?:\.\d{3})+(?:,\d+)?|"
    r"(?P<engroup>\d{1,3}(?:,\d{3}){2,})|\d+(?:,\d+)?)"
    r"(?P<mult>\s*(?:triệu|ngàn|nghìn|tỷ|tỉ)(?!\w)(?!\s+lệ))?"  # not "tỷ lệ" (a rate)
    r"(?P<pct>\s*%)?"
    r"(?![\d/:]|[.,]\d|-\w|(?!người)\w)",  # "1.861người": a typo glues the noun
    _I,
)
#: Numbers written in words before a multiplier ("một nghìn", "hai triệu", "nửa triệu"),
#: with the group names of :data:`NUMBER` (the others never match).
WORD_VALUES = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
               "chín": 9, "mười": 10, "nửa": 0.5}
WORD_NUMBER = re.compile(
    r"(?<!\w)(?P<num>" + "|".join(WORD_VALUES) + r")(?P<mult>\s+(?:triệu|nghìn|ngàn))(?!\w)"
    r"(?P<pct>(?!))?(?P<endec>(?!))?(?P<engroup>(?!))?", _I)
#: Approximations and bounds printed just before a figure (→ ``qualifier``).
QUALIFIER_BEFORE = re.compile(
    r"(?P<q>hơn|trên|gần|khoảng|xấp xỉ|tối thiểu|ít nhất|chừng|dưới|chưa tới|chưa đến|"
    r"gần như|ước tính|ước)"
    r"\s*$",
    _I,
)
#: Money follows the figure: never persons.
MONEY_AFTER = re.compile(r"\s*(?:triệu|tỷ|tỉ|nghìn|ngàn)?\s*(?:tỷ\s*)?(?:đồng|VNĐ|VND|đ\b)", _I)
#: Nouns after a count that make it a count of people.
PERSON_AFTER = re.compile(
    r"\s*(?:người\s+lao\s+động|người\s+dân|người|lao\s+động|đối\s+tượng|NLĐ)(?!\w)", _I
)
#: "... người/huyện": a target per unit, not a place's figure.
PER_UNIT_AFTER = re.compile(r"\s*người\s*/\s*\w", _I)
#: Counts of other things (households, visits, units, sessions, ...): not figures we keep.
OTHER_COUNT_AFTER = re.compile(
    r"\s*(?:hộ|lượt|đơn\s+vị|doanh\s+nghiệp|DN|xã|phường|thị\s+trấn|huyện|tỉnh|thành|"
    r"cuộc|đợt|buổi|lần|thẻ|sổ|chị|em|học\s+sinh|cán\s+bộ|điểm|đại\s+lý|tổ|hồ\s+sơ|trường|"
    r"tháng|năm|ngày|tuổi)(?!\w)",
    _I,
)
#: "tăng 5,2 điểm phần trăm": a change in percentage points.
POINTS_AFTER = re.compile(r"\s*điểm\s+(?:phần\s+trăm|%)", _I)  # "điểm %" (set 35)
#: ``(366/244)`` after an attainment: achieved / planned.
RATIO_AFTER = re.compile(
    r"\s*\(\s*(?P<a>\d[\d.]*)\s*/\s*(?P<b>\d[\d.]*)\s*\)", _I
)

# ------------------------------------------------------------------------- schemes

#: Scheme mentions, most specific first; group name = package scheme.
SCHEME = re.compile(
    # "bảo hiểm bắt buộc" alone (as "bảo hiểm tự nguyện"): compulsory BHXH (set 19)
    r"(?P<bhxh_compulsory>(?:BHXH|bảo\s+hiểm\s+xã\s+hội|bảo\s+hiểm)\s+bắt\s+buộc|BHXH\s?BB(?!\w))"
    r"|(?P<bhxh_voluntary>(?:BHXH|bảo\s+hiểm\s+xã\s+hội|bảo\s+hiểm)\s+tự\s*nguyện|"
    r"BHXH\s?TN(?!\w))"
    r"|(?P<bhyt_household>(?:(?:BHYT|bảo\s+hiểm\s+y\s+tế)\s+(?:theo\s+(?:hình\s+thức\s+)?)?|nhóm\s+(?:tham\s+gia\s+)?"
    r"(?:theo\s+)?)(?:hộ\s+gia\s+đình|HGĐ)(?!\w))"
    r"|(?P<bhtn>BHTN|(?:bảo\s+hiểm|BH)\s+thất\s+nghiệp)"
    r"|(?P<bhyt_voluntary>(?:BHYT|bảo\s+hiểm\s+y\s+tế)\s+tự\s+nguyện)"
    r"|(?P<bhyt>BHYT|bảo\s+hiểm\s+y\s+tế)"
    r"|(?P<bhxh>BHXH|bảo\s+hiểm\s+xã\s+hội)",
    _I,
)
#: Voluntary health insurance (before 2015): a scheme outside the vocabulary, whose
#: figures are skipped rather than read as all of BHYT (set 12).
OUTSIDE_SCHEME = "bhyt_voluntary"
#: A scheme word that names the agency, a law or a day, not the insurance itself.
AGENCY_AFTER = re.compile(
    r"\s*(?:tỉnh|huyện|thành\s+phố|TP|thị\s+xã|quận|Việt\s+Nam|VN|cấp|các\s+cấp|khu\s+vực|"
    r"trung\s+ương|(?:các\s+)?địa\s+phương|các\s+tỉnh)(?!\w)",  # "giao cho BHXH các địa phương"
    _I,
)
AGENCY_BEFORE = re.compile(
    r"(?:ngành|cơ\s+quan|Giám\s+đốc|giám\s+đốc|lãnh\s+đạo|Ngày|Luật|luật|đại\s+lý\s+thu)\s*$"
)

# ------------------------------------------------------------------------ measures

#: Participation after a count: "... người tham gia BHYT", "... người đóng BHXH".
PARTICIPATE_AFTER = re.compile(
    r"\s*(?:người\s+lao\s+động|người\s+dân|người\s+Việt\s+Nam|người|lao\s+động|"
    r"đối\s+tượng|NLĐ|dân\s+số|số\s+dân|"
    r"lực\s+lượng\s+lao\s+động(?:\s+trong\s+độ\s+tuổi)?|LLLĐ)?"
    # "N người trên địa bàn tỉnh A tham gia BHYT": the place between persons and cue
    r"(?:\s+(?:trên\s+địa\s+bàn|tại|ở)(?:\s+(?:tỉnh|thành\s+phố|TP\.?|huyện|quận|thị\s+xã))?"
    rf"(?:\s+[{UPPER}]\w*){{1,4}})?"
    r"(?:\s+(?:đã|đang|có|là))?\s*(?:tham\s+gia|đóng|có\s+thẻ|được\s+cấp\s+thẻ)(?!\w)",
    _I,
)
#: Participation named before the figure ("tham gia BHXH tự nguyện là", "số người BHXH").
PARTICIPATE_BEFORE = re.compile(r"tham\s+gia|số\s+người|số\s+đối\s+tượng|số\s+lao\s+động", _I)
#: New participants ("phát triển mới", "khai thác mới", "tăng mới").
NEW = re.compile(
    # (not "tổng số người tham gia mới đạt N": the total "only" reached N, set 21)
    r"phát\s+triển\s+mới|tham\s+gia\s+mới(?!(?<=tổng\ssố\sngười\stham\sgia\smới)\s+đạt)|khai\s+thác\s+mới|tăng\s+mới|thu\s+hút\s+mới|"
    r"mới\s+tham\s+gia|phát\s+triển\s+được|phát\s+triển\s+thêm|vận\s+động\s+(?:mới|được)|"
    r"tăng\s+thêm\s+mới|"
    r"phát\s+triển\s*$",  # "Phát triển (hơn) 4.100 người tham gia …"
    _I,
)
#: A bare "phát triển" right before the figure: new participants in a result ("Phát
#: triển hơn 4.100 người …"), the total to reach in a target (twelfth round).
DEVELOP_BEFORE = re.compile(r"phát\s+triển\s*$", _I)
#: "6.120 người tham gia BHXH tự nguyện mới", "37 người tham gia mới từ đầu năm" (set
#: 26): new participants named after the figure ("mới đạt", "mới có" mean "only": not new).
NEW_AFTER = re.compile(
    r"\s*(?:người\s+|lao\s+động\s+|đối\s+tượng\s+)?tham\s+gia\s+(?:\S+\s+){0,4}?mới"
    r"(?!\s*(?:đạt|có|chỉ|được|là|bằng|chiếm|\d))(?!\w)", _I)
#: A change just before the figure ("tăng 1.657", "giảm hơn 200").
CHANGE_BEFORE = re.compile(
    r"(?P<dir>tăng|giảm|có\s+thêm|thu\s+hút\s+thêm)(?:\s+(?:thêm|được))?\s*$", _I)
#: Over-achievement just before the figure ("vượt 120 người", "vượt kế hoạch 5%").
OVER_BEFORE = re.compile(
    r"vượt(?:\s+(?:chỉ\s+tiêu|kế\s+hoạch)(?:\s+(?:được\s+)?giao)?)?\s*$", _I
)
#: "tăng 318 người, nâng tổng số lên 21.640 người": the total after a change is a stock.
TOTAL_BEFORE = re.compile(
    r"(?:nâng|đưa)\s+tổng\s+số(?:\s+người)?(?:\s+tham\s+gia)?\s+lên\s*$", _I)
#: A shortfall ("còn thiếu 6,77%", "chưa đạt", "cần phát triển thêm", an infographic's
#: "Còn thiếu: 1,3 điểm phần trăm").
SHORTFALL_BEFORE = re.compile(
    r"(?:thiếu|chưa\s+đạt|còn\s+phải\s+phát\s+triển(?:\s+thêm)?|"
    r"cần\s+(?:phát\s+triển|vận\s+động)(?:\s+thêm)?)(?::|(?:\s+\S+){0,3}?)\s*$",
    _I,
)
#: "còn khoảng 18.300 người cần vận động tham gia để đạt chỉ tiêu": the cue after.
SHORTFALL_AFTER = re.compile(
    r"\s*(?:người\s+)?(?:cần|phải|còn\s+phải)\s+(?:được\s+)?(?:phát\s+triển|vận\s+động)"
    r"(?!\w)", _I)
#: "(mới đạt 87,8% kế hoạch,) còn khoảng 15.800 người nữa": what is still to come after
#: "còn" (set 19), a shortfall.
STILL_MORE_AFTER = re.compile(r"\s*(?:người\s+)?nữa(?!\w)", _I)
#: "số người cần phát triển để đạt kế hoạch là ...", "Nông Sơn còn 5.505 người".
SHORTFALL_CLAUSE = re.compile(
    r"(?:cần|còn)\s+(?:phải\s+)?(?:phát\s+triển|vận\s+động)|còn\s+thiếu", _I
)
#: People outside the scheme ("số người chưa tham gia"): not participants, not a shortfall.
NOT_PARTICIPATING = re.compile(r"(?:chưa|không)\s+(?:tham\s+gia|có\s+thẻ|đóng)", _I)
#: "số người tăng 6 tháng đầu năm là ...": a change named before its figure.
CHANGE_CLAUSE = re.compile(
    r"số\s+(?:người|đối\s+tượng|lao\s+động)(?:\s+tham\s+gia)?\s+(?P<dir>tăng|giảm)(?!\s+mới)",
    _I,
)
#: "… so với chỉ tiêu (mục tiêu, set 25) (được giao) (năm 2024) (là)" before a rate: the plan's.
PLAN_RIGHT_BEFORE = re.compile(
    r"(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)(?:\s+(?:được\s+)?giao)?(?:\s+năm(?:\s+\d{4})?)?"
    r"\s*(?:là|:)?\s*$", _I)
#: A gap to a plan named in a sentence ("còn thiếu", "vượt", "thấp hơn", "chưa đạt").
GAP_WORD = re.compile(r"\bthiếu\b|\bvượt\b|thấp\s+hơn|cao\s+hơn|chưa\s+đạt", _I)
#: "… để hoàn thành (đạt) chỉ tiêu năm" after a count still to be developed.
TO_REACH_PLAN_AFTER = re.compile(
    r"[^.;]*?\bđể\s+(?:hoàn\s+thành|đạt)\s+(?:\S+\s+){0,2}?(?:chỉ\s+tiêu|kế\s+hoạch|"
    r"mục\s+tiêu)", _I)
#: Attainment: "đạt 106,3% kế hoạch", "150% (366/244) kế hoạch", "so với chỉ tiêu",
#: "so với số kế hoạch … giao" (the planned number).
PLAN_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:so\s+(?:với\s+)?(?:số\s+)?)?"  # "so chỉ tiêu" too (set 19)
    r"(?:(?:chỉ\s+tiêu\s+)?kế\s+hoạch|chỉ\s+tiêu|KH)(?!\w)",
    _I,
)
ATTAIN_BEFORE = re.compile(
    r"(?:hoàn\s+thành|đạt)\s+(?:so\s+với\s+)?(?:chỉ\s+tiêu|kế\s+hoạch)"
    r"(?:\s+(?:được\s+)?giao|\s+năm(?:\s+\d{4})?)?\s*(?:là|đạt|bằng)?\s*$",
    _I,
)
#: "Có 3 huyện đã hoàn thành chỉ tiêu ... là Quế Sơn (100,12%)".
ATTAIN_DONE = re.compile(r"(?:hoàn\s+thành|đạt|vượt)\s+(?:\S+\s+){0,2}?(?:chỉ\s+tiêu|kế\s+hoạch)", _I)
#: A target, not a result ("phấn đấu hoàn thành 60% chỉ tiêu").
TARGET = re.compile(
    r"phấn\s+đấu|mục\s+tiêu|góp\s+phần|cố\s+gắng|đề\s+ra|nhằm|dự\s+kiến|đặt\s+ra|"
    r"để\s+(?:đạt|hoàn\s+thành)|đảm\s+bảo",
    _I,
)
#: "năm 2019 tỉnh phải đạt tỷ lệ bao phủ 89,5%": what a place must reach, a target (not
#: "còn phải đạt thêm …", a need).
MUST_REACH = re.compile(r"(?<!còn\s)\bphải\s+đạt\b(?!\s+thêm)", _I)
#: Plans and targets: "chỉ tiêu", "kế hoạch (được) giao", "chỉ tiêu giao của UBND",
#: a resolution's or decision's target.
PLAN = re.compile(
    r"chỉ\s+tiêu|kế\s+hoạch|được\s+giao|giao\s+cho|mục\s+tiêu|phấn\s+đấu|nghị\s+quyết|"
    r"quyết\s+định|Nghị\s+quyết|Quyết\s+định|\bKH\b",
    _I,
)
#: Coverage: "tỷ lệ bao phủ", "độ bao phủ", "chiếm ...% dân số".
#: "tỷ lệ BHYT", "tỷ lệ bảo hiểm y tế": a rate named by its scheme alone.
COVERAGE_BEFORE = re.compile(
    r"bao\s+phủ|t[ỷỉ]\s+lệ[^,;%]{0,60}?(?:tham\s+gia|có\s+thẻ)|"
    r"t[ỷỉ]\s+lệ\s+(?:BHYT|BHXH|BHTN|bảo\s+hiểm\s+(?:y\s+tế|xã\s+hội|thất\s+nghiệp))", _I)
COVERAGE_AFTER = re.compile(
    r"\s*(?:so\s+với\s+)?(?:tổng\s+)?(?:dân\s+số|số\s+dân|lực\s+lượng\s+lao\s+động|LLLĐ|"
    r"người\s+dân(?!\s+tộc)|lao\s+động)",
    _I,
)
#: "so với chỉ tiêu ... đạt 84%": an attainment whose plan was named earlier.
VERSUS_PLAN = re.compile(r"(?:so\s+với|theo)\s+(?:chỉ\s+tiêu|kế\s+hoạch)", _I)
#: "so với cùng kỳ năm 2019 (55.317 người)": the figure of the same date a year before.
SAME_PERIOD = re.compile(r"cùng\s+(?:kỳ|thời\s+điểm)(?:\s+năm\s+(?:(?P<y>\d{4})|trước))?\s*\(?\s*$", _I)
#: A scheme named just before its figure: "BHXH bắt buộc: 199.511", "BHTN là 217.587".
SCHEME_THEN = re.compile(
    r"(?:BHXH|BHYT|BHTN|bảo\s+hiểm[\w\s]{0,20}?)(?:\s+(?:bắt\s+buộc|tự\s+nguyện|hộ\s+gia\s+đình|"
    r"TN|BB|HGĐ))?"
    r"\s*(?::|là|\||\t)?\s*$",  # ":", "là", or a table cell "BHXH bắt buộc | 112.400"
    _I,
)
#: "BHXH tự nguyện (mới) có 141.294 người": the scheme itself (not "Bảo hiểm xã hội tỉnh
#: có 120 người", the agency) has so many participants.
SCHEME_HAS = re.compile(
    r"(?:BHXH|BHYT|BHTN|bảo\s+hiểm\s+(?:xã\s+hội|y\s+tế|thất\s+nghiệp))"
    r"(?:\s+(?:bắt\s+buộc|tự\s+nguyện|hộ\s+gia\s+đình|TN|BB|HGĐ))?"
    r"\s+(?:mới\s+|chỉ\s+)?(?:có|(?P<left>còn)|(?:ước\s+)?đạt)\s*$", _I)  # "… chỉ còn N người"
#: ("BHXH tự nguyện ước đạt 2.100 người", set 26: the scheme reached so many)
#: "45%, 35% lực lượng lao động", "10% và 3,1% lực lượng lao động": the denominator printed
#: after the last item of a list.
COVERAGE_AFTER_LIST = re.compile(
    r"(?:\s*(?:,|và)\s*(?:khoảng|gần|trên|hơn)?\s*\d[\d.,]*\s*%)+" + COVERAGE_AFTER.pattern, _I
)
#: Denominators printed as counts.
POPULATION_BEFORE = re.compile(
    r"(?P<what>dân\s+số|lực\s+lượng\s+lao\s+động|LLLĐ)(?:\s+\S+){0,16}?\s*"
    r"(?:là|có|khoảng|gần|hơn|trên|đạt)?\s*$",
    _I,
)
#: Revenue, debts and payments: a percent or count about money, not people.
MONEY_CONTEXT = re.compile(
    r"số\s+thu|kế\s+hoạch\s+thu|tổng\s+thu|thu\s+(?:BHXH|BHYT|BHTN|nợ)|\bthu\s*,|tiền(?!\s+(?:Giang|Hải|Phong)\b)|"
    r"nợ\s+đọng|chậm\s+đóng|chi\s+trả|quỹ|doanh\s+thu|số\s+chi",
    _I,
)
#: Statements about every province at once ("tất cả 63 tỉnh, thành phố").
ALL_UNITS = re.compile(r"tất\s+cả\s+(?:các\s+)?(?:\d+\s+)?tỉnh|các\s+tỉnh,\s+thành\s+phố", _I)
#: Campaign rounds and their targets (not a place's plan or result).
CAMPAIGN = re.compile(
    r"đợt\s+ra\s+quân|lễ\s+ra\s+quân|ra\s+quân|chiến\s+dịch|đợt\s+cao\s+điểm|"
    r"tháng\s+cao\s+điểm|tháng\s+vận\s+động|đợt\s+vận\s+động",
    _I,
)
#: Where a clause ends, for cues that must sit in the figure's own clause.
CLAUSE_BREAK = re.compile(r"[,;]|\s(?:và|trong\s+đó|còn)\s", _I)

# -------------------------------------------------------------------------- places

#: A place written with its administrative kind; ``name`` = up to four capitalised words.
#: "Quận 1", "Phường 6" (not "tỉnh Bình Phước 6 tháng đầu năm": a count of months).
# a numbered unit ("Phường 1"), not a rate after a name ("xã Phú Thọ 91,3%")
_CAP_WORD = (rf"(?:[{UPPER}][\w']*|\d{{1,2}}(?!\d)(?![,.]\d)(?!\s*%)"
             r"(?!\s+(?i:tháng|năm|quý|ngày)(?!\w)))")
#: A figure-less lead naming the scheme of the figures after it ("Nhiều địa phương có tốc
#: độ phát triển người tham gia BHXH tự nguyện cao."): a sentence about its growth.
SCHEME_LEAD = re.compile(r"[^.;:!?]*\b(?:phát\s+triển|tốc\s+độ)\b[^.;:!?]*\.$", re.I)
#: A word between a place's kind and its name ("xã miền núi Cát Sơn", "xã ven biển Cát
#: Hải", "xã vùng cao Nam Trà My", "huyện đảo Phú Quý"): the unit's kind still names it.
_KIND_DESCRIPTOR = (r"(?:(?:miền\s+núi|vùng\s+(?:cao|sâu|xa|biên)|ven\s+biển|biên\s+giới|"
                    r"bãi\s+ngang|đảo|trung\s+du|đồng\s+bằng)[^\S\n]+)?")
#: The "xã" of "bảo hiểm xã hội", "an sinh xã hội", "chính sách xã hội" is no commune
#: ("BẢO HIỂM XÃ HỘI TỈNH QUẢNG NGÃI": the province is the place, in any case), nor that
#: of a letterhead's motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (set 25).
PLACE_PREFIXED = re.compile(
    r"(?P<kind>(?i:tỉnh|thành\s+phố|TP\.?|Tp\.?|huyện|quận|thị\s+xã|TX\.?|"
    r"(?<!hiểm\s)(?<!sinh\s)(?<!sách\s)xã(?![^\S\n]+hội[^\S\n]+chủ[^\S\n]+nghĩa)|phường|"
    r"thị\s+trấn|đặc\s+khu))[^\S\n]+" + _KIND_DESCRIPTOR
    + r"(?P<name>" + _CAP_WORD + r"(?:[ \-]+" + _CAP_WORD + r"){0,3})"
)
#: "31.746/31.563 người": two counts joined by "/" (participants over a plan).
COUNT_PAIR = re.compile(r"(?<![\w.,/:\-])(?P<a>\d{1,3}(?:\.\d{3})+|\d+)\s*/\s*"
                        r"(?P<b>\d{1,3}(?:\.\d{3})+|\d+)(?=\s*người(?!\w))")
#: "…, đạt 100,6% kế hoạch": the attainment a statement prints after a figure.
ATTAINMENT_AFTER = re.compile(r"\bđạt\s+(?P<pct>\d+(?:,\d+)?)\s*%\s*(?:so\s+với\s+)?"
                              r"(?:kế\s+hoạch|chỉ\s+tiêu|KH)(?!\w)", _I)
#: "Nghị quyết số 159", "Quyết định 775": a document's number before the figure.
DOCUMENT_NUMBER_BEFORE = re.compile(
    r"(?:Nghị\s+quyết|Quyết\s+định|Nghị\s+định|Thông\s+tư|Chỉ\s+thị|Công\s+văn|"
    r"Luật)\s+(?:số\s+)?$|Kế\s+hoạch\s+số\s+$", _I)  # not "(kế hoạch 55.100 người)"
#: Digital services ("tỷ lệ đồng bộ/xác thực dữ liệu", "cài đặt ứng dụng VssID", "giao
#: dịch điện tử"): their rates and counts are no participants nor coverage.
DIGITAL_SERVICE = re.compile(
    r"đồng\s+bộ\s+dữ\s+liệu|xác\s+thực|cài\s+đặt|VssID|giao\s+dịch\s+điện\s+tử|"
    r"định\s+danh\s+điện\s+tử|không\s+dùng\s+tiền\s+mặt", _I)
#: "TP.HCM", "TPHCM", "TP HCM": Hồ Chí Minh City by its usual abbreviation.
HCM_ABBREVIATION = re.compile(r"(?<!\w)(?:T[Pp]\.?\s?HCM|TP\.?\s?Hồ\s+Chí\s+Minh)(?!\w)")
KIND_LEVEL = {
    "tỉnh": "province", "huyện": "district", "quận": "district", "thị xã": "district",
    "tx": "district", "xã": "commune", "phường": "commune", "thị trấn": "commune",
    "đặc khu": "commune",
    "thành phố": None, "tp": None,
}
#: "chỉ tiêu UBND tỉnh Đồng Tháp giao": the body that sets a target, before its place.
AUTHORITY_BEFORE = re.compile(
    r"(?:UBND|HĐND|Ủy\s+ban\s+nhân\s+dân|Hội\s+đồng\s+nhân\s+dân|Tỉnh\s+ủy"
    r"|(?<!\w)được)\s*$")  # "huyện được tỉnh A giao chỉ tiêu": the passive's agent
#: "tỷ lệ bao phủ của toàn vùng": a region's figure (no unit of the registry).
REGION = re.compile(r"(?:toàn|của|cả)\s+(?:vùng|khu\s+vực)(?!\w)", re.I)
#: The nation ("toàn ngành", the whole sector, is the place in play's: a province's
#: branch in a provincial report, the nation's in a national one).
NATION = re.compile(r"toàn\s+quốc|cả\s+nước|phạm\s+vi\s+cả\s+nước", _I)
#: "Bắc Ninh dẫn đầu cả nước về …", "… nhiều nhất cả nước với N người": the nation is the
#: field of a ranking, not the figure's place (the place ranked is).
RANKED_BEFORE = re.compile(r"(?:dẫn\s+đầu|đứng\s+đầu|nhất)\s+$", _I)
RANKED_NATION = re.compile(r"(?:dẫn\s+đầu|đứng\s+đầu|nhất)\s+(?:cả\s+nước|toàn\s+quốc)", _I)
#: "Việt Nam" names the nation unless it ends an organisation's name.
ORG_BEFORE_VN = re.compile(
    r"(?:BHXH|BHYT|BHTN|[Bb]ảo\s+hiểm(?:\s+xã\s+hội)?|[Bb]ưu\s+điện|[Cc]ông\s+ty|[Nn]gân\s+hàng|"
    r"[Đđ]ảng|[Cc]hính\s+phủ|[Tt]ổ\s+quốc|[Mm]ặt\s+trận|[Hh]ội|Nam|[Tt]ập\s+đoàn|VNPT|"
    r"[Vv]iễn\s+thông|[Nn]gày\s+\S+(?:\s+\S+)?)\s*$"
)
#: "toàn tỉnh", "trên địa bàn huyện", "tỉnh giao huyện": the province / district in context.
CONTEXT_PLACE = re.compile(
    # (not a ranking's field: "Huyện Mường Tè dẫn đầu toàn tỉnh về …", "cao nhất tỉnh")
    r"(?<!dẫn\sđầu\s)(?<!đứng\sđầu\s)(?<!nhất\s)"
    r"(?:toàn|cả|của|cho|giao|tại|trên\s+địa\s+bàn|địa\s+bàn|trong)\s+(?P<kind>tỉnh|huyện|thành\s+phố|thị\s+xã|"
    rf"quận)(?!\s+(?-i:[{UPPER}]))",
    _I,
)
#: "… cho biết huyện phấn đấu …", "; tỉnh vẫn còn …": the bare kind as a clause's subject
#: (followed by its verb) is the province or district in context.
SUBJECT_PLACE = re.compile(
    r"(?:(?<=\bbiết\s)|(?<=[,:;]\s)|(?<=^)|(?<=\.\s))(?P<kind>(?i:huyện|tỉnh))\s+"
    r"(?=(?:phấn\s+đấu|vẫn|đã|đang|sẽ|cần|còn|hiện\s+có|đặt\s+mục\s+tiêu|"
    r"phát\s+triển\s+mới)(?!\w))", re.M)
#: Words before a bare list of communes ("các xã ... như: A đạt 68,9%, B đạt ...").
#: Administrative kinds before a name in a list ("huyện A: ...; huyện B: ...").
KIND_WORDS = re.compile(r"\b(?:tỉnh|thành\s+phố|TP\.?|huyện|quận|thị\s+xã|xã|phường|"
                        r"thị\s+trấn|đặc\s+khu)\b", _I)
LOCAL_UNITS = re.compile(r"\b(?:xã|phường|thị\s+trấn|đặc\s+khu|huyện|quận|thị\s+xã|thành\s+phố|"
                         r"địa\s+phương|đơn\s+vị)\b", _I)
#: Verbs between a bare place name and its figure ("Hiệp An đạt", "Ninh Gia:").
NAME_VERB_TAIL = re.compile(
    # "xã Chợ Mới có": a capitalised "Mới" ends the name, it is no adverb
    r"(?:\s*(?-i:chỉ\s+|mới\s+|cũng\s+)?(?:đạt|là|có|chiếm|còn|:|với|\())*\s*$", _I
)

# --------------------------------------------------------------------------- dates

#: As-of phrases; the matched text is read by :func:`bhxh_analysis.clean.parse_date`
#: after the small rewrites in :mod:`bhxh_analysis.extract.core`.
_DM = (r"\d{1,2}/\d{1,2}(?:/\d{4})?|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}-\d{1,2}-\d{4}|"
       r"\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?")
_MONTH = r"tháng\s+\d{1,2}(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?"
#: Month counts written as words ("chín tháng đầu năm"), longest first.
MONTH_WORDS = {"mười một": 11, "mười hai": 12, "mười": 10, "một": 1, "hai": 2, "ba": 3,
               "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
_MONTH_WORDS = "|".join(w.replace(" ", r"\s+") for w in MONTH_WORDS)
AS_OF = re.compile(
    r"(?P<day>(?:(?:tính\s+)?(?:đến|tới)|(?:tại\s+)?thời\s+điểm)\s+(?:hết\s+)?(?:ngày\s+)?(?:"
    + _DM + r"))"
    r"|(?P<month>(?:(?:tính\s+)?(?:đến|tới)\s+)?(?:hết|cuối|trong)\s+" + _MONTH + r")"
    r"|(?P<monthstart>(?:tính\s+)?(?:đến|tới)\s+đầu\s+tháng\s+(?P<sm>\d{1,2})"
    r"(?:\s*/\s*(?P<sy>\d{4})|\s+năm\s+(?P<sy2>\d{4}))?)"  # "đến đầu tháng 7": its first day
    # "(tính đến) giữa tháng 10(/2024)": a mid-month status, read as the 15th
    r"|(?P<midmonth>(?:(?:tính\s+)?(?:đến|tới)\s+)?giữa\s+tháng\s+(?P<mm>\d{1,2})"
    r"(?:\s*/\s*(?P<my>\d{4})|\s+năm\s+(?P<my2>\d{4}))?)"
    r"|(?P<monthto>(?:tính\s+)?(?:đến|tới)\s+" + _MONTH + r")"
    r"|(?P<monthyear>tháng\s+\d{1,2}\s*/\s*\d{4}|"
    r"(?<!\d\s)(?<!ngày\s)tháng\s+\d{1,2}\s+năm\s+\d{4})"  # not "ngày 5 tháng 10 năm 2019"
    r"|(?P<months>(?<![\w.,])(?P<n>\d{1,2}|" + _MONTH_WORDS + r")\s+tháng\s+(?:đầu\s+)?năm"
    r"(?:\s+(?P<ny>\d{4}|nay))?)"
    r"|(?P<half>nửa\s+đầu\s+năm(?:\s+(?P<hy>\d{4}|nay))?)"
    # "Trong 10 tháng, ...": the first months of the year (not "6 tháng tới/qua/cuối",
    # "5 tháng còn lại")
    r"|(?P<monthsin>[Tt]rong\s+(?P<n2>\d{1,2}|" + _MONTH_WORDS + r")\s+tháng"
    r"(?!\s*(?:tới|qua|cuối|gần|nữa|liên|trước|sau|đầu|năm|còn\s+lại|\d|/))(?!\w))"
    r"|(?P<quarter>(?:hết\s+|trong\s+)?quý\s+(?P<q>IV|I{1,3}|[1-4])(?![\w])(?:\s*/\s*|\s+năm\s+)?"
    r"(?P<qy>\d{4})?)"
    r"|(?P<yearend>(?:hết|cuối)\s+năm(?:\s+(?P<ey>\d{4})|\s+(?P<ago>ngoái|trước)(?!\w))?)"
    r"|(?P<year>(?<!\w)(?:trong\s+|cả\s+)?năm\s+(?P<yy>(?:19|20)\d{2})(?!\s*[-–/]\s*\d))"
    r"|(?P<now>(?:đến|tới)\s+(?:nay|thời\s+điểm\s+này|thời\s+điểm\s+hiện\s+tại)|"
    r"hiện\s+nay|hiện\s+tại|hiện\s+(?:đã\s+)?(?:có|đạt)|vừa\s+qua)",  # "A hiện đạt 96,4%"
    _I,
)
#: Before a year that is a comparison's, not a plan's: "tăng … so với cuối năm 2019".
COMPARED_YEAR_BEFORE = re.compile(
    r"(?:so\s+với|cùng\s+(?:kỳ|thời\s+điểm))\s*(?:(?:cuối|đầu|hết)\s+(?:năm\s*)?)?$", _I)
#: Before a "now" phrase that is no date: "nhiều nhất từ trước đến nay" (ever), "Cũng đến
#: thời điểm này" (the date just given), "Với kết quả hiện tại" (the result just read).
NOT_NOW_BEFORE = re.compile(r"(?:\b(?:từ\s+)?trước|\bxưa|\bcũng|\bkết\s+quả|"
                            r"\bsố\s+liệu|\btiến\s+độ)\s+$", _I)
#: What may come before a place that opens its sentence: "Tại tỉnh A, …", "Ở B, …".
OPENING_PLACE = re.compile(r"\s*(?:(?:tại|ở|đối\s+với|với|riêng|còn|về)\s+)?", _I)
#: A comparison's date: "so với (thời điểm|cùng kỳ|...) tháng 9/2020".
#: A lead that closes a year: "Năm 2022 khép lại với …", "Kết thúc năm 2023, …".
YEAR_CLOSED = re.compile(
    r"[ \t]*\n\s*(?:Năm\s+(?P<y>(?:19|20)\d{2})\s+(?:đã\s+)?(?:khép\s+lại|kết\s+thúc|"
    r"qua\s+đi|đi\s+qua)|(?:Khép\s+lại|Kết\s+thúc|Nhìn\s+lại)\s+năm\s+"
    r"(?P<y2>(?:19|20)\d{2}))(?!\d)")
COMPARED_BEFORE = re.compile(
    r"so\s+(?:với|cùng)\s+(?:(?:thời\s+điểm|cùng\s+kỳ|số\s+liệu|mức|kết\s+quả)\s+)?$"
    r"|gấp\s+(?:(?:gần|hơn|khoảng|trên|xấp\s+xỉ)\s+)?(?:\d+(?:,\d+)?|đôi|ba)\s+(?:lần\s+)?"
    r"(?:so\s+với\s+)?$", _I)  # "gấp (gần) 2,1 lần năm 2020": the year a ratio compares with
#: "N người, đạt 102,4% kế hoạch", "N người, chiếm 93% dân số": the count a rate is of.
RATE_OF_COUNT_AFTER = re.compile(
    r"\s*(?:người|lao\s+động|đối\s+tượng)?\s*[,(]?\s*(?:đạt|chiếm|bằng)\s+"
    r"(?:t[ỷỉ]\s+lệ\s+)?(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?\d[\d.,]*\s*%\s*"
    r"(?:so\s+với\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|KH|dân\s+số|lực\s+lượng\s+lao\s+động|LLLĐ)",
    _I,
)
#: A photo credit or caption ("(Ảnh: BHXH tỉnh Lai Châu)", a line "Ảnh: ..."): the
#: places it names are not the article's subject.
#: Names of industrial parks and economic zones ("các khu công nghiệp Yên Bình, Điềm
#: Thụy", "KCN Giao Long"): a bare name in such a run names no administrative unit.
PARK_BEFORE = re.compile(
    r"(?:(?i:(?:khu|cụm)\s+(?:công\s+nghiệp|kinh\s+tế|chế\s+xuất|công\s+nghệ\s+cao))|\bKCN|"
    rf"\bCCN|\bKKT)\s+(?:[{UPPER}][\w']*(?:\s+|\s*[-–,]\s*|\s+và\s+))*$")
CREDIT = re.compile(r"\(\s*(?:Ảnh|Nguồn|Ảnh\s+minh\s+họa)\s*:[^)\n]*\)|"
                    r"^[ \t]*(?:Ảnh|Nguồn|Ảnh\s+minh\s+họa)\s*:[^\n]*$", re.M)
#: A remark on a figure's scope ("(tính chung địa bàn Đà Nẵng và Quảng Nam cũ)", "(gồm cả
#: …)"): the places it names are the parts of the place in play, not a new one.
SCOPE_REMARK = re.compile(r"\(\s*(?:tính\s+chung|gồm\s+cả|bao\s+gồm(?:\s+cả)?)\s[^)\n]*\)", _I)
#: A national agency named as the source ("Theo BHXH Việt Nam", "Bộ Y tế", "Thủ tướng").
NATIONAL_SOURCE = re.compile(
    r"(?:BHXH|[Bb]ảo\s+hiểm\s+[Xx]ã\s+hội)\s+Việt\s+Nam|Bộ\s+(?:Y\s+tế|Lao\s+động|LĐ)|"
    r"Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội|Tổng\s+cục\s+Thống\s+kê")
#: A sentence that goes on from the one before ("Qua đó, ...", "Con số này ...",
#: "Trong đó, ...", "Riêng ...", "Trong số này, ..."): it keeps that sentence's date.
CONTINUES = re.compile(r"\s*(?:Qua\s+đó|Nhờ\s+đó|Như\s+vậy|Theo\s+đó|Con\s+số\s+này|"
                       r"Trong\s+đó|Cụ\s+thể|Riêng|Trong\s+số\s+(?:này|đó|trên)|"
                       r"Số\s+(?:này|đó)|Kết\s+quả\s+này)(?!\w)")
#: "chỉ tiêu bao phủ ... đạt": "chỉ tiêu" naming an indicator, not a target.
INDICATOR_WORD = re.compile(r"chỉ\s+tiêu\s+(?:bao\s+phủ|phát\s+triển\s+người\s+tham\s+gia)"
                            r"(?!\s+(?:được\s+)?giao)", _I)
#: A result's date ("tính đến", "đến hết", "tính tới"): the sentence reports a result.
RESULT_DATE = re.compile(r"(?:tính\s+)?(?:đến|tới)\s+(?:hết|cuối|ngày)|tính\s+(?:đến|tới)", _I)
#: A place name followed by a date: the dateline of a letter or plan ("Hà Nội, ngày 31 ...").
DATELINE_AFTER = re.compile(r",\s*ngày\s+\d{1,2}(?:\s+tháng\s+\d|/\d)", _I)
#: "Theo chỉ tiêu (được) giao, ...", "Theo lộ trình, ...": a sentence of targets.
#: "Mục tiêu năm 2017, tỷ lệ bao phủ … đạt 86,5%": a sentence opened by a target's label.
TARGET_OPENING = re.compile(
    r"\s*(?:Mục\s+tiêu|Chỉ\s+tiêu|Kế\s+hoạch)(?:\s+(?:của\s+)?(?:năm|đến(?:\s+cuối)?\s+năm)"
    r"\s+(?:19|20)\d{2})?\s*[,:]")
TARGET_SENTENCE = re.compile(
    r"\s*Theo\s+(?:đó\s*,?\s+)?(?:chỉ\s+tiêu|mục\s+tiêu|lộ\s+trình|"  # "Theo đó chỉ tiêu …"
    r"kế\s+hoạch(?:[^,.;\d%]{0,40}?\bgiao\b|\s*,))", _I)  # "Theo kế hoạch UBND tỉnh giao năm 2025, …"
#: A share of those who must join, not of the labour force or population.
ELIGIBLE_AFTER = re.compile(
    r"\s*(?:so\s+với\s+)?(?:tổng\s+)?(?:số\s+)?(?:người|lao\s+động|đối\s+tượng)\s+"
    r"(?:thuộc\s+diện|phải\s+tham\s+gia)", _I)
#: "Trong đó, ...", "Cụ thể, ...": a sentence breaking down the one before (its targets).
BREAKDOWN_LEAD = re.compile(r"\s*(?:Trong\s+đó|Cụ\s+thể|Theo\s+đó)(?!\w)")
#: "Tỷ lệ này sẽ tăng ...": a rate named in the sentence before.
THIS_RATE = re.compile(r"t[ỷỉ]\s+lệ\s+(?:này|đó|trên)", _I)
#: Between a rate and the next scheme's rate of the same base (the scheme blanked):
#: "… dân số và tham gia   đạt", "… lực lượng lao động; số người tham gia   chiếm".
RATE_GOES_ON = re.compile(
    r"(?:\s*(?:dân\s+số|lực\s+lượng\s+lao\s+động)(?:\s+trong\s+độ\s+tuổi)?)?"
    r"[\s,;]*(?:(?:và|trong\s+đó)\s+)?(?:số\s+người\s+)?(?:tham\s+gia|đóng)\s+"
    r"(?:đạt|là|chiếm|:)?\s*", _I)
#: "Lộ trình ...: năm 2021 đạt 35%; năm 2023 đạt 40%": a roadmap's list is of targets.
ROADMAP = re.compile(r"lộ\s+trình", _I)
#: "2017 là 79,8%": an item of a list labelled by year.
YEAR_ITEM_BEFORE = re.compile(  # not a month's "tháng 6/2019 là 89%" (set 16)
    r"(?:năm\s+)?(?<![\d/.\-])(?P<y>(?:19|20)\d{2})\s*(?:là|:|đạt)\s*$", _I)
#: Services and benefits counted in persons: not participants.
SERVICE = re.compile(r"hỗ\s+trợ|giải\s+quyết|hưởng|tập\s+huấn|tuyên\s+truyền|tư\s+vấn|"
                     r"khám|đối\s+thoại|hội\s+nghị", _I)
#: "Trong 15 huyện, thị xã, thành phố, dẫn đầu là …": a count of places ranked next, not a
#: count whose rate follows.
UNITS_COUNTED = re.compile(r"\s*(?:huyện|quận|xã|phường|thị\s+xã|thành\s+phố|tỉnh|"
                           r"địa\s+phương|đơn\s+vị\s+hành\s+chính)\b", _I)
#: Where a figure's clause ends before a scheme named after it: a stop, a contrast
#: ("…, trong khi tỷ lệ bao phủ BHYT …") or a reason ("88,1%, chủ yếu do nhóm hộ gia
#: đình chưa tái tục thẻ": the reason's scheme is not the rate's; set 16).
CLAUSE_ENDS_AFTER = re.compile(r"[.;\n)]|,\s*(?:trong\s+khi|còn|nhưng|song|riêng)\s"
                               r"|,\s*(?:chủ\s+yếu\s+|một\s+phần\s+)?(?:do|vì|nhờ|bởi)\s")
#: "lần lượt": figures that follow schemes listed together, in the same order.
RESPECTIVELY = re.compile(r"lần\s+lượt|tương\s+ứng\s+là(?!\w)", _I)
#: ("A, B và C tương ứng là x, y và z": "respectively" too)
#: A year printed beside a plan ("năm 2020", "giai đoạn 2022-2025" → the last year).
PLAN_YEAR = re.compile(r"(?:năm|đến|giai\s+đoạn\s+\d{4}\s*[-–]\s*)\s*(?P<y>(?:19|20)\d{2})|"
                       r"(?<![\d/.,])(?P<yl>(?:19|20)\d{2})(?=\s*(?:là|:)\s*\d)", _I)
#: Publication dates printed in a page header.
PUBLISHED_LABELLED = re.compile(
    r"(?:ngày\s+đăng|đăng\s+ngày|cập\s+nhật|published|\d{1,2}:\d{2}(?:\s*[AP]M)?,?)\s*:?\s*"
    r"(?:ngày\s+)?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})",
    _I,
)
FULL_DATE = re.compile(r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})(?!\d)")
YEAR = re.compile(r"(?<![\d/.,])(?:19|20)\d{2}(?![\d/.,]\d)")
#: "Kế hoạch số 93-KH/TU ngày", "Quyết định 1167/QĐ-TTg ngày": a document's signing date
#: follows (no status date, no publication day).
DOCUMENT_DATE_BEFORE = re.compile(
    r"(?:quyết\s+định|nghị\s+quyết|nghị\s+định|chỉ\s+thị|thông\s+tư|công\s+văn|"
    r"văn\s+bản|kế\s+hoạch\s+số|luật|\d+\s*[/-]\s*[A-ZĐ])[^.;:\n]{0,60}?ngày\s*$", _I)
#: Right before a date that bounds a span ("Từ ngày 1/3/2024", "từ 1/3 đến 15/5/2024"):
#: the span's start or end, no publication day (eleventh round, issue 15).
SPAN_END_BEFORE = re.compile(
    r"(?<!\w)(?:kể\s+)?từ\s+(?:ngày\s+)?(?:\d{1,2}/\d{1,2}(?:/\d{4})?\s*(?:đến|tới|[-–])"
    r"\s*(?:hết\s+)?(?:ngày\s+)?)?$", _I)
#: "Từ đó đến nay", "kể từ khi phát động đến nay" after a date: that date began a span.
SINCE_THEN = re.compile(
    r"(?<!\w)(?:kể\s+)?từ\s+(?:đó|khi\s[^.;\n]{0,60}?|ngày\s+(?:đó|này|phát\s+động)|"
    r"thời\s+điểm\s+(?:đó|này|phát\s+động))\s*(?:đến|tới)\s+nay", _I)

# -------------------------------------------------------------------------- sentences

#: Sentence ends: ``.!?…`` then space and a capital or an opening quote; or a newline.
SENTENCE_END = re.compile(
    r"(?<!\bTP\.)(?<!\bTp\.)(?<!\bTX\.)(?<!\bTT\.)(?<!\bThS\.)(?<!\bTS\.)(?<!\b\w\.)"
    rf"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]*[{UPPER}0-9])"
    r"|[ \t]*\r?\n(?:[ \t]*\r?\n)+"  # a blank line
    rf"|[ \t]*[\r\n]+(?![\r\n]*[ \t]*[{LOWER}0-9])"  # a line break, unless the sentence goes on
)

# ------------------------------------------------------------ not coverage (round 8)

#: A survey or poll: the shares of its respondents are not coverage, its sites are no
#: article's place. A visiting team ("đoàn khảo sát", set 18) is no survey: the place it
#: visits stays in play.
SURVEY = re.compile(r"(?<!đoàn )(?<!Đoàn )khảo\s+sát|thăm\s+dò|được\s+hỏi|"
                    r"điều\s+tra\s+xã\s+hội\s+học", _I)
#: What respondents know or want ("không biết đến", "chưa từng nghe", "không muốn").
ATTITUDE = re.compile(
    r"(?:không|chưa)\s+(?:biết|hiểu|muốn|quan\s+tâm|có\s+nhu\s+cầu|từng\s+(?:nghe|biết)|"
    r"bao\s+giờ|nghe|"
    r"mặn\s+mà)|biết\s+(?:đến|về|rõ)|mong\s+muốn|muốn\s+tham\s+gia|sẵn\s+sàng|"
    r"có\s+nhu\s+cầu|cho\s+rằng|được\s+hỏi", _I)
#: Lump-sum withdrawals and people leaving the scheme: a benefit count, not participants.
LUMP_SUM = re.compile(
    r"(?:BHXH|bảo\s+hiểm\s+xã\s+hội)\s+một\s+lần|rút\s+(?:\S+\s+){0,2}?một\s+lần|"
    r"rời\s+(?:khỏi\s+)?hệ\s+thống", _I)
#: "Cứ 3 người tham gia ... thì 1 người ...": a ratio, not a figure.
RATIO_LEAD = re.compile(r"(?<![Cc]ăn\s)\b[Cc]ứ\s+(?:mỗi\s+)?(?:\d[\d.,]*\s+\S+[^;]*?\bthì\b(?:\s+\S+){0,3}?)?\s*$")
#: "..., tương đương 5,2% dân số" right after a count of people without a card.
SAME_AS_BEFORE = re.compile(r"^\s*,?\s*(?:tương\s+(?:đương|ứng)(?:\s+với)?|chiếm|bằng)\s*$", _I)
#: "trên 93% như: xã A ..., xã B ...": the bound a list of places reached, not a figure.
LIST_LEAD_AFTER = re.compile(
    r"\s*,?\s*(?:(?:như|gồm(?:\s+có)?|bao\s+gồm)\s*(?::|\bsau\b|(?=(?:xã|phường|thị\s+trấn|"
    r"huyện|quận|thị\s+xã|thành\s+phố|tỉnh)\s)))", _I)
#: "từ 83,36% trở lên": a bound over several places.
BOUND_AFTER = re.compile(r"\s*trở\s+(?:lên|xuống)", _I)
#: The words between a list's lead and its first item ("như: xã A đạt ...").
LIST_LEAD_WORDS = re.compile(r"\b(?:như|gồm(?:\s+có)?|bao\s+gồm|là)\b", _I)
#: A national document or leader quoted as the subject ("Quyết định số 38/QĐ-TTg của Thủ
#: tướng", "Nghị quyết 28-NQ/TW"): national unless the sentence names a local unit.
NATIONAL_DOCUMENT = re.compile(
    r"Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội|Bộ\s+Chính\s+trị|Trung\s+ương|QĐ-TTg|NQ/TW|NQ-CP")
LOCAL_WORD = re.compile(r"\b(?:tỉnh|huyện|quận|thị\s+xã|thành\s+phố|xã(?!\s+hội)|phường|thị\s+trấn|"
                        r"địa\s+phương)\b", _I)
#: A result named after the figures: "..., vượt 0,15% chỉ tiêu", "đạt 101% kế hoạch".
RESULT_AFTER = re.compile(
    r"vượt[^.;]{0,40}?(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)|"
    r"(?:đạt|hoàn\s+thành|bằng)\s+[\d.,]+\s*%\s*(?:so\s+với\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|KH)", _I)

# ------------------------------------------------------------ blind passages (round 9)

#: A purpose clause "Để đạt chỉ tiêu … trong năm 2019,": its date is the target's horizon.
PURPOSE = re.compile(r"(?:\b[Đđ]ể|nhằm|[Mm]uốn)\s+(?:đạt|hoàn\s+thành|thực\s+hiện)", _I)
#: "…% số người tham gia", "…% số người có thẻ": a share of the participants, no coverage.
SHARE_OF_PARTICIPANTS_AFTER = re.compile(
    r"\s*(?:tổng\s+)?số\s+(?:người|đối\s+tượng)\s+(?:đang\s+)?(?:tham\s+gia|có\s+thẻ)", _I)
#: What opens a new item after a list's figure: ";", or a contrast ("…, trong khi (như)
#: phường A mới đạt 94,2%", set 25): its figure is not the list's bound over several places.
NEW_ITEM = re.compile(r";|\btrong\s+khi\b", _I)
#: An item of a numbered or bulleted list ("1. …", "a) …", "- …").
LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[a-zđ]\)|[-–•+*])\s+")
#: A heading of a year's targets ("Các chỉ tiêu chủ yếu năm 2021", "Mục tiêu năm 2024:");
#: not a report on them ("Kết quả thực hiện các chỉ tiêu năm 2023").
TARGET_HEADING = re.compile(
    r"(?:chỉ\s+tiêu|mục\s+tiêu|nhiệm\s+vụ)[^\n\d%]{0,40}?(?:năm\s+)?(?P<y>(?:19|20)\d{2})"
    r"[^\n\d%]{0,30}?(?:\([^\n()%]{0,60}\))?:?[ \t]*$", _I)  # "(Nghị quyết 01/NQ-CP)"
REPORT_WORDS = re.compile(r"kết\s+quả|thực\s+hiện|đánh\s+giá|\bước\b|đạt\s+được", _I)
#: A place named in a comparison ("thấp hơn mức bình quân của cả nước") or as the field
#: of a ranking ("thuộc nhóm cao của cả nước", "tốp 10 tỉnh dẫn đầu trong", "đứng thứ 5
#: toàn"): not the subject.
COMPARISON_BEFORE = re.compile(
    r"(?:so\s+với|(?:bình\s+quân|trung\s+bình|mức)(?:\s+chung)?(?:\s+(?:của|toàn))?"
    r"|\b(?:nhóm|tốp|top)\s+(?:\d+\s+)?(?:\w+\s+){0,3}?(?:cao|thấp|dẫn\s+đầu|đầu|cuối)"
    r"(?:\s+nhất)?(?:\s+(?:của|trong|toàn))?"
    r"|\bđứng\s+thứ\s+\d+(?:\s+(?:của|trong|toàn))?)\s*$", _I)

# ------------------------------------------------------ blind passages (third set)

#: A plan word in the clause before a year ("so với chỉ tiêu … đặt ra cho năm 2023").
PLAN_WORD = re.compile(r"chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu", _I)

# ------------------------------------------------------ blind passages (fifth set)

#: "từ nay đến cuối năm": the months still to come, a need's horizon, no figure's date.
#: "từ nay đến cuối năm (toàn tỉnh) phải vận động thêm (khoảng)": what is still to win
#: between now and the year's end (set 26), a need, not the plan "phải vận động" names.
FROM_NOW_MORE = re.compile(
    r"từ\s+(?:nay|giờ|bây\s+giờ)\s*,?\s*(?:đến|tới)\s+(?:cuối|hết)\s+năm(?:\s+\d{4})?\s*,?"
    r"(?:\s+\S+){0,3}?\s+(?:còn\s+)?(?:phải|cần)\s+(?:mở\s+rộng|phát\s+triển|vận\s+động|"
    r"thu\s+hút)\s+thêm\s*$", _I)
#: "6 tháng cuối năm, …", "trong 3 năm tới": a span of time after its number, no count
#: a later rate could be the share of (set 26); nor are points ("thấp hơn 3 điểm phần
#: trăm so với thị xã A (95,1%)", set 35).
SPAN_AFTER = re.compile(r"\s*(?:tháng|năm|ngày|tuần|quý|điểm\s+(?:phần\s+trăm|%))(?!\w)", _I)
#: What stops a figure from taking a place named after it: the next clause (";") or a
#: part of the figures before ("…, trong đó địa bàn tỉnh A cũ có M người", set 26; "… N
#: người (địa bàn tỉnh A cũ M người)", set 31).
PART_BREAK = re.compile(r";|\btrong\s+đó\b|\(\s*(?:riêng\s+)?(?:khu\s+vực|địa\s+bàn)\s", _I)
FROM_NOW = re.compile(r"từ\s+(?:nay|giờ|bây\s+giờ)\s*(?:,\s*)?(?:đến|tới)\s*$", _I)
#: "…, còn thiếu 263 người", "…, tăng 120 người": a count's own shortfall or change after it.
PAIR_CUE_AFTER = re.compile(
    r"\s*(?:người\s*)?(?:tham\s+gia\s*)?,\s*(?:còn\s+(?:thiếu|phải)|cần|tăng|giảm)\s", _I)
#: "hiện (nay) khoảng": a figure stated as current (a denominator: the publication day).
NOW_BEFORE = re.compile(
    r"(?<!thực\s)(?<!phát\s)\bhiện(?:\s+(?:nay|tại|có|là|khoảng|gần|hơn|trên|ước|đạt))*\s*$",
    _I)  # not "thực hiện", "phát hiện"
#: "mỗi xã đều có trên 100 người": one figure said of each of several places.
EACH_PLACE = re.compile(r"\bmỗi\s+(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|tỉnh|"
                        r"địa\s+phương|đơn\s+vị)\b", _I)
#: "mỗi nhân viên (đại lý) thu", "mỗi cán bộ": a quota of one person, no place's figure.
EACH_PERSON = re.compile(r"\bmỗi\s+(?:nhân\s+viên|cán\s+bộ|đại\s+lý|cộng\s+tác\s+viên|"
                         r"người\s+thu|điểm\s+thu|tổ)\b", _I)
#: "… 5 người mới mỗi tháng", "… 20 người/tháng": a rate per period.
PER_PERIOD_AFTER = re.compile(r"\s*(?:người\s+)?(?:\w+\s+){0,4}?(?:mỗi|/)\s*"
                              r"(?:tháng|năm|tuần|quý)\b", _I)
#: "(chỉ tiêu x%) mà UBND tỉnh giao", "x% dân số", "(Để đạt chỉ tiêu x%) năm 2025, …": the
#: rate a target sets.
GIVEN_AFTER = re.compile(
    r"\s*(?:dân\s+số|(?:mà|do|được|của)\s[^,;.]{0,40}?\bgiao\b|"
    r"(?:của\s+)?năm\s+(?:19|20)\d{2}\s*,)", _I)
#: "chị đã vận động được 47 người", "Anh Lò Văn Sáng vừa thuyết phục thêm 12 người": one
#: person's recruits (a collector's, a volunteer's), not the place's new participants.
PERSON_RECRUITS_BEFORE = re.compile(
    r"(?<!\w)(?:[Cc]hị|[Aa]nh|[Ôô]ng|[Bb]à|[Cc]ô|[Ee]m|[Mm]ình|[Tt]ôi)"
    rf"(?:\s+[{UPPER}]\w*){{0,4}}\s+(?:(?:đã|vừa|cũng|mới|một\s+mình|trực\s+tiếp)\s+)*"
    r"(?:vận\s+động|thuyết\s+phục|mời|giới\s+thiệu|kết\s+nạp|phát\s+triển)"
    r"(?:\s+(?:được|thành\s+công))?(?:\s+(?:thêm|cho|tổng\s+cộng|tổng\s+số))*\s+$")
#: "N người (tham gia) làm nhân viên thu", "N cán bộ, viên chức": staff, not participants.
STAFF_AFTER = re.compile(
    r"\s*(?:người\s+)?(?:(?:tham\s+gia\s+)?(?:làm|là)\s+)?(?:nhân\s+viên|cán\s+bộ|"
    r"viên\s+chức|công\s+chức|cộng\s+tác\s+viên|tuyên\s+truyền\s+viên|đại\s+lý\s+thu)"
    r"(?!\w)", _I)

# ------------------------------------------------------ real pages (set 12)

#: "một số phường phải (thực hiện) vận động … như: A là N người", "… sẽ đạt x%": what a
#: place is obliged to reach, or will reach, is a target (not "còn phải …": a need).
OBLIGED = re.compile(
    r"(?<!còn\s)\bphải\s+(?:thực\s+hiện\s+)?(?:vận\s+động|phát\s+triển)|\bsẽ\s+đạt|"
    r"(?<!còn\s)\bphải\s+đạt\b", _I)  # "số người tham gia … phải đạt 240.100 người"
#: "Để (đảm bảo) hoàn thành chỉ tiêu …, … (mở rộng|phát triển|vận động) thêm N người":
#: a sentence opened by the plan still to be met; the persons "thêm" are what it needs.
#: A quotation opened so after a colon ("… cho biết: “Để đạt chỉ tiêu …") alike (set 23).
TO_REACH_OPENING = re.compile(
    r"(?:[^.;:]*:\s*)?[\s\"“]*Để\s+(?:(?:đảm|bảo)\s+\w+\s+)?(?:hoàn\s+thành|đạt)\s+(?:\S+\s+){0,2}?"
    r"(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)", _I)
MORE_BEFORE = re.compile(r"(?:(?:mở\s+rộng|phát\s+triển|vận\s+động|thu\s+hút)\s+thêm|"
                         # "từ nay đến cuối năm phải có N người": from now on, still needed
                         r"từ\s+nay\s+(?:đến|tới)\s+(?:cuối|hết)\s+năm(?:\s+\d{4})?\s*,?"
                         r"(?:\s+\S+){0,3}?\s+(?:phải|cần)\s+(?:có|đạt)(?:\s+thêm)?)\s*$", _I)
#: "kế hoạch Thủ tướng (Chính phủ) giao": a national body that sets the place's target.
NATIONAL_GIVER = re.compile(r"(?:Thủ\s+tướng(?:\s+Chính\s+phủ)?|Chính\s+phủ)\s+(?:đã\s+)?giao"
                            r"(?!\s+(?:cho\s+)?(?:BHXH\s+Việt\s+Nam|cả\s+nước|toàn\s+quốc))")
#: "đạt 91,93% dân số vào năm 2019", "93,12% dân số năm 2020": a year printed right after
#: a target's figure is that target's own year.
OWN_YEAR_AFTER = re.compile(
    r"\s*(?:người|dân\s+số|lực\s+lượng\s+lao\s+động|LLLĐ)?\s*(?:vào\s+)?(?:cuối\s+|hết\s+)?"
    r"năm\s+(?P<y>(?:19|20)\d{2})(?!\s*[-–/]\s*\d)", _I)
#: "dưới 85% gồm 4 xã", "từ 90% trở lên là 8 xã": a band's bound before a count of places.
BAND_OF_PLACES_AFTER = re.compile(
    r"\s*(?:trở\s+(?:lên|xuống)\s*)?,?\s*(?:là|gồm(?:\s+có)?|có)\s+(?:\d+|\w+)(?:/\d+)?\s+"
    r"(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|tỉnh|thành\s+phố|đơn\s+vị|địa\s+phương)"
    r"(?!\w)", _I)
#: "Hiện còn x% dân số … chưa tham gia": the uninsured share, no rate of participants.
STILL_BEFORE = re.compile(r"\bcòn\s*$", _I)
UNINSURED = re.compile(r"(?:chưa|không)\s+(?:tham\s+gia|có\s+thẻ)", _I)
#: "N người tham gia BHYT lần đầu và đáo hạn": cards issued and renewed, a flow.
RENEWAL_AFTER = re.compile(
    r"[^,;.()]{0,50}?\b(?:lần\s+đầu\s+và\s+(?:đáo|gia)\s+hạn|đáo\s+hạn|gia\s+hạn|tái\s+tục)",
    _I)
#: "tăng 15% với 20.537 người": the persons a change in percent stands for (a change).
CHANGE_PCT_WITH = re.compile(
    r"(?P<dir>tăng|giảm)\s+(?:\S+\s+)?\d[\d.,]*\s*%\s+(?:với|tương\s+(?:đương|ứng)(?:\s+với)?)\s*$",
    _I)
#: "xã nông thôn mới đạt tối thiểu 85%": a criterion for a kind of commune, no place's rate.
NEW_RURAL = re.compile(r"nông\s+thôn\s+mới", _I)
#: "mục tiêu (mà) Quốc hội giao, đó là …", "mục tiêu Chính phủ đặt ra đến năm 2020, …":
#: the clauses after a target named (not reached: "hoàn thành/vượt mục tiêu") state it.
TARGET_NAMED = re.compile(
    r"(?<!hoàn\sthành\s)(?<!vượt\s)\bmục\s+tiêu\b(?:\s+(?:mà|do|của))?\s+[^,.;%\d]{0,40}?"
    r"\b(?:giao|đặt\s+ra|đề\s+ra)\b", _I)
#: "so với cuối năm 2021 (": the rate of that year's end follows in the remark.
COMPARED_YEAR_PAREN = re.compile(
    r"so\s+với\s+(?:cuối\s+|hết\s+)?năm\s+(?P<y>(?:19|20)\d{2})\s*\(\s*$", _I)
#: "… tăng mới thông qua (tổ chức) hội nghị là N người": the persons won by one channel.
CHANNEL = re.compile(r"thông\s+qua\s+(?:việc\s+)?(?:tổ\s+chức\s+)?(?:các\s+)?hội\s+nghị", _I)
#: "Dự kiến dân số của tỉnh năm 2020 là N người": the population of that year.
POPULATION_YEAR_BEFORE = re.compile(
    r"\bnăm\s+(?P<y>(?:19|20)\d{2})\s*(?:(?:là|:|có|khoảng|ước|gần|hơn|trên|đạt)\s*)*$", _I)
#: "chỉ trong ngày 8-5, đã phát triển được N người", "N người tham gia … trong ngày ra
#: quân": one day's results (a campaign's), not the place's stock or year's gains.
ONE_DAY = re.compile(r"\btrong\s+(?:(?:một|1)\s+)?ngày\b(?!\s+(?:làm\s+việc|công))", _I)
#: A forecast before its figure ("Theo dự kiến, … sẽ đạt", "ước thực hiện năm 2022 đạt"):
#: neither a target nor a result ("Dự kiến dân số … là": a projected denominator, read).
FORECAST = re.compile(
    r"(?:theo\s+)?dự\s+kiến(?!\s+(?:dân\s+số|số\s+dân|lực\s+lượng))|ước\s+thực\s+hiện", _I)
#: "…, tương đương 3,2% dân số" right after a change in persons: the change in points.
#: ("…, tương ứng khoảng 4.150 người chưa tham gia", "…, tương ứng 1,9 điểm phần trăm": set 18)
EQUIVALENT_BEFORE = re.compile(
    r"(?:tương\s+(?:đương|ứng)(?:\s+với)?|\btức(?:\s+là)?)(?:\s+khoảng)?\s*$",
    _I)  # "…, tức khoảng 30.500 người": the same gap in persons
#: "304.666 thẻ/313.905 người, chiếm tỷ lệ 97% dân số": the persons the cards are out of
#: (glued to "/", so no figure of :data:`NUMBER`) — the population the rate is of.
CARDS_OVER_PERSONS = re.compile(
    r"thẻ(?:\s+(?:BHYT|bảo\s+hiểm\s+y\s+tế))?\s*/\s*(?P<num>\d{1,3}(?:\.\d{3})+)"
    r"(?=\s*người\s*,?\s*(?:chiếm|đạt|bằng)\s+(?:t[ỷỉ]\s+lệ\s+)?[\d,]+\s*%\s*"
    r"(?:dân\s+số|số\s+dân))", _I)
#: A line that goes on from the one before it ("⏎Tuy nhiên, tỷ lệ … vẫn thấp hơn …"): the
#: paragraph's year holds over it (set 22); a blank line between still ends it.
GOES_ON = re.compile(r"[^\S\n]*\n[^\S\n]*(?:Tuy\s+nhiên|Tuy\s+vậy|Song|Bên\s+cạnh\s+đó)\b")
