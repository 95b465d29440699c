"""Writes of the audit trail that django-auditlog cannot make itself. It records each save and delete of a
registered model through signals (activity.registry), but bulk_create sends none: the rows that assessments'
services upsert many at once (answers, respondents' answers, review comments) are recorded here, before and
after, in one query whatever their number (assessments.signals.rows_saved_in_bulk); and a save made with the
trail's own recording off, so that its entry names no one (saved_anonymously)."""

from collections.abc import Iterable, Mapping

from auditlog import get_logentry_model
from auditlog.cid import get_cid
from auditlog.diff import model_instance_diff
from auditlog.registry import auditlog
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model


def log_upserts(
    *,
    before: Mapping[int, Model],
    after: Iterable[Model],
    actor: AbstractBaseUser | None,
    organization_id: int,
    assessment_id: int,
    carried_from: int | None = None,
) -> None:
    """Records each row of `after` that is new or changed against `before` (the same rows as they were,
    read before the write, by question id; a question missing from it is a new row). Rows of one model,
    one question each (Answer, RespondentAnswer), saved with their primary keys set (bulk_create returns
    them on PostgreSQL and SQLite). Only the fields the model is registered with are compared.
    `carried_from`: the submitted assessment the rows were copied from, when a new draft started from it; the
    entries say so, rather than that `actor`, who started the draft, answered them."""
    rows = list(after)
    if not rows or not auditlog.contains(type(rows[0])):
        return
    entry_model = get_logentry_model()
    content_type = ContentType.objects.get_for_model(type(rows[0]))
    entries = []
    for row in rows:
        old = before.get(row.question_id)
        changes = model_instance_diff(old, row, use_json_for_changes=True)
        if not changes:
            continue
        pk = row.pk if row.pk is not None else getattr(old, "pk", None)
        entries.append(
            entry_model(
                content_type=content_type,
                object_pk=str(pk),
                object_id=pk,
                object_repr=str(row),
                action=entry_model.Action.CREATE if old is None else entry_model.Action.UPDATE,
                changes=changes,
                actor=actor,
                actor_email=getattr(actor, "email", None),
                cid=get_cid(),
                additional_data={"question_id": row.question_id}
                | ({"carried_from": carried_from} if carried_from is not None else {}),
                organization_id=organization_id,
                assessment_id=assessment_id,
            )
        )
    entry_model.objects.bulk_create(entries)


def log_unattributed_update(*, instance: Model, changes: Mapping[str, list], organization_id: int, assessment_id: int):
    """Records a change of `instance` without who made it: no actor, no address, and an object named by its
    kind only (an anonymous survey's respondent submitting). Written in bulk, which sends no pre_save, so that
    auditlog's request context cannot fill the actor in."""
    entry_model = get_logentry_model()
    entry = entry_model(
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_pk=str(instance.pk),
        object_id=instance.pk,
        object_repr=f"a {instance._meta.verbose_name}",
        action=entry_model.Action.UPDATE,
        changes=dict(changes),
        cid=get_cid(),
        organization_id=organization_id,
        assessment_id=assessment_id,
    )
    entry_model.objects.bulk_create([entry])
