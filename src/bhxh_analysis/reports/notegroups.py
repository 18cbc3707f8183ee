"""Notes about one series read as one paragraph, its subject named once.

The forecast section's sentences are built one per fact (:func:`~.words.
forecast_sentences`: the plan and the move it needs, the plan's range, the earlier
moves, the model, what held the chance), each naming its series ("BHXH: người tham gia
— Gia Lai (đến 30/6/2025): …") or following one that does. Boxed one by one, Gia Lai's
2025 page showed 12 boxes in a row, the series' name repeated in each; grouped, it shows
one box per series, one for the notes shared by several, and the general ones.
"""

from __future__ import annotations

import re

from .. import i18n

#: The subject a sentence names first: "<indicator label> — <place>: " (the label holds
#: a colon of its own, "BHYT: người tham gia"; a note on several series lists them with
#: "; ").
SUBJECT = re.compile(r"^(.+? — [^:]+): (?=\S)")
#: Notes about the section as a whole: never folded into a series' paragraph.
GENERAL_KEYS = ("forecast_no_plan", "forecast_no_plan_any", "forecast_no_within_year")


def subject_of(sentence: str) -> str | None:
    """The series a sentence names first, or None.

    Examples
    --------
    >>> subject_of("BHYT: người tham gia — Gia Lai (đến 30/6/2025): kế hoạch là 1.330.603")
    'BHYT: người tham gia — Gia Lai (đến 30/6/2025)'
    >>> subject_of("Chuỗi này có quá ít lần thay đổi trước đó.") is None
    True
    """
    m = SUBJECT.match(sentence)
    return m.group(1) if m else None


def by_subject(sentences: list[str], lang: str) -> list[str]:
    """Sentences as paragraphs: one per series, its name said once.

    A sentence naming a series starts that series' paragraph, or adds to it when the
    series has one already, wherever it stands (its name is then left out and the rest
    starts with a capital: Lâm Đồng 2025's BHYT "within-year pattern is borrowed" note
    followed another series' note); a sentence naming none continues the sentence
    before it, unless
    it is a note on the whole section (:data:`GENERAL_KEYS`) or none came before. A
    paragraph on several series (a subject with "; ") takes no sentence naming none:
    those follow one series' sentences.

    Examples
    --------
    >>> by_subject(["A: x — P: one.", "A: x — P: two.", "More.", "B: y — P: three.",
    ...             "A: x — P: four."], "en")
    ['A: x — P: one. Two. More. Four.', 'B: y — P: three.']
    """
    general = {i18n.t(k, lang) for k in GENERAL_KEYS}
    out: list[str] = []
    where: dict[str, int] = {}  # a series' paragraph in out
    current: int | None = None  # the paragraph a sentence naming none continues
    for s in sentences:
        subject = subject_of(s)
        if s in general:
            out.append(s)
            current = None
        elif subject is not None and subject in where:
            rest = s[len(subject) + 2:]
            current = where[subject]
            out[current] += " " + rest[:1].upper() + rest[1:]
        elif subject is not None:
            out.append(s)
            current = None if "; " in subject else len(out) - 1
            if current is not None:
                where[subject] = current
        elif current is not None:
            out[current] += " " + s
        else:
            out.append(s)
    return out
