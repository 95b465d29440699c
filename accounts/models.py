"""Invitations by email, each user's preferences, API tokens, the report and survey emails already sent, and every
email the site sends (OutgoingEmail: saved once rendered, delivered by the worker)."""

from django.conf import settings
from django.db import models
from knox.models import AbstractAuthToken
from knox.settings import CONSTANTS

from assessments.models import Assessment, Organization, Role


class OutgoingEmail(models.Model):
    """One email, rendered (by the worker, or for allauth's by the request) and delivered by the worker
    (accounts.emails). Its `sent_at` is the claim: set in the transaction that sends, so a task delivered twice
    sends once. The bodies are emptied once sent (a reset link is a key); the row stays, to say how it went."""

    INVITATION = "invitation"

    kind = models.CharField(max_length=100, help_text="Our template's name, or allauth's template prefix.")
    to = models.EmailField()
    from_email = models.CharField(max_length=254)
    subject = models.CharField(max_length=998)
    text = models.TextField()
    html = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Failed attempts to deliver it.")
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The worker gave up (or the broker refused the task): the owner sees "not delivered" and may re-send.
    failed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.kind} to {self.to}"

    @property
    def delivery(self) -> str:
        """sent, queued (not tried yet), retrying (failed, to be tried again) or failed (given up)."""
        if self.sent_at is not None:
            return "sent"
        if self.failed_at is not None:
            return "failed"
        return "retrying" if self.attempts else "queued"


class Invitation(models.Model):
    """An owner asks an address to join with a role. The link carries the id, signed with its time
    (accounts/tokens.py); the row says whether it was used or replaced by a newer one. Each row is one
    invitation mail, which the worker writes after the row commits (`email_message`, empty until then): the
    rows of the last day are what invitation mail is limited by (accounts.selectors.invitation_limit_problem)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=16, choices=Role.choices)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # An account invited by its username, at its verified address: only that account accepts, and the
    # organisation sees the username, never the address.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)  # the limits count the last day's
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    # A newer invitation of the same address to the same organisation replaces this one.
    revoked_at = models.DateTimeField(null=True, blank=True)
    email_message = models.OneToOneField(
        OutgoingEmail, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitation"
    )

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


class RespondentEmail(models.Model):
    """The one mail asking a person to answer a survey (accounts.respondent_emails): its row is the claim, one per
    survey and address, so a task run twice, or someone removed and added again, is asked once. Written with the
    mail, which says how its delivery went; an address not joined yet is asked in its invitation's mail."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="+")
    sent_to = models.EmailField()  # lower case
    # One invitation mail may ask for several surveys.
    email_message = models.ForeignKey(OutgoingEmail, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("assessment", "sent_to"), name="respondent_email_assessment_address")
        ]

    def __str__(self) -> str:
        return f"Survey {self.assessment_id} asked of {self.sent_to}"


class ApiToken(AbstractAuthToken):
    """An API token (django-rest-knox, settings.KNOX_TOKEN_MODEL): only a hash of the secret is kept (`digest`),
    with its first characters (`token_key`) to find it by. It works until `expiry`, until its owner revokes it,
    and only under the password it was issued with (`password_fingerprint`, see accounts/authentication.py)."""

    id = models.BigAutoField(primary_key=True)  # knox's key is the digest, which no URL should carry
    digest = models.CharField(max_length=CONSTANTS.DIGEST_LENGTH, unique=True)
    # The user's session auth hash when the token was issued (an HMAC of the password hash, with SECRET_KEY).
    password_fingerprint = models.CharField(max_length=128)
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created", "-id")

    def __str__(self) -> str:
        return f"API token {self.prefix}... of {self.user}"

    @property
    def prefix(self) -> str:
        """Enough of the secret for its owner to tell their tokens apart, and no use to anyone else."""
        return self.token_key[:8]
