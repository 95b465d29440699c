"""How the activity app hears assessments.signals, connected in ActivityConfig.ready: it records the writes that
django-auditlog cannot see."""

from collections.abc import Iterable, Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Model

from activity.services import log_unattributed_update, log_upserts


def on_rows_saved_in_bulk(
    sender,
    *,
    before: Mapping[int, Model],
    after: Iterable[Model],
    actor: AbstractBaseUser | None,
    organization_id: int,
    assessment_id: int,
    carried_from: int | None = None,
    **kwargs,
) -> None:
    log_upserts(
        before=before,
        after=after,
        actor=actor,
        organization_id=organization_id,
        assessment_id=assessment_id,
        carried_from=carried_from,
    )


def on_saved_anonymously(
    sender, *, instance: Model, changes: Mapping[str, list], organization_id: int, assessment_id: int, **kwargs
) -> None:
    log_unattributed_update(
        instance=instance, changes=changes, organization_id=organization_id, assessment_id=assessment_id
    )
