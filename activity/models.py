"""The audit trail: django-auditlog's log entry, with the organisation and the assessment it belongs to, so
that an organisation's log and an assessment's activity are one indexed query each, under the same
tenancy as everything else."""

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.db import models

from activity.placement import additional_data_of, placement_of
from assessments.models import Organization


class ActivityEntryManager(LogEntryManager):
    def log_create(self, instance, force_log: bool = False, **kwargs):
        """Every entry auditlog writes for a registered model (activity.registry) is placed in its
        organisation and assessment; the writes of activity.services place theirs themselves."""
        if kwargs.get("changes") is not None or force_log:
            placement = placement_of(instance)
            kwargs.setdefault("organization_id", placement.organization_id)
            kwargs.setdefault("assessment_id", placement.assessment_id)
            kwargs.setdefault("additional_data", additional_data_of(instance))
        return super().log_create(instance, force_log=force_log, **kwargs)


class ActivityEntry(AbstractLogEntry):
    # No constraint in the database: the trail outlives what it records, an organisation deleted from the
    # admin included (whose deletion itself writes entries while its row goes).
    organization = models.ForeignKey(
        Organization,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="activity",
    )
    # Not a foreign key: the trail of a discarded draft outlives it.
    assessment_id = models.PositiveBigIntegerField(null=True, blank=True)

    objects = ActivityEntryManager()

    class Meta(AbstractLogEntry.Meta):
        verbose_name = "activity entry"
        verbose_name_plural = "activity entries"
        indexes = [
            models.Index(fields=("organization", "-timestamp"), name="activity_organization_time"),
            models.Index(fields=("assessment_id", "-timestamp"), name="activity_assessment_time"),
        ]
