"""CSV exports, safe to open in a spreadsheet."""

import csv
import io
from collections.abc import Iterable, Sequence

from assessments.selectors import AnswerRow

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A cell that a spreadsheet would run as a formula is prefixed with a quote (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([neutralise(value) for value in row] for row in rows)
    return buffer.getvalue()


ANSWERS_CSV_COLUMNS = ["area", "level", "key", "statement", "value", "comment", "answered_by", "answered_at"]


def answers_table(rows: Sequence[AnswerRow]) -> tuple[list[str], list[list]]:
    """The header and rows of an assessment's CSV: one row per question, framework order."""
    return ANSWERS_CSV_COLUMNS, [
        [
            row.question.area.name,
            row.question.level,
            row.question.key,
            row.question.statement,
            "" if row.value is None else row.value,
            row.comment,
            row.answered_by or "",
            row.updated_at.isoformat() if row.updated_at else "",
        ]
        for row in rows
    ]
