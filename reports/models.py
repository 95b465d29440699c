"""One report per submitted assessment, computed by the worker; regenerating replaces its content."""

from django.db import models
from django.db.models import F

from assessments.models import Assessment, Team


class ReportQuerySet(models.QuerySet):
    def update(self, **fields) -> int:
        """Every change to a report bumps its revision, which the stored team histories are checked
        against (TeamHistory)."""
        return super().update(revision=F("revision") + 1, **fields)


class Report(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="report")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    # The scored result as the API shows it (scores rounded to 2 decimals); see reports/content.py.
    overall_level = models.PositiveSmallIntegerField(null=True, blank=True)
    overall_score = models.DecimalField(max_digits=3, decimal_places=2, null=True, blank=True)
    content = models.JSONField(default=dict, blank=True)
    figures = models.JSONField(default=dict, blank=True)
    # The API's body for the ready report, rendered once by the worker (reports/payload.py); empty for a
    # report not ready, or computed before this field existed (the endpoint then renders it itself).
    payload = models.TextField(blank=True, default="")
    error = models.TextField(blank=True, default="")
    attempts = models.PositiveIntegerField(default=0)
    requested_at = models.DateTimeField(help_text="When the current computation was asked for.")
    started_at = models.DateTimeField(null=True, blank=True)
    generated_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=1, editable=False, help_text="Bumped by every change.")

    objects = ReportQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=("status", "requested_at"))]

    def __str__(self) -> str:
        return f"Report of assessment {self.assessment_id} ({self.status})"

    def save(self, *args, **kwargs) -> None:
        """Bumps the revision of an existing report, whatever fields the save writes. Counted here, not
        in the database: every save of an existing report holds its row lock (select_for_update in
        services._save, and in update_or_create), so no other change can come in between."""
        if not self._state.adding:
            self.revision += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "revision"}
        super().save(*args, **kwargs)

    @property
    def is_settled(self) -> bool:
        return self.status in {self.Status.READY, self.Status.FAILED}


class AreaScore(models.Model):
    """One row per area of a ready report, so history and dashboards aggregate in one query."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="area_scores")
    area_key = models.SlugField(max_length=50)
    level = models.PositiveSmallIntegerField(null=True, blank=True)  # null: not applicable
    score = models.DecimalField(max_digits=3, decimal_places=2, null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("report", "area_key"), name="area_score_report_area_unique")]

    def __str__(self) -> str:
        return f"{self.area_key}: {self.level} ({self.score})"


class TeamHistory(models.Model):
    """The team history API's body as last rendered, and the version of the team's reports it was
    rendered from: the count and sum of the ids of its submitted assessments, and of their reports, and
    the sum of those reports' revisions.

    Any change to the history changes the version. A report is created when its assessment is
    submitted (or regenerated), and ids are given out in order and never reused, so a set of reports
    replaced by as many new ones has a larger sum of ids; a report's revision only grows. (The sums of
    assessment ids alone would not do: an id is given out when the draft starts.) A body whose version
    equals the current one is the body team_history would render now.
    """

    team = models.OneToOneField(Team, on_delete=models.CASCADE, primary_key=True, related_name="+")
    version = models.CharField(max_length=128)
    payload = models.TextField()

    class Meta:
        verbose_name_plural = "team histories"

    def __str__(self) -> str:
        return f"History of team {self.team_id} at {self.version}"
