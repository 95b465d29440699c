"""Invitations by email, each user's preferences, and the report emails already sent."""

from django.conf import settings
from django.db import models

from assessments.models import Assessment, Organization, Role


class Invitation(models.Model):
    """An owner asks an address to join with a role. The link carries the id, signed with its time
    (accounts/tokens.py); the row says whether it was used or replaced by a newer one."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=16, choices=Role.choices)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # An account invited by its username, at its verified address: only that account accepts, and the
    # organisation sees the username, never the address.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    # A newer invitation of the same address to the same organisation replaces this one.
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("organization", "-created_at", "-id")
        indexes = [models.Index(fields=("organization", "email"), name="invitation_organization_email")]

    def __str__(self) -> str:
        return f"{self.email} to {self.organization} ({self.role})"


class Preferences(models.Model):
    """A user's choices; a user without a row has the defaults."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferences")
    report_ready_email = models.BooleanField(
        default=True, help_text="Email me when the report of an assessment I submitted is ready."
    )

    class Meta:
        verbose_name_plural = "preferences"

    def __str__(self) -> str:
        return f"Preferences of {self.user}"


class ReportReadyEmail(models.Model):
    """The one "your report is ready" email of an assessment: its row is the claim, so a task delivered
    twice, or a report computed again later, sends nothing more."""

    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="+")
    sent_to = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Report of assessment {self.assessment_id} emailed to {self.sent_to}"


class ReviewReturnedEmail(models.Model):
    """The one email telling the submitter that a reviewer returned their assessment: its row is the claim,
    so a task delivered twice sends it once."""

    review = models.OneToOneField("assessments.Review", on_delete=models.CASCADE, related_name="+")
    sent_to = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Return of review {self.review_id} emailed to {self.sent_to}"
