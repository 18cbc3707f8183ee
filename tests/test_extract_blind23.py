"""``bhxh extract``: the classes of the twenty-third blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Twenty-third blind
set: the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

BLIND23_CLASSES = [
    # an infographic's two-line title set in capitals that lists its schemes with a
    # comma ("… BHXH, BHYT NĂM 2025"): its year dates the blocks, not the publication
    ("QUẢNG NGÃI\nTOÀN CẢNH BHXH, BHYT NĂM 2025\n\nBHYT\n1.180.000 người\n\nBHTN\n"
     "95.200 người", "2026-01-20", None,
     {("Quảng Ngãi", "bhyt_participants", "2025-12-31", 1_180_000.0),
      ("Quảng Ngãi", "bhtn_participants", "2025-12-31", 95_200.0)}),
    # control: a second line in ordinary case with a comma is a lead, not the title
    ("Tin BHXH\nTheo BHXH tỉnh Quảng Ngãi, năm 2025 khả quan\n\nBHYT\n1.180.000 người\n\n"
     "BHTN\n95.200 người", "2026-01-20", None,
     {("Quảng Ngãi", "bhyt_participants", "2026-01-20", 1_180_000.0),
      ("Quảng Ngãi", "bhtn_participants", "2026-01-20", 95_200.0)}),
]

test_blind23_classes = class_tests(BLIND23_CLASSES)
