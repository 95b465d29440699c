"""Reads of the accounts app."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import ApiToken, Invitation, Preferences
from accounts.tokens import TokenProblem, invitation_id_from_token, invitation_max_age
from assessments.models import Membership, Organization
from core.limits import LimitReachedError

DAY = timedelta(days=1)


class InvitationUnusableError(Exception):
    """The link cannot be used; the message says why and what to do. `status`: 404 for a link we never
    made, 410 for one that was good once."""

    def __init__(self, message: str, status: int = 410) -> None:
        super().__init__(message)
        self.status = status


def invitation_from_token(*, token: str) -> Invitation:
    """The invitation a link names, if it can still be accepted; else InvitationUnusableError."""
    found = invitation_id_from_token(token)
    if found is TokenProblem.EXPIRED:
        raise InvitationUnusableError("This invitation has expired. Ask the person who invited you to send a new one.")
    invitation = None if found is TokenProblem.INVALID else _invitation(found)
    if invitation is None:
        raise InvitationUnusableError("This invitation link is not valid. Check that you copied all of it.", 404)
    if invitation.accepted_at is not None:
        raise InvitationUnusableError("This invitation has been used already. Log in to reach the organisation.")
    if invitation.revoked_at is not None:
        raise InvitationUnusableError("This invitation was replaced by a newer one: use the link in the latest email.")
    return invitation


def _invitation(invitation_id: int) -> Invitation | None:
    return Invitation.objects.select_related("organization", "invited_by").filter(pk=invitation_id).first()


def invitation_expires_at(invitation: Invitation):
    return invitation.created_at + invitation_max_age()


def invitations_of(*, organization: Organization) -> QuerySet[Invitation]:
    """Every invitation of the organisation, newest first, with who sent and who accepted it."""
    return (
        Invitation.objects.filter(organization=organization)
        .select_related("invited_by", "accepted_by", "email_message", "user")
        .order_by("-created_at", "-id")
    )


def invitation_status(invitation: Invitation) -> str:
    if invitation.accepted_at is not None:
        return "accepted"
    if invitation.revoked_at is not None:
        return "replaced"
    return "expired" if invitation_expires_at(invitation) <= timezone.now() else "pending"


def invitations_pending(*, organization: Organization) -> QuerySet[Invitation]:
    """Neither used, replaced nor expired, newest first."""
    return (
        Invitation.objects.filter(
            organization=organization,
            accepted_at=None,
            revoked_at=None,
            created_at__gt=timezone.now() - invitation_max_age(),
        )
        .select_related("invited_by", "email_message", "user")
        .order_by("-created_at", "-id")
    )


def is_member_by_email(*, organization: Organization, email: str) -> bool:
    """Whether a member has verified the address: an address nobody verified is nobody's."""
    return Membership.objects.filter(
        organization=organization, user__emailaddress__email__iexact=email, user__emailaddress__verified=True
    ).exists()


def verified_email_of(*, user: AbstractBaseUser) -> str:
    """The user's verified address (the primary one first), or "" when they have none."""
    address = EmailAddress.objects.get_verified(user)
    return address.email if address else ""


def has_verified_email(*, user: AbstractBaseUser, email: str) -> bool:
    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


def is_verified_elsewhere(*, email: str, user: AbstractBaseUser) -> bool:
    """Whether another account has verified the address (then it is theirs, ACCOUNT_UNIQUE_EMAIL)."""
    return EmailAddress.objects.filter(email__iexact=email, verified=True).exclude(user=user).exists()


def wants_report_ready_email(*, user: AbstractBaseUser) -> bool:
    return not Preferences.objects.filter(user=user, report_ready_email=False).exists()


def preferences_of(*, user: AbstractBaseUser) -> Preferences:
    """The user's row, or an unsaved one with the defaults."""
    return Preferences.objects.filter(user=user).first() or Preferences(user=user)


def invitation_limit_problem(
    *, invited_by: AbstractBaseUser, organization: Organization, email: str
) -> LimitReachedError | None:
    """Why one more invitation mail may not be sent now, if it may not. Counted from the invitations, one mail
    each, which stay when replaced or used, so that re-inviting counts; the request counts the ones whose mail
    the worker has not written yet."""
    now = timezone.now()
    sent = Invitation.objects.filter(created_at__gt=now - DAY)
    limits = (
        (sent.filter(invited_by=invited_by), settings.INVITATIONS_PER_SENDER_PER_DAY, "You have"),
        (sent.filter(organization=organization), settings.INVITATIONS_PER_ORGANIZATION_PER_DAY, "The organisation has"),
        (sent.filter(email__iexact=email), settings.INVITATIONS_PER_ADDRESS_PER_DAY, f"{email} has been"),
    )
    for rows, limit, who in limits:
        counted = list(rows.order_by("-created_at").values_list("created_at", flat=True)[:limit])
        if len(counted) >= limit:
            return LimitReachedError(
                f"{who} sent {limit} invitations in the last 24 hours, the most allowed: try again later.",
                retry_after=counted[-1] + DAY - now if counted else DAY,
            )
    return None


def api_tokens_of(*, user: AbstractBaseUser) -> QuerySet[ApiToken]:
    """The user's tokens that still work, newest first: not expired, and issued under the current password."""
    return ApiToken.objects.filter(
        user=user, expiry__gt=timezone.now(), password_fingerprint=user.get_session_auth_hash()
    ).order_by("-created", "-id")
