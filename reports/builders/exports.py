"""CSV exports, safe to open in a spreadsheet."""

from collections.abc import Sequence

from assessments.models import AnswerScale
from assessments.selectors.answers import AnswerRow
from core.csv_text import FORMULA_PREFIXES, csv_text, neutralise

__all__ = ["FORMULA_PREFIXES", "answers_table", "csv_text", "neutralise"]


ANSWERS_CSV_COLUMNS = [
    "area",
    "level",
    "key",
    "statement",
    "answer",
    "value",
    "comment",
    "answered_by",
    "answered_at",
]
ANSWER_LABELS = AnswerScale.labels_by_value()


def answers_table(rows: Sequence[AnswerRow]) -> tuple[list[str], list[list]]:
    """The header and rows of an assessment's CSV: one row per question, framework order; each answer in words
    ("Mostly in place") for people, and as its value (2, "na", "unknown") for programs."""
    return ANSWERS_CSV_COLUMNS, [
        [
            row.question.area.name,
            row.question.level,
            row.question.key,
            row.question.statement,
            ANSWER_LABELS.get(row.value, ""),
            "" if row.value is None else row.value,
            row.comment,
            row.answered_by or "",
            row.updated_at.isoformat() if row.updated_at else "",
        ]
        for row in rows
    ]
