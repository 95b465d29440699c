"""One report per submitted assessment, computed by the worker; regenerating replaces its content."""

from django.db import models

from assessments.models import Assessment


class Report(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="report")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    # The scored result as the API shows it (scores rounded to 2 decimals); see reports/builders/content.py.
    overall_level = models.PositiveSmallIntegerField(null=True, blank=True)
    overall_score = models.DecimalField(max_digits=3, decimal_places=2, null=True, blank=True)
    content = models.JSONField(default=dict, blank=True)
    figures = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True, default="")
    attempts = models.PositiveIntegerField(default=0)
    requested_at = models.DateTimeField(help_text="When the current computation was asked for.")
    started_at = models.DateTimeField(null=True, blank=True)
    generated_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    # The scoring rule the content was computed with (maturity/SCORING.md); recompute_reports and the periodic
    # requeue recompute ready reports of an earlier rule.
    scoring_rule = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=("status", "requested_at"))]

    def __str__(self) -> str:
        return f"Report of assessment {self.assessment_id} ({self.status})"

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
