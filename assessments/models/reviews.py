"""Review and sign-off: a reviewer's decision on a submitted assessment, with comments on the questions
that need work when it is returned."""

from django.conf import settings
from django.db import models

from assessments.models.base import Assessment
from maturity.models import Question


class Review(models.Model):
    class Decision(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        RETURNED = "returned", "Returned"

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=16, choices=Decision.choices)
    comment = models.TextField(blank=True, default="")  # on the whole assessment
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("assessment", "-decided_at", "-id")

    def __str__(self) -> str:
        return f"{self.get_decision_display()} by {self.reviewer} on assessment {self.assessment_id}"


class ReviewComment(models.Model):
    """What needs work on one question, shown beside it while the returned assessment is a draft again."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="comments")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    comment = models.TextField()

    class Meta:
        ordering = ("review", "id")
        constraints = [models.UniqueConstraint(fields=("review", "question"), name="review_comment_unique")]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.comment[:40]}"
