"""An entry's before and after: as recorded (`Change`, for the API) and as its readers read them (`Detail`, for
the page and the CSV): fields by their names in words, an answer's three stored fields as one answer, users,
teams and assessments by name where the trail stores ids, scopes by their questions, times in UTC."""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from activity.builders.entries import CREATE, Entry, Names, as_id, assessment_title, before_after, user_name
from assessments.models import AnswerScale, Assessment, Review, Role
from maturity.scoring import NA, UNKNOWN

ANSWER_FLAGS = ("not_applicable", "unknown")
ANSWER_FIELDS = ("value", *ANSWER_FLAGS)
ANSWER_LABELS = {value: label.lower() for value, label in AnswerScale.labels_by_value().items()}
# Where the field's own name, its underscores as spaces, would not say it.
FIELD_LABELS = {
    ("membership", "user"): "member",
    ("respondent", "user"): "respondent",
    ("targetlevel", "area_key"): "area",
    ("targetlevel", "framework_slug"): "framework",
    ("evidence", "url"): "link",
    ("evidence", "file_name"): "file",
    ("assessment", "carried_from"): "started from",
    ("organization", "archived_at"): "archived",
}
CHOICES = {
    "status": Assessment.Status,
    "mode": Assessment.Mode,
    "role": Role,
    "decision": Review.Decision,
}
# The assessment's settings, as its lines name them ("turned on evidence required", "set the mode: ...").
SETTING_LABELS = {
    "mode": "the mode",
    "anonymous_responses": "anonymous responses",
    "evidence_required": "evidence required",
    "review_required": "review required",
}
TIMES = ("submitted_at", "reviewed_at", "archived_at")
USERS = ("user", "submitted_by", "reviewed_by")


@dataclass(frozen=True)
class Change:
    """A field as recorded: its name, and its values as stored (ids, codes)."""

    field: str
    before: object
    after: object


@dataclass(frozen=True)
class Detail:
    """A changed field as a reader reads it."""

    field: str
    before: str
    after: str


def raw_changes(entry: Entry) -> list[Change]:
    return [Change(name, *values) for name, values in sorted(entry.changes.items())]


def details(entry: Entry, names: Names) -> list[Detail]:
    """Each changed field in words, the answer first; fields empty before and after (a creation's blank
    comment) are left out."""
    found = []
    if entry.model == "answer" and any(name in entry.changes for name in ANSWER_FIELDS):
        old, new = answer_labels(entry)
        found.append(Detail("answer", "" if entry.action == CREATE else old, new))
    for name, (old, new) in sorted(entry.changes.items()):
        if entry.model == "answer" and name in ANSWER_FIELDS:
            continue
        label = FIELD_LABELS.get((entry.model, name), name.replace("_", " "))
        found.append(Detail(label, value_text(name, old, names), value_text(name, new, names)))
    return [detail for detail in found if detail.before or detail.after]


def answer_label(value: object, not_applicable: object, unknown: object = False) -> str:
    if not_applicable is True:
        return ANSWER_LABELS[NA]
    if unknown is True:
        return ANSWER_LABELS[UNKNOWN]
    return ANSWER_LABELS.get(value, "unanswered")


def answer_labels(entry: Entry) -> tuple[str, str]:
    """Before and after; a flag that did not change was false on both sides, as the value changed."""
    flags = {name: before_after(entry, name) if name in entry.changes else (False, False) for name in ANSWER_FLAGS}
    old_value, new_value = before_after(entry, "value")
    return (
        answer_label(old_value, flags["not_applicable"][0], flags["unknown"][0]),
        answer_label(new_value, flags["not_applicable"][1], flags["unknown"][1]),
    )


def value_text(name: str, value: object, names: Names) -> str:
    if value is None or value == "":
        return ""
    if name in VALUE_READERS:
        return VALUE_READERS[name](value, names)
    if name in CHOICES:
        return dict(CHOICES[name].choices).get(value, str(value))
    if name in TIMES:
        return _time(value)
    if name in USERS:
        return user_name(value, names)
    return cell(value)


def _time(value: object) -> str:
    """auditlog stores a time in UTC as text ("2026-12-07 18:56:43.960621")."""
    try:
        stamp = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{stamp.day} {stamp:%b %Y, %H:%M} UTC"  # as the page dates its entries: "7 Dec 2026, 18:56"


def _scope(value: object, names: Names) -> str:
    if not isinstance(value, dict):
        return cell(value)
    return "; ".join(f"{names.scopes.get(key, key)} {yes_no(answer)}" for key, answer in sorted(value.items()))


def yes_no(value: object) -> str:
    return {True: "yes", False: "no"}.get(value, str(value))


VALUE_READERS: dict[str, Callable[[object, Names], str]] = {
    "team": lambda value, names: names.teams.get(as_id(value), "a team"),
    "area_key": lambda value, names: names.areas.get(str(value), str(value)),
    "carried_from": assessment_title,
    "scope": _scope,
}


def cell(value: object) -> str:
    """A value as text: empty for none, JSON for a dict or list, yes or no for a boolean."""
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
