"""An entry, with the names it refers to, turned into the activity's line: who, what (a question by its
statement, an assessment by its title), the change in words, and its before and after, recorded and in words."""

from dataclasses import dataclass, replace
from datetime import datetime

from activity.builders.changes import Change, Detail, details, raw_changes
from activity.builders.entries import (
    ACTIONS,
    DISCARDED,
    HIDDEN_VALUES,
    INVITED,
    Entry,
    Names,
    statement,
)
from activity.builders.texts import subject, target_name, text

# What the filters call each kind of object, and the models (content types of app `assessments`) behind it.
KINDS: dict[str, tuple[str, ...]] = {
    "answer": ("answer",),
    "evidence": ("evidence",),
    "assessment": ("assessment",),
    "target": ("targetlevel",),
    "membership": ("membership",),
    "organization": ("organization",),
    "respondent": ("respondent", "respondentanswer"),
    "review": ("review", "reviewcomment"),
}
KIND_LABELS = {
    "answer": "Answers",
    "evidence": "Evidence",
    "assessment": "Assessment: status, scope, systems covered and settings",
    "target": "Targets",
    "membership": "Members and roles",
    "organization": "Organisation settings",
    "respondent": "Survey respondents and their answers",
    "review": "Reviews",
}
KIND_OF_MODEL = {model: kind for kind, models in KINDS.items() for model in models}


@dataclass(frozen=True)
class ActivityLine:
    id: int
    timestamp: datetime
    actor: str | None
    kind: str
    object: str
    action: str
    text: str
    changes: list[Change]  # as recorded, for the API
    details: list[Detail]  # in words, for the page and the CSV
    assessment_id: int | None
    assessment: str  # its title, or "" for an organisation's own entries
    question: str | None  # the key of the question it is about, if any


def activity_line(entry: Entry, names: Names, *, show_addresses: bool) -> ActivityLine:
    """`show_addresses`: whether the reader may read invited respondents' addresses (owners and assessors)."""
    if entry.model == "respondent" and not show_addresses:
        entry = _without_address(entry)
    if entry.assessment_id in names.anonymous and _respondents_own(entry):
        entry = _unattributed(entry)
    hidden = entry.model in HIDDEN_VALUES
    assessment = ""
    if entry.assessment_id is not None:
        assessment = names.assessments.get(entry.assessment_id, DISCARDED)
    return ActivityLine(
        id=entry.id,
        timestamp=entry.timestamp,
        actor=entry.actor,
        kind=KIND_OF_MODEL.get(entry.model, entry.model),
        object=_object_name(entry, names),
        action=ACTIONS.get(entry.action, "changed"),
        text=text(entry, names),
        changes=[] if hidden else raw_changes(entry),
        details=[] if hidden else details(entry, names),
        assessment_id=entry.assessment_id,
        assessment=assessment,
        question=names.question_keys.get(entry.additional_data.get("question_id")),
    )


def _respondents_own(entry: Entry) -> bool:
    """A respondent's answers and their submission: an anonymous survey's trail names nobody for them."""
    return entry.model == "respondentanswer" or (entry.model == "respondent" and "submitted_at" in entry.changes)


def _unattributed(entry: Entry) -> Entry:
    """The entry without who: what the services store for an anonymous survey, and how entries stored before
    they did are shown."""
    question = {"question_id": entry.additional_data["question_id"]} if "question_id" in entry.additional_data else {}
    return replace(entry, actor=None, actor_id=None, additional_data=question, object_repr="a respondent")


def _without_address(entry: Entry) -> Entry:
    """A respondent's entry with their address read as INVITED wherever it was stored: its name, its own
    field's before and after, and what names the respondent (a member's username still names them)."""
    email = [INVITED if value else value for value in entry.changes.get("email", ())]
    changes = {**entry.changes, "email": email} if email else entry.changes
    return replace(
        entry, object_repr=INVITED, changes=changes, additional_data={**entry.additional_data, "email": INVITED}
    )


def _object_name(entry: Entry, names: Names) -> str:
    if entry.model in ("membership", "respondent"):
        return subject(entry, names)
    if entry.model == "targetlevel":
        return target_name(entry, names)
    if entry.model in ("assessment", "review") and entry.assessment_id in names.assessments:
        title = names.assessments[entry.assessment_id]
        return f"review of {title}" if entry.model == "review" else title
    question = statement(entry, names)
    if question and entry.model == "evidence":
        return f"{question}: {entry.object_repr}"
    return question or entry.object_repr
