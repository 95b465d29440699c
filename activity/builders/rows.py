"""The activity as CSV rows: one per changed field, in words, with the assessment each change belongs to."""

from collections.abc import Iterable

from activity.builders.lines import ActivityLine

CSV_COLUMNS = [
    "timestamp",
    "actor",
    "assessment",
    "kind",
    "object",
    "action",
    "description",
    "field",
    "before",
    "after",
]


def activity_rows(lines: Iterable[ActivityLine]) -> Iterable[list[str]]:
    """One row per changed field (one with empty field, before and after for an entry that has none to show)."""
    for line in lines:
        common = [
            line.timestamp.isoformat(),
            line.actor or "",
            line.assessment,
            line.kind,
            line.object,
            line.action,
            line.text,
        ]
        if not line.details:
            yield [*common, "", "", ""]
        for detail in line.details:
            yield [*common, detail.field, detail.before, detail.after]
