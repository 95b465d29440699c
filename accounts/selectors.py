"""Reads of the accounts app."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Invitation, Preferences
from accounts.tokens import TokenProblem, invitation_id_from_token, invitation_max_age
from assessments.models import Membership, Organization


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
        .select_related("invited_by", "accepted_by", "user")
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
        .select_related("invited_by", "user")
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
