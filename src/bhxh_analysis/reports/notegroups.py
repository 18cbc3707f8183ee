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

    A sentence naming a series starts that series' paragraph, or continues it when the
    paragraph is that series' already (its name is then left out and the rest starts
    with a capital); a sentence naming none continues the paragraph before it, unless
    it is a note on the whole section (:data:`GENERAL_KEYS`) or none came before. A
    paragraph on several series (a subject with "; ") takes no sentence naming none:
    those follow one series' sentences.

    Examples
    --------
    >>> by_subject(["A: x — P: one.", "A: x — P: two.", "More.", "B: y — P: three."], "en")
    ['A: x — P: one. Two. More.', 'B: y — P: three.']
    """
    general = {i18n.t(k, lang) for k in GENERAL_KEYS}
    out: list[str] = []
    current: str | None = None  # the subject of out[-1], if it may be continued
    for s in sentences:
        subject = subject_of(s)
        if s in general:
            out.append(s)
            current = None
        elif subject is not None and subject == current:
            rest = s[len(subject) + 2:]
            out[-1] += " " + rest[:1].upper() + rest[1:]
        elif subject is not None:
            out.append(s)
            current = subject if "; " not in subject else None
        elif current is not None:
            out[-1] += " " + s
        else:
            out.append(s)
    return out
