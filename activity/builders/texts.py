"""What an entry says in words, after its actor's name ("alice answered “Data is versioned”: started") or as a
whole sentence: one builder per kind of object (TEXTS), naming questions by their statements, assessments by
their titles, areas and scopes as the framework words them, and values by their labels."""

from dataclasses import dataclass

from activity.builders.changes import ANSWER_FIELDS, SETTING_LABELS, answer_labels, value_text, yes_no
from activity.builders.entries import (
    ACTIONS,
    CREATE,
    DELETE,
    Entry,
    Names,
    as_id,
    assessment_title,
    before_after,
    carried_from,
    quoted,
    statement,
)

STATUS_PHRASES = {
    ("draft", "submitted"): "submitted the assessment",
    ("draft", "in_review"): "submitted the assessment for review",
    ("in_review", "submitted"): "signed off the assessment",
    ("in_review", "draft"): "returned the assessment to draft",
}


@dataclass(frozen=True)
class Sentence:
    """A whole sentence from a builder of TEXTS ("dave joined as a member"), not a phrase after the actor's name."""

    text: str


def text(entry: Entry, names: Names) -> str:
    builder = TEXTS.get(entry.model)
    said = builder(entry, names) if builder else f"{ACTIONS.get(entry.action, 'changed')} {entry.object_repr}"
    return said.text if isinstance(said, Sentence) else f"{entry.actor or 'Someone'} {said}"


def subject(entry: Entry, names: Names) -> str:
    """Whom a membership or a respondent is: their username, else the address they were invited at."""
    user_id = entry.additional_data.get("user_id")
    if user_id is not None and user_id in names.users:
        return names.users[user_id]
    return str(entry.additional_data.get("email") or entry.object_repr)


def _question(entry: Entry, names: Names) -> str:
    return quoted(statement(entry, names))


def _answer_text(entry: Entry, names: Names) -> str:
    question = _question(entry, names)
    if entry.action == DELETE:
        return f"removed the answer to {question}"
    old, new = answer_labels(entry)
    if carried_from(entry) is not None:
        earlier = assessment_title(carried_from(entry), names)
        return f"carried over the answer to {question} from {earlier}: {new}"
    if entry.action == CREATE:
        return f"answered {question}: {new}"
    if any(name in entry.changes for name in ANSWER_FIELDS):
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
        old, new = before_after(entry, "status")
        parts.append(STATUS_PHRASES.get((old, new), f"changed the status: {old} -> {new}"))
    if before_after(entry, "carried_from")[1] is not None:
        parts.append(f"carried over the answers of {assessment_title(before_after(entry, 'carried_from')[1], names)}")
    if "scope" in entry.changes:
        parts.append(_scope_text(*before_after(entry, "scope"), names=names))
    if "systems_covered" in entry.changes:
        parts.append(_systems_text(before_after(entry, "systems_covered")[1]))
    for name, label in SETTING_LABELS.items():
        if name in entry.changes:
            parts.append(_setting_text(name, label, *before_after(entry, name), names=names))
    return "; ".join(parts) or "changed the assessment"


def _scope_text(old: object, new: object, *, names: Names) -> str:
    old, new = old if isinstance(old, dict) else {}, new if isinstance(new, dict) else {}
    answered = [
        f"{names.scopes.get(key, key)} {yes_no(value)}" for key, value in sorted(new.items()) if old.get(key) != value
    ]
    return "answered the scope: " + "; ".join(answered) if answered else "changed the scope"


def _systems_text(new: object) -> str:
    return f"set the systems covered: {new}" if new else "cleared the systems covered"


def _setting_text(name: str, label: str, old: object, new: object, *, names: Names) -> str:
    if isinstance(new, bool):
        return f"turned {'on' if new else 'off'} {label}"
    return f"set {label}: {value_text(name, old, names).lower()} -> {value_text(name, new, names).lower()}"


def _organization_text(entry: Entry, names: Names) -> str:
    if entry.action == CREATE:
        return f"created the organisation {before_after(entry, 'name')[1] or entry.object_repr}"
    if entry.action == DELETE:
        return "deleted the organisation"
    parts = []
    if "name" in entry.changes:
        old, new = before_after(entry, "name")
        parts.append(f"renamed the organisation: {old} -> {new}")
    if "archived_at" in entry.changes:
        archived = before_after(entry, "archived_at")[1] is not None
        parts.append("archived the organisation" if archived else "restored the organisation")
    if "review_required" in entry.changes:
        on = before_after(entry, "review_required")[1]
        parts.append(f"turned {'on' if on else 'off'} review for every assessment")
    return "; ".join(parts) or "changed the organisation"


def _role_phrase(role: object) -> str:
    role = str(role)
    return f"{'an' if role[:1] in 'aeiou' else 'a'} {role}"


def _membership_text(entry: Entry, names: Names) -> str | Sentence:
    who = subject(entry, names)
    old, new = before_after(entry, "role")
    if entry.action == DELETE:
        return f"removed {who} from the organisation"
    joined = entry.actor is None or entry.actor_id == entry.additional_data.get("user_id")
    if entry.action == CREATE and joined:
        return Sentence(f"{who} joined as {_role_phrase(new)}")
    if entry.action == CREATE:
        return f"made {who} {_role_phrase(new)}"
    return f"made {who} {_role_phrase(new)} (was {old})"


def target_name(entry: Entry, names: Names) -> str:
    """ "target of Search for Data management", from the entry's own fields (a target row never changes)."""
    team_id = as_id(before_after(entry, "team")[1])
    team = names.teams.get(team_id, "a team") if team_id is not None else "a team"
    area = before_after(entry, "area_key")[1]
    return f"target of {team} for {names.areas.get(str(area), area)}" if area else f"target of {team}"


def _target_text(entry: Entry, names: Names) -> str:
    if entry.action != CREATE:
        return f"{ACTIONS.get(entry.action, 'changed')} a {target_name(entry, names)}"
    return f"set the {target_name(entry, names)} to level {before_after(entry, 'level')[1]}"


def _evidence_text(entry: Entry, names: Names) -> str:
    question = _question(entry, names)
    if entry.action == CREATE:
        return f"added evidence to {question}: {entry.object_repr}"
    if entry.action == DELETE:
        return f"removed the evidence {entry.object_repr} from {question}"
    return f"changed the evidence {entry.object_repr} on {question}"


def _respondent_text(entry: Entry, names: Names) -> str | Sentence:
    who = subject(entry, names)
    if entry.action == CREATE:
        return f"asked {who} to answer the survey"
    if entry.action == DELETE:
        return f"removed {who} from the survey"
    if before_after(entry, "submitted_at")[1] is not None:
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
    decision = before_after(entry, "decision")[1]
    comment = before_after(entry, "comment")[1]
    said = f": {comment}" if comment else ""
    if decision == "accepted":
        return f"accepted the assessment on review{said}"
    return f"returned the assessment with comments{said}"


def _review_comment_text(entry: Entry, names: Names) -> str:
    question = _question(entry, names)
    if entry.action == DELETE:
        return f"removed a review comment on {question}"
    return f"commented on {question} for review: {before_after(entry, 'comment')[1]}"


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
