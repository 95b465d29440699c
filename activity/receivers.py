"""How the activity app adds its links to the pages of assessments and organisations (assessments.signals),
connected in ActivityConfig.ready."""

from django.urls import reverse

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
