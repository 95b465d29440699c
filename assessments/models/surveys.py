"""Survey mode: each respondent answers an assessment alone; the facilitator then records the agreed answer
to each question as the assessment's own Answer, and only those are scored."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q

from assessments.models.base import ONE_ANSWER, Assessment, answer_value
from maturity.models import Question


class Respondent(models.Model):
    """Someone asked to answer a survey-mode assessment: a member of its organisation, or an address invited
    to join it (then `user` is set when the invitation is accepted)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="respondents")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="survey_responses"
    )
    email = models.EmailField(blank=True, default="")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)
    # Until then the respondent sees only their own answers, and may change them.
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("assessment", "added_at", "id")
        constraints = [
            models.UniqueConstraint(
                fields=("assessment", "user"), condition=Q(user__isnull=False), name="respondent_assessment_user"
            ),
            models.UniqueConstraint(
                fields=("assessment", "email"), condition=~Q(email=""), name="respondent_assessment_email"
            ),
            models.CheckConstraint(condition=Q(user__isnull=False) | ~Q(email=""), name="respondent_user_or_email"),
        ]

    def __str__(self) -> str:
        return f"{self.user or self.email} on assessment {self.assessment_id}"


class RespondentAnswer(models.Model):
    """One respondent's own answer to one question: a value 0..3, not applicable with a reason, or unknown."""

    respondent = models.ForeignKey(Respondent, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(3)])
    not_applicable = models.BooleanField(default=False)
    unknown = models.BooleanField(default=False)  # "don't know": left out of the spread and medians
    comment = models.TextField(blank=True, default="")
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("respondent", "question"), name="respondent_answer_unique"),
            models.CheckConstraint(condition=ONE_ANSWER, name="respondent_answer_value_na_or_unknown"),
            models.CheckConstraint(
                condition=Q(not_applicable=False) | ~Q(comment=""), name="respondent_answer_na_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {answer_value(self.value, self.not_applicable, self.unknown)}"
