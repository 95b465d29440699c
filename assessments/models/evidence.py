"""Evidence behind an answer: links and uploaded files, each with who added it, when, and how long it holds."""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q

from assessments.models.base import Assessment
from maturity.models import Question


def evidence_storage():
    """The "evidence" storage of settings.STORAGES: local files by default, S3-compatible in production.
    Never served from a public URL: files go out through a view that checks membership."""
    return storages["evidence"]


def evidence_path(evidence: "Evidence", filename: str) -> str:
    # The uploader's name is kept in `file_name` only; the stored name is ours, so no name can collide or
    # escape the assessment's folder.
    return f"assessments/{evidence.assessment_id}/{evidence.uuid}"


class Evidence(models.Model):
    """A link or a file behind the answer to one question of an assessment: exactly one of the two."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    uuid = models.UUIDField(unique=True)
    url = models.URLField(max_length=2000, blank=True, default="")
    file = models.FileField(storage=evidence_storage, upload_to=evidence_path, max_length=300, blank=True)
    file_name = models.CharField(max_length=255, blank=True, default="")  # as uploaded, for display
    content_type = models.CharField(max_length=100, blank=True, default="")  # as sniffed from the content
    size = models.PositiveBigIntegerField(null=True, blank=True)
    description = models.CharField(max_length=500, blank=True, default="")
    valid_until = models.DateField(null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("assessment", "question", "added_at", "id")
        indexes = [models.Index(fields=("assessment", "question"), name="evidence_assessment_question")]
        constraints = [
            models.CheckConstraint(
                condition=(Q(url="") & ~Q(file="")) | (~Q(url="") & Q(file="")), name="evidence_link_or_file"
            ),
        ]

    def __str__(self) -> str:
        return self.file_name or self.url

    @property
    def is_file(self) -> bool:
        return bool(self.file)
