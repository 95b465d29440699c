"""Pure builders of the activity: an entry, with the names it refers to, turned into a human line ("alice
changed data.versioning: started -> fully in place") and its raw changes, before and after; and the CSV."""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from assessments.models import AnswerScale
from maturity.scoring import NA, UNKNOWN

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
ACTIONS = {0: "created", 1: "changed", 2: "deleted", 3: "accessed"}
ANSWER_FLAGS = ("not_applicable", "unknown")
CREATE, UPDATE, DELETE = 0, 1, 2
ANSWER_LABELS = {value: label.lower() for value, label in AnswerScale.labels_by_value().items()}
STATUS_PHRASES = {
    ("draft", "submitted"): "submitted the assessment",
    ("draft", "in_review"): "submitted the assessment for review",
    ("in_review", "submitted"): "signed off the assessment",
    ("in_review", "draft"): "returned the assessment to draft",
}
SETTING_LABELS = {
    "mode": "the mode",
    "anonymous_responses": "anonymous responses",
    "evidence_required": "evidence required",
    "review_required": "review required",
}
# A respondent's own answers stay theirs: respondents must not read each other's before they submit, and an
# anonymous survey never shows who answered what. The trail records them; the activity shows only that they
# answered.
HIDDEN_VALUES = ("respondentanswer",)
# An invited respondent's address is for those who run surveys (assessments.selectors.surveys.respondent_name);
# other readers of the trail read this (that module's INVITED, as it reads inside a sentence), in its lines and
# in their before and after values.
INVITED = "someone invited by email"
CSV_COLUMNS = ["timestamp", "actor", "kind", "object", "action", "field", "before", "after"]


@dataclass(frozen=True)
class Names:
    """What entries refer to by id, read once per page: questions' keys, users' names, teams' names, and
    the titles of the assessments (a discarded draft has none)."""

    questions: Mapping[int, str] = field(default_factory=dict)
    users: Mapping[int, str] = field(default_factory=dict)
    teams: Mapping[int, str] = field(default_factory=dict)
    assessments: Mapping[int, str] = field(default_factory=dict)
    anonymous: frozenset[int] = frozenset()  # the anonymous surveys among the assessments


@dataclass(frozen=True)
class Change:
    field: str
    before: object
    after: object

    @property
    def before_text(self) -> str:
        return cell(self.before)

    @property
    def after_text(self) -> str:
        return cell(self.after)


@dataclass(frozen=True)
class ActivityLine:
    id: int
    timestamp: datetime
    actor: str | None
    kind: str
    object: str
    action: str
    text: str
    changes: list[Change]
    assessment_id: int | None
    assessment: str  # its title, or "" for an organisation's own entries


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


def activity_line(entry: Entry, names: Names, *, show_addresses: bool) -> ActivityLine:
    """`show_addresses`: whether the reader may read invited respondents' addresses (owners and assessors)."""
    if entry.model == "respondent" and not show_addresses:
        entry = _without_address(entry)
    if entry.assessment_id in names.anonymous and _respondents_own(entry):
        entry = _unattributed(entry)
    hidden = entry.model in HIDDEN_VALUES
    changes = [Change(name, *values) for name, values in sorted(entry.changes.items())] if not hidden else []
    assessment = ""
    if entry.assessment_id is not None:
        assessment = names.assessments.get(entry.assessment_id, "a discarded draft")
    return ActivityLine(
        id=entry.id,
        timestamp=entry.timestamp,
        actor=entry.actor,
        kind=KIND_OF_MODEL.get(entry.model, entry.model),
        object=_object_name(entry, names),
        action=ACTIONS.get(entry.action, "changed"),
        text=_text(entry, names),
        changes=changes,
        assessment_id=entry.assessment_id,
        assessment=assessment,
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
        return _subject(entry, names)
    question = _question(entry, names)
    if question and entry.model == "evidence":
        return f"{question}: {entry.object_repr}"
    return question or entry.object_repr


@dataclass(frozen=True)
class Sentence:
    """A whole sentence from a builder of TEXTS ("dave joined as a member"), not a phrase after the actor's name."""

    text: str


def _text(entry: Entry, names: Names) -> str:
    builder = TEXTS.get(entry.model)
    said = builder(entry, names) if builder else f"{ACTIONS.get(entry.action, 'changed')} {entry.object_repr}"
    return said.text if isinstance(said, Sentence) else f"{entry.actor or 'Someone'} {said}"


def _question(entry: Entry, names: Names) -> str:
    question_id = entry.additional_data.get("question_id")
    return names.questions.get(question_id, "") if question_id is not None else ""


def _before_after(entry: Entry, name: str) -> tuple[object, object]:
    return tuple(entry.changes.get(name, (None, None)))


def answer_label(value: object, not_applicable: object, unknown: object = False) -> str:
    if not_applicable is True:
        return ANSWER_LABELS[NA]
    if unknown is True:
        return ANSWER_LABELS[UNKNOWN]
    return ANSWER_LABELS.get(value, "unanswered")


def _answer_labels(entry: Entry) -> tuple[str, str]:
    """Before and after; a flag that did not change was false on both sides, as the value changed."""
    flags = {name: _before_after(entry, name) if name in entry.changes else (False, False) for name in ANSWER_FLAGS}
    old_value, new_value = _before_after(entry, "value")
    return (
        answer_label(old_value, flags["not_applicable"][0], flags["unknown"][0]),
        answer_label(new_value, flags["not_applicable"][1], flags["unknown"][1]),
    )


def _answer_text(entry: Entry, names: Names) -> str:
    question = _question(entry, names)
    if entry.action == DELETE:
        return f"removed the answer to {question}"
    old, new = _answer_labels(entry)
    if entry.action == CREATE:
        return f"answered {question}: {new}"
    if any(name in entry.changes for name in ("value", *ANSWER_FLAGS)):
        comment = " and its comment" if "comment" in entry.changes else ""
        return f"changed {question}{comment}: {old} -> {new}"
    return f"edited the comment on {question}"


def _assessment_text(entry: Entry, names: Names) -> str:
    if entry.action == CREATE:
        return "started the assessment"
    if entry.action == DELETE:
        return "discarded the draft"
    parts = []
    if "status" in entry.changes:
        old, new = _before_after(entry, "status")
        parts.append(STATUS_PHRASES.get((old, new), f"changed the status: {old} -> {new}"))
    if "scope" in entry.changes:
        parts.append(_scope_text(*_before_after(entry, "scope")))
    if "systems_covered" in entry.changes:
        parts.append(_systems_text(_before_after(entry, "systems_covered")[1]))
    for name, label in SETTING_LABELS.items():
        if name in entry.changes:
            parts.append(_setting_text(label, *_before_after(entry, name)))
    return "; ".join(parts) or "changed the assessment"


def _scope_text(old: object, new: object) -> str:
    old, new = old if isinstance(old, dict) else {}, new if isinstance(new, dict) else {}
    answered = [f"{key} {_yes_no(value)}" for key, value in sorted(new.items()) if old.get(key) != value]
    return "answered the scope: " + ", ".join(answered) if answered else "changed the scope"


def _systems_text(new: object) -> str:
    return f"set the systems covered: {new}" if new else "cleared the systems covered"


def _setting_text(label: str, old: object, new: object) -> str:
    if isinstance(new, bool):
        return f"turned {'on' if new else 'off'} {label}"
    return f"set {label}: {old} -> {new}"


def _yes_no(value: object) -> str:
    return {True: "yes", False: "no"}.get(value, str(value))


def _organization_text(entry: Entry, names: Names) -> str:
    if entry.action == CREATE:
        return f"created the organisation {_before_after(entry, 'name')[1] or entry.object_repr}"
    if entry.action == DELETE:
        return "deleted the organisation"
    parts = []
    if "name" in entry.changes:
        old, new = _before_after(entry, "name")
        parts.append(f"renamed the organisation: {old} -> {new}")
    if "archived_at" in entry.changes:
        archived = _before_after(entry, "archived_at")[1] is not None
        parts.append("archived the organisation" if archived else "restored the organisation")
    if "review_required" in entry.changes:
        on = _before_after(entry, "review_required")[1]
        parts.append(f"turned {'on' if on else 'off'} review for every assessment")
    return "; ".join(parts) or "changed the organisation"


def _subject(entry: Entry, names: Names) -> str:
    user_id = entry.additional_data.get("user_id")
    if user_id is not None and user_id in names.users:
        return names.users[user_id]
    return str(entry.additional_data.get("email") or entry.object_repr)


def _role_phrase(role: object) -> str:
    role = str(role)
    return f"{'an' if role[:1] in 'aeiou' else 'a'} {role}"


def _membership_text(entry: Entry, names: Names) -> str | Sentence:
    subject = _subject(entry, names)
    old, new = _before_after(entry, "role")
    if entry.action == DELETE:
        return f"removed {subject} from the organisation"
    joined = entry.actor is None or entry.actor_id == entry.additional_data.get("user_id")
    if entry.action == CREATE and joined:
        return Sentence(f"{subject} joined as {_role_phrase(new)}")
    if entry.action == CREATE:
        return f"made {subject} {_role_phrase(new)}"
    return f"made {subject} {_role_phrase(new)} (was {old})"


def _target_text(entry: Entry, names: Names) -> str:
    team_id = _before_after(entry, "team")[1]
    team = names.teams.get(team_id, "a team") if team_id is not None else "a team"
    area, level = _before_after(entry, "area_key")[1], _before_after(entry, "level")[1]
    if entry.action != CREATE:
        return f"{ACTIONS.get(entry.action, 'changed')} a target of {team}"
    return f"set the target of {team} for {area} to level {level}"


def _evidence_text(entry: Entry, names: Names) -> str:
    question = _question(entry, names)
    if entry.action == CREATE:
        return f"added evidence to {question}: {entry.object_repr}"
    if entry.action == DELETE:
        return f"removed the evidence {entry.object_repr} from {question}"
    return f"changed the evidence {entry.object_repr} on {question}"


def _respondent_text(entry: Entry, names: Names) -> str | Sentence:
    who = _subject(entry, names)
    if entry.action == CREATE:
        return f"asked {who} to answer the survey"
    if entry.action == DELETE:
        return f"removed {who} from the survey"
    if _before_after(entry, "submitted_at")[1] is not None:
        if entry.actor is None:  # an anonymous survey's
            return Sentence("A respondent submitted their survey answers")
        return f"submitted {who}'s survey answers" if entry.actor != who else "submitted their survey answers"
    return f"changed the respondent {who}"


def _respondent_answer_text(entry: Entry, names: Names) -> str | Sentence:
    question = _question(entry, names)
    if entry.action == DELETE:
        return f"withdrew a survey answer to {question}"
    if entry.actor is None:  # an anonymous survey's
        return Sentence(f"A respondent answered {question} in the survey")
    return f"answered {question} in the survey"


def _review_text(entry: Entry, names: Names) -> str:
    if entry.action != CREATE:
        return f"{ACTIONS.get(entry.action, 'changed')} a review"
    decision = _before_after(entry, "decision")[1]
    comment = _before_after(entry, "comment")[1]
    said = f": {comment}" if comment else ""
    if decision == "accepted":
        return f"accepted the assessment on review{said}"
    return f"returned the assessment with comments{said}"


def _review_comment_text(entry: Entry, names: Names) -> str:
    question = _question(entry, names)
    if entry.action == DELETE:
        return f"removed a review comment on {question}"
    return f"commented on {question} for review: {_before_after(entry, 'comment')[1]}"


TEXTS = {
    "answer": _answer_text,
    "assessment": _assessment_text,
    "organization": _organization_text,
    "membership": _membership_text,
    "targetlevel": _target_text,
    "evidence": _evidence_text,
    "respondent": _respondent_text,
    "respondentanswer": _respondent_answer_text,
    "review": _review_text,
    "reviewcomment": _review_comment_text,
}


def cell(value: object) -> str:
    """A before or after value as text: empty for none, JSON for a dict or list."""
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def activity_rows(lines: Iterable[ActivityLine]) -> Iterable[list[str]]:
    """The CSV's rows: one per changed field (one with empty field, before and after for an entry that has
    none to show)."""
    for line in lines:
        common = [line.timestamp.isoformat(), line.actor or "", line.kind, line.object, line.action]
        if not line.changes:
            yield [*common, "", "", ""]
        for change in line.changes:
            yield [*common, change.field, cell(change.before), cell(change.after)]
