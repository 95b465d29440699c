"""What a version of a framework changed, in the words of the model page (pure: from the diff of
maturity/versions.py, the one `manage.py framework_diff` prints)."""

from collections.abc import Mapping
from dataclasses import dataclass

from maturity.selectors import VersionChanges
from maturity.versions import QuestionRecord


@dataclass(frozen=True)
class ChangedQuestion:
    key: str
    version: int  # the version whose page shows the question
    area: str  # its area's name
    level: int
    statement: str
    note: str = ""  # what changed, what it became, or what it joins


@dataclass(frozen=True)
class ChangeGroup:
    title: str
    help: str
    questions: list[ChangedQuestion]


@dataclass(frozen=True)
class VersionChangesView:
    version: int
    previous: int
    older_count: int
    newer_count: int
    summary: str  # "76 added, 4 removed, ..."
    groups: list[ChangeGroup]  # the groups that have questions


def version_changes_view(changes: VersionChanges, area_names: Mapping[str, str]) -> VersionChangesView:
    """`area_names`: area key -> name over every version (an area may be gone from the newer one)."""
    diff, old, new = changes.diff, changes.older.version, changes.newer.version

    def shown(question: QuestionRecord, version: int, note: str = "") -> ChangedQuestion:
        area = area_names.get(question.area, question.area)
        return ChangedQuestion(question.key, version, area, question.level, question.statement, note)

    groups = [
        ChangeGroup("Added", "New practices.", [shown(q, new) for q in diff.added]),
        ChangeGroup("Removed", "Practices no longer asked.", [shown(q, old) for q in diff.removed]),
        ChangeGroup(
            "Split",
            "One practice became several: each is answered anew, with the earlier answer shown beside it.",
            [shown(older, old, "Now: " + _quoted(newer)) for older, newer in diff.split],
        ),
        ChangeGroup(
            "Merged",
            "Several practices became one: it is answered anew, with the earlier answers shown beside it.",
            [shown(newer, new, "Merges: " + _quoted(older)) for older, newer in diff.merged],
        ),
        ChangeGroup(
            "Reworded or moved",
            "The same practice, reworded, given other guidance, or moved to another level, area or weight: its "
            "answers carry over.",
            [shown(pair.newer, new, _changes(pair.changes)) for pair in diff.changed],
        ),
    ]
    counts = [(len(group.questions), group.title.lower()) for group in groups] + [(len(diff.unchanged), "unchanged")]
    return VersionChangesView(
        version=new,
        previous=old,
        older_count=changes.older_count,
        newer_count=changes.newer_count,
        summary=", ".join(f"{count} {title}" for count, title in counts if count),
        groups=[group for group in groups if group.questions],
    )


def _quoted(questions: list[QuestionRecord]) -> str:
    return "; ".join(f"\u201c{question.statement}\u201d" for question in questions)


def _changes(changes: list[str]) -> str:
    """The diff's own words (maturity.versions.Continued.changes), with arrows for the page."""
    text = "; ".join(change.replace(" -> ", " \u2192 ") for change in changes)
    return text[:1].upper() + text[1:]
