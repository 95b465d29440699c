"""The audit trail: django-auditlog's log entry, with the organisation and the assessment it belongs to, so
that an organisation's log and an assessment's activity are one indexed query each, under the same
tenancy as everything else."""

from auditlog.models import AbstractLogEntry
from django.db import models

from assessments.models import Organization


class ActivityEntry(AbstractLogEntry):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, null=True, blank=True, related_name="activity"
    )
    # Not a foreign key: the trail of a discarded draft outlives it.
    assessment_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta(AbstractLogEntry.Meta):
        verbose_name = "activity entry"
        verbose_name_plural = "activity entries"
        indexes = [
            models.Index(fields=("organization", "-timestamp"), name="activity_organization_time"),
            models.Index(fields=("assessment_id", "-timestamp"), name="activity_assessment_time"),
        ]
