"""What the audit trail records (django-auditlog's registry), connected in ActivityConfig.ready: the fields
of each model whose changes matter to the people who run and read assessments, before and after."""

from contextvars import ContextVar

from auditlog.models import AbstractLogEntry
from auditlog.registry import auditlog
from auditlog.signals import pre_log
from django.db.models.signals import post_delete, pre_delete

from assessments.models import (
    Answer,
    Assessment,
    Evidence,
    Membership,
    Organization,
    Respondent,
    RespondentAnswer,
    Review,
    ReviewComment,
    TargetLevel,
)

ANSWER_FIELDS = ["value", "not_applicable", "unknown", "comment"]
TRACKED = {
    Organization: ["name", "archived_at", "review_required"],
    Membership: ["user", "role"],
    # A new row per change, so each is a creation with the level.
    TargetLevel: ["team", "framework_slug", "area_key", "level"],
    Assessment: [
        "status",
        "scope",
        "mode",
        "anonymous_responses",
        "evidence_required",
        "review_required",
        "systems_covered",
        "deadline",
        "carried_from",  # the assessment a draft started from, whose answers it carried over
        "submitted_by",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
    ],
    Answer: ANSWER_FIELDS,
    Evidence: ["url", "file_name", "description", "valid_until"],
    Respondent: ["user", "email", "submitted_at"],
    RespondentAnswer: ANSWER_FIELDS,
    Review: ["decision", "comment"],
    ReviewComment: ["comment"],
}

# Rows that go with their parent: deleted with it, they are not recorded one by one (a discarded draft is
# one entry, not one per answer); deleted on their own, they are.
PARENTS = {
    Answer: (Assessment, "assessment_id"),
    Evidence: (Assessment, "assessment_id"),
    Respondent: (Assessment, "assessment_id"),
    Review: (Assessment, "assessment_id"),
    RespondentAnswer: (Respondent, "respondent_id"),
    ReviewComment: (Review, "review_id"),
}
_deleting: ContextVar[frozenset] = ContextVar("activity_deleting", default=frozenset())


def register() -> None:
    for model, fields in TRACKED.items():
        auditlog.register(model, include_fields=fields)
    pre_log.connect(skip_deleted_with_parent, dispatch_uid="activity.skip_deleted_with_parent")
    for parent in {parent for parent, _ in PARENTS.values()}:
        pre_delete.connect(parent_deleting, sender=parent, dispatch_uid=f"activity.deleting.{parent.__name__}")
        post_delete.connect(parent_deleted, sender=parent, dispatch_uid=f"activity.deleted.{parent.__name__}")


def parent_deleting(sender, instance, **kwargs) -> None:
    # Django sends pre_delete for every object of a cascade before it deletes any of them.
    _deleting.set(_deleting.get() | {(sender, instance.pk)})


def parent_deleted(sender, instance, **kwargs) -> None:
    # The parent goes last, after the rows that depend on it.
    _deleting.set(_deleting.get() - {(sender, instance.pk)})


def skip_deleted_with_parent(sender, instance, action, **kwargs) -> bool | None:
    """False (auditlog's pre_log: write no entry) for a row deleted in its parent's cascade."""
    if action != AbstractLogEntry.Action.DELETE or sender not in PARENTS:
        return None
    parent, attname = PARENTS[sender]
    return False if (parent, getattr(instance, attname)) in _deleting.get() else None
