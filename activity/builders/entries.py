"""What the activity's builders read: the fields of an entry, the names it refers to (read once per page), and
small readers of both."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

CREATE, UPDATE, DELETE = 0, 1, 2
ACTIONS = {0: "created", 1: "changed", 2: "deleted", 3: "accessed"}
DISCARDED = "a discarded draft"
# A respondent's own answers stay theirs: respondents must not read each other's before they submit, and an
# anonymous survey never shows who answered what. The trail records them; the activity shows only that they
# answered.
HIDDEN_VALUES = ("respondentanswer",)
# An invited respondent's address is for those who run surveys (assessments.selectors.surveys.respondent_name);
# other readers of the trail read this (that module's INVITED, as it reads inside a sentence), in its lines and
# in their before and after values.
INVITED = "someone invited by email"


@dataclass(frozen=True)
class Names:
    """What entries refer to, read once per page: questions' statements (and keys, for the API), users' names,
    teams' names, the titles of the assessments (a discarded draft has none), scopes' questions and areas'
    names by key."""

    questions: Mapping[int, str] = field(default_factory=dict)
    question_keys: Mapping[int, str] = field(default_factory=dict)
    users: Mapping[int, str] = field(default_factory=dict)
    teams: Mapping[int, str] = field(default_factory=dict)
    assessments: Mapping[int, str] = field(default_factory=dict)
    anonymous: frozenset[int] = frozenset()  # the anonymous surveys among the assessments
    scopes: Mapping[str, str] = field(default_factory=dict)
    areas: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Entry:
    """The fields of an activity entry that the builders read (activity.models.ActivityEntry has them)."""

    id: int
    timestamp: datetime
    actor: str | None
    actor_id: int | None
    model: str
    object_repr: str
    action: int
    changes: Mapping[str, list]
    additional_data: Mapping[str, object]
    assessment_id: int | None


def before_after(entry: Entry, name: str) -> tuple[object, object]:
    return tuple(entry.changes.get(name, (None, None)))


def as_id(value: object) -> int | None:
    """A foreign key as the trail stores it (auditlog writes "5", older entries 5), or None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return int(value) if isinstance(value, str) and value.isdigit() else None


def statement(entry: Entry, names: Names) -> str:
    """The statement of the entry's question, "" when the entry has none or the question is gone."""
    question_id = entry.additional_data.get("question_id")
    return names.questions.get(question_id, "") if question_id is not None else ""


def quoted(text: str) -> str:
    return f"“{text}”" if text else "a question"


def assessment_title(assessment_id: object, names: Names) -> str:
    return names.assessments.get(as_id(assessment_id), DISCARDED) if as_id(assessment_id) else ""


def user_name(value: object, names: Names) -> str:
    user_id = as_id(value)
    return names.users.get(user_id, "a former user") if user_id is not None else ""


def carried_from(entry: Entry) -> int | None:
    """The submitted assessment an answer was carried over from, when the entry recorded a carry-over."""
    return as_id(entry.additional_data.get("carried_from"))
