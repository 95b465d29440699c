"""Writes of the accounts app: invitations and their mail, preferences, API tokens, the report-ready and
review-returned emails. Callers have checked the user's role; memberships are made through
assessments.services.membership_set."""

import logging
from datetime import timedelta

from allauth.account.models import EmailAddress
from celery import current_app
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from kombu.exceptions import OperationalError as BrokerError

from accounts.emails import email_save_failed, email_send, name_in_mail
from accounts.models import ApiToken, Invitation, OutgoingEmail, Preferences, ReportReadyEmail, ReviewReturnedEmail
from accounts.respondent_emails import survey_asks_claim, survey_asks_of_invitation
from accounts.selectors import (
    has_verified_email,
    invitation_expires_at,
    invitation_limit_problem,
    invitation_status,
    is_member_by_email,
    verified_email_of,
    wants_report_ready_email,
)
from accounts.tokens import invitation_token
from assessments.models import Assessment, Membership, Organization, Review, Role
from assessments.selectors.access import member_by_verified_email, user_by_username
from assessments.services.organizations import membership_set
from assessments.services.surveys import respondents_claim
from core.errors import InvalidInputError, NotPermittedError, StateConflictError

logger = logging.getLogger(__name__)

SEND_INVITATION_EMAIL = "accounts.send_invitation_email"


class AlreadyMemberError(InvalidInputError):
    """The address (or the account) is in the organisation already."""

    def __init__(self, message: str) -> None:
        super().__init__(message, problems={"email": [message]})


class WrongAccountError(NotPermittedError):
    """Signed in as an account whose email is not the invited address."""


class InvitationUsedError(StateConflictError):
    """Accepted (or replaced) by another request between reading the link and accepting it."""


class MemberInvalidError(InvalidInputError):
    """Carries {field: [message]}: no such account, or an account without a verified address to invite."""

    def __init__(self, problems: dict[str, list[str]]) -> None:
        super().__init__(
            "; ".join(message for messages in problems.values() for message in messages), problems=problems
        )


def member_add(
    *,
    organization: Organization,
    role: str,
    invited_by: AbstractBaseUser,
    username: str = "",
    email: str = "",
) -> Membership | Invitation:
    """A member's role changes at once; anyone else is invited and joins only by accepting. A username is
    looked up only as a username (that account is invited at its verified address), an address only as an
    address that a member has verified (else the address is invited). Raises MemberInvalidError, LastOwnerError,
    AlreadyMemberError or core.limits.LimitReachedError, saving nothing."""
    user = user_by_username(username=username) if username else None
    if username and user is None:
        raise MemberInvalidError({"username": ["No account has this username."]})
    membership = (
        Membership.objects.filter(organization=organization, user=user).first()
        if user
        else member_by_verified_email(organization_id=organization.pk, email=email)
    )
    if membership is not None:
        return membership_set(organization=organization, user=membership.user, role=role)
    if user is not None:
        email = verified_email_of(user=user)
        if not email:
            raise MemberInvalidError(
                {"username": [f"{username} has no verified email address to invite: invite their address instead."]}
            )
    return invitation_create(organization=organization, email=email, role=role, invited_by=invited_by, user=user)


def invitation_create(
    *,
    organization: Organization,
    email: str,
    role: str,
    invited_by: AbstractBaseUser,
    user: AbstractBaseUser | None = None,
) -> Invitation:
    """Saves the invitation; once it commits, the worker writes and sends its mail (invitation_email_send). A
    newer invitation replaces the address's pending ones. Raises AlreadyMemberError, or
    core.limits.LimitReachedError when the inviter, the organisation or the address had their invitation mail
    for the day; saving nothing."""
    email = BaseUserManager.normalize_email(email)
    if is_member_by_email(organization=organization, email=email):
        raise AlreadyMemberError(f"{email} is a member of {organization.name} already.")
    problem = invitation_limit_problem(invited_by=invited_by, organization=organization, email=email)
    if problem is not None:
        raise problem
    with transaction.atomic():
        Invitation.objects.filter(
            organization=organization, email__iexact=email, accepted_at=None, revoked_at=None
        ).update(revoked_at=timezone.now())
        invitation = Invitation.objects.create(
            organization=organization, email=email, role=role, invited_by=invited_by, user=user
        )
        transaction.on_commit(lambda: _invitation_email_enqueue(invitation.pk))
    return invitation


def _invitation_email_enqueue(invitation_id: int) -> None:
    try:
        current_app.send_task(SEND_INVITATION_EMAIL, args=[invitation_id])
    except (BrokerError, OSError) as error:
        # Nothing will send it: shown as not delivered, so that the owner invites again, never lost unseen.
        logger.warning("Could not enqueue the mail of invitation %s: %s", invitation_id, error)
        invitation_email_mark_failed(invitation_id=invitation_id, error=f"Could not reach the task queue: {error}")


def invitation_email_send(*, invitation_id: int) -> bool:
    """Writes the invitation's mail for the worker to deliver, once: `email_message` is the claim, set in the
    transaction that saves the mail, so a task run twice writes one mail and a failed attempt none. Returns
    whether it wrote it."""
    with transaction.atomic():
        invitation = _invitation_without_mail(invitation_id)
        if invitation is None:
            return False
        surveys = survey_asks_of_invitation(invitation)  # that wait for the address: its mail asks for them
        context = {**_invitation_context(invitation), "surveys": surveys}
        invitation.email_message = email_send(template=OutgoingEmail.INVITATION, to=invitation.email, context=context)
        invitation.save(update_fields=["email_message"])
        survey_asks_claim(surveys, invitation=invitation, email_message=invitation.email_message)
    return True


def invitation_email_mark_failed(*, invitation_id: int, error: str) -> None:
    """Its mail was never written (the broker refused the task, or the worker gave up on it): the owner sees it
    as not delivered, and may invite again."""
    with transaction.atomic():
        invitation = _invitation_without_mail(invitation_id)
        if invitation is not None:
            failed = email_save_failed(kind=OutgoingEmail.INVITATION, to=invitation.email, error=error)
            invitation.email_message = failed
            invitation.save(update_fields=["email_message"])


def _invitation_without_mail(invitation_id: int) -> Invitation | None:
    """Locked until the caller's transaction ends, so that two tasks never both give it a mail."""
    unmailed = Invitation.objects.select_for_update(of=("self",)).filter(pk=invitation_id, email_message=None)
    return unmailed.select_related("organization", "invited_by").first()


def _invitation_context(invitation: Invitation) -> dict:
    """Names someone chose go into the body only, with their links defused (name_in_mail), never into the
    subject: the mail may go to anyone, from anyone who signed up."""
    path = reverse("invitation_accept", args=[invitation_token(invitation.pk)])
    return {
        "invited_by": name_in_mail(invitation.invited_by.get_full_name() or invitation.invited_by.get_username()),
        "organization": name_in_mail(invitation.organization.name),
        "role": Role(invitation.role).label,
        "link": settings.SITE_URL.rstrip("/") + path,
        "expires_at": invitation_expires_at(invitation),
    }


def respondent_invitation_send(*, organization_id: int, email: str, invited_by_id: int) -> Invitation | None:
    """A survey's respondent by address: invited to the organisation as a member, unless a pending
    invitation already goes to that address (it joins through that one, with its role) or it joined."""
    organization = Organization.objects.get(pk=organization_id)
    pending = Invitation.objects.filter(
        organization=organization, email__iexact=email, accepted_at=None, revoked_at=None
    )
    if any(invitation_status(invitation) == "pending" for invitation in pending):
        return None
    invited_by = get_user_model().objects.get(pk=invited_by_id)
    try:
        return invitation_create(organization=organization, email=email, role=Role.MEMBER, invited_by=invited_by)
    except AlreadyMemberError:
        return None


def invitation_accept(*, invitation: Invitation, user: AbstractBaseUser) -> Membership:
    """Makes the user a member with the invited role, once. The invitation went to an address, so only the
    account that verified that address may use it (and, invited by username, only that account): a forwarded
    or leaked link gives nobody else a role, nor does an address someone only typed in when signing up."""
    wrong_user = invitation.user_id is not None and invitation.user_id != user.pk
    if wrong_user or not has_verified_email(user=user, email=invitation.email):
        raise WrongAccountError(
            f"This invitation was sent to {invitation.email}, which {user.get_username()}, the account you are "
            "signed in with, has not verified. Log out, then open the link again: there you can create an account "
            "of your own with that address, or log in with the account that verified it."
        )
    with transaction.atomic():
        if Membership.objects.filter(organization=invitation.organization, user=user).exists():
            raise AlreadyMemberError(f"You are a member of {invitation.organization.name} already.")
        claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at=None, revoked_at=None).update(
            accepted_at=timezone.now(), accepted_by=user
        )
        if claimed != 1:
            raise InvitationUsedError("This invitation has been used already.")
        membership = membership_set(organization=invitation.organization, user=user, role=invitation.role)
        respondents_claim(user=user, organization=invitation.organization, email=invitation.email)
    return membership


def invitation_signup(*, invitation: Invitation, username: str, password: str) -> AbstractBaseUser:
    """A new account with the invited address, in the organisation, or nothing at all. Following the link
    proves the address, so it is the new account's verified one (the form refused an address that another
    account has verified)."""
    with transaction.atomic():
        user = get_user_model().objects.create_user(username=username, email=invitation.email, password=password)
        email_mark_verified(user=user, email=invitation.email)
        invitation_accept(invitation=invitation, user=user)
    return user


def email_mark_verified(*, user: AbstractBaseUser, email: str) -> None:
    """Records the address as the user's verified one (allauth's EmailAddress), and drops every other
    account's unverified claim to it."""
    with transaction.atomic():
        email_claims_drop(email=email, verified_by=user)
        updated = EmailAddress.objects.filter(user=user, email__iexact=email).update(verified=True)
        if not updated:
            primary = not EmailAddress.objects.filter(user=user, primary=True).exists()
            EmailAddress.objects.create(user=user, email=email.lower(), verified=True, primary=primary)


def email_claims_drop(*, email: str, verified_by: AbstractBaseUser) -> None:
    """The address is verified_by's now: any other account that typed it in without verifying it loses it
    (its unverified EmailAddress and its User.email), so nothing of ours, nor allauth's password reset, can
    take that account for the address's owner."""
    EmailAddress.objects.filter(email__iexact=email, verified=False).exclude(user=verified_by).delete()
    get_user_model().objects.filter(email__iexact=email).exclude(pk=verified_by.pk).update(email="")


def email_claim_unverified(*, user: AbstractBaseUser, email: str) -> None:
    """Records that the user typed in an address another account verified: a claim that can never be
    verified, kept so that the account shows what it signed up with."""
    EmailAddress.objects.get_or_create(user=user, email=email.lower())


def address_in_use_notice_send(*, email: str, site_url: str) -> None:
    """Tells the holder of a verified address that someone signed up with it (sign-up answers as for a new
    address, so that it reveals nothing): the new account cannot use it."""
    site_url = site_url.rstrip("/")
    context = {"login_link": site_url + reverse("login"), "reset_link": site_url + reverse("account_reset_password")}
    email_send(template="address_in_use", to=email, context=context)


def preferences_set(*, user: AbstractBaseUser, report_ready_email: bool) -> Preferences:
    defaults = {"report_ready_email": report_ready_email}
    preferences, _ = Preferences.objects.update_or_create(user=user, defaults=defaults)
    return preferences


def report_ready_email_send(*, assessment_id: int, report_path: str) -> bool:
    """Emails the person who submitted the assessment that its report is ready, unless they turned it off
    or it was sent before. Returns whether it sent. The claim row commits only with a sent mail, so a
    failed send is retried and a delivered one is never repeated."""
    assessment = (
        Assessment.objects.select_related("team", "submitted_by").filter(pk=assessment_id, submitted_by__isnull=False)
    ).first()
    user = assessment.submitted_by if assessment else None
    if user is None or not user.email or not wants_report_ready_email(user=user):
        return False
    return _send_once(
        ReportReadyEmail(assessment=assessment, sent_to=user.email),
        template="report_ready",
        context=_report_context(assessment, report_path),
    )


def report_ready_email_forget(*, assessment_id: int) -> None:
    """The assessment was returned to draft: its next report is a new one, to be announced again."""
    ReportReadyEmail.objects.filter(assessment_id=assessment_id).delete()


def _report_context(assessment: Assessment, report_path: str) -> dict:
    user, site_url = assessment.submitted_by, settings.SITE_URL.rstrip("/")
    return {
        "user_name": name_in_mail(user.get_full_name() or user.get_username()),
        "kind": assessment.get_kind_display(),
        "team": name_in_mail(assessment.team.name),
        "submitted_at": assessment.submitted_at,
        "in_review": assessment.status == Assessment.Status.IN_REVIEW,
        "link": site_url + report_path,
        "preferences_link": site_url + reverse("preferences"),
    }


def review_returned_email_send(*, review_id: int, user_id: int) -> bool:
    """Emails the person who had submitted the assessment that a reviewer returned it, with the reviewer's
    comments and a link to the draft. Returns whether it sent; like the report-ready email, the claim row
    commits only with a sent mail, so a failed send is retried and a delivered one never repeated."""
    review = Review.objects.select_related("assessment__team", "reviewer").filter(pk=review_id).first()
    user = get_user_model().objects.filter(pk=user_id).first()
    if review is None or user is None or not user.email:
        return False
    return _send_once(
        ReviewReturnedEmail(review=review, sent_to=user.email),
        template="review_returned",
        context=_returned_context(review, user),
    )


def _send_once(claim: ReportReadyEmail | ReviewReturnedEmail, *, template: str, context: dict) -> bool:
    """Saves the mail's claim row and sends the mail in one transaction, so the claim commits only with a sent
    mail. Returns False, sending nothing, when the claim is there already: sent before."""
    try:
        with transaction.atomic():
            claim.save(force_insert=True)
            email_send(template=template, to=claim.sent_to, context=context)
    except IntegrityError:
        return False
    return True


def _returned_context(review: Review, user: AbstractBaseUser) -> dict:
    assessment, site_url = review.assessment, settings.SITE_URL.rstrip("/")
    comments = review.comments.select_related("question__area").order_by("id")
    return {
        "user_name": name_in_mail(user.get_full_name() or user.get_username()),
        "reviewer": name_in_mail(review.reviewer.get_full_name() or review.reviewer.get_username()),
        "title": name_in_mail(assessment.title),
        "comment": review.comment,
        "questions": [
            {
                "statement": comment.question.statement,
                "comment": comment.comment,
                "link": site_url
                + reverse("assessment_area", args=[assessment.pk, comment.question.area.key])
                + f"#q-{comment.question.key}",
            }
            for comment in comments
        ],
        "link": site_url + reverse("assessment_detail", args=[assessment.pk]),
    }


# How exactly a token's last use is recorded: to the minute, so that a client calling the API many times a
# minute costs one write a minute, not one a request.
LAST_USED_PRECISION = timedelta(minutes=1)


def api_token_create(*, user: AbstractBaseUser) -> tuple[ApiToken, str]:
    """A new token of the user, expiring after API_TOKEN_TTL_DAYS, and its secret: shown this once, never kept."""
    return ApiToken.objects.create(user=user, password_fingerprint=user.get_session_auth_hash())


def api_token_use(*, token: ApiToken) -> bool:
    """Whether the token may stand for its user now, recording the use. A token works only under the password
    it was issued with, checked as Django checks a session: a password changed by any path (the reset page,
    the admin, `changepassword`, a bulk update) ends it here, and it is deleted."""
    if not constant_time_compare(token.password_fingerprint, token.user.get_session_auth_hash()):
        token.delete()
        return False
    now = timezone.now()
    if token.last_used is None or now - token.last_used >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
    return True


def api_token_revoke(*, user: AbstractBaseUser, token_id: int) -> bool:
    """Deletes the user's token; False if the user has no such token (another user's is not theirs)."""
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return deleted > 0


def api_tokens_delete_unusable() -> int:
    """Deletes every token that can no longer authenticate: expired, or issued under an earlier password (one
    query per user who has tokens: the check needs the user's password hash). Beat runs it every hour."""
    deleted, _ = ApiToken.objects.filter(expiry__lte=timezone.now()).delete()
    for user in get_user_model().objects.filter(auth_token_set__isnull=False).distinct():
        earlier_password = ApiToken.objects.filter(user=user).exclude(password_fingerprint=user.get_session_auth_hash())
        deleted += earlier_password.delete()[0]
    return deleted
