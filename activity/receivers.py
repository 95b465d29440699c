"""How the activity app hears assessments.signals, connected in ActivityConfig.ready: it records the writes that
django-auditlog cannot see, and adds its links to the pages of assessments and organisations."""

from collections.abc import Iterable, Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Model
from django.urls import reverse

from activity.services import log_unattributed_update, log_upserts
from assessments.models import Assessment, Organization
from assessments.permissions import can_manage
from assessments.signals import Link


def assessment_links(sender, *, instance: Assessment, **kwargs) -> list[Link]:
    description = f"of {instance.short_title.lower()}"
    return [Link("Activity: who changed what", reverse("assessment_activity", args=[instance.pk]), description)]


def organization_links(sender, *, instance: Organization, **kwargs) -> list[Link]:
    """Owners only; `role` is annotated by the tenancy lookup."""
    if not can_manage(getattr(instance, "role", None)):
        return []
    return [Link("Activity log", reverse("organization_activity", args=[instance.pk]))]


def on_rows_saved_in_bulk(
    sender,
    *,
    before: Mapping[int, Model],
    after: Iterable[Model],
    actor: AbstractBaseUser | None,
    organization_id: int,
    assessment_id: int,
    **kwargs,
) -> None:
    log_upserts(before=before, after=after, actor=actor, organization_id=organization_id, assessment_id=assessment_id)


def on_saved_anonymously(
    sender, *, instance: Model, changes: Mapping[str, list], organization_id: int, assessment_id: int, **kwargs
) -> None:
    log_unattributed_update(
        instance=instance, changes=changes, organization_id=organization_id, assessment_id=assessment_id
    )
