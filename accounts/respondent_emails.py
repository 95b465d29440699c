"""The mail asking each survey respondent for their answers: which survey, who asks, by when, and a direct link.
The worker writes it (the task accounts.send_respondent_email, enqueued once the respondent's addition commits),
once per survey and address (a RespondentEmail row, the claim, commits with the mail), and delivers it like every
mail (accounts.emails). A member is asked at their verified address; an address that has not joined yet is asked
in its invitation's mail (survey_asks_of_invitation), or, when that went out before, with the same invitation's
link. Nobody is asked for a survey they added themselves to."""

import logging

from celery import current_app
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.urls import reverse
from kombu.exceptions import OperationalError as BrokerError

from accounts.emails import email_save_failed, email_send, name_in_mail
from accounts.models import Invitation, OutgoingEmail, RespondentEmail
from accounts.selectors import invitation_status, verified_email_of
from accounts.tokens import invitation_token
from assessments.models import Membership, Respondent
from assessments.selectors.surveys import respondent_still_asked, surveys_asking_address

logger = logging.getLogger(__name__)

SEND_RESPONDENT_EMAIL = "accounts.send_respondent_email"
TEMPLATE = "survey_request"


def respondent_email_enqueue(respondent_id: int) -> None:
    try:
        current_app.send_task(SEND_RESPONDENT_EMAIL, args=[respondent_id])
    except (BrokerError, OSError) as error:
        # Nothing will write it: recorded as not delivered, never lost unseen; their home lists the survey anyway.
        logger.warning("Could not enqueue the mail of respondent %s: %s", respondent_id, error)
        respondent_email_mark_failed(respondent_id=respondent_id, error=f"Could not reach the task queue: {error}")


def respondent_email_send(*, respondent_id: int) -> bool:
    """Writes the respondent's mail for the worker to deliver, unless the survey asked that address before, no
    longer asks them, or they added themselves. Returns whether it wrote it."""
    respondent = respondent_still_asked(respondent_id=respondent_id)
    address, link = _address_and_link(respondent) if respondent is not None else ("", "")
    if not address:
        return False
    try:
        with transaction.atomic():
            claim = RespondentEmail.objects.create(assessment=respondent.assessment, sent_to=address.lower())
            claim.email_message = email_send(template=TEMPLATE, to=address, context=_context(respondent, link))
            claim.save(update_fields=["email_message"])
    except IntegrityError:
        return False
    return True


def respondent_email_mark_failed(*, respondent_id: int, error: str) -> None:
    """Its mail was never written (the broker refused the task, or the worker gave up on it): saved as not
    delivered, unless a mail asked that address already."""
    respondent = respondent_still_asked(respondent_id=respondent_id)
    address = _address_and_link(respondent)[0] if respondent is not None else ""
    if address:
        with transaction.atomic():
            failed = email_save_failed(kind=TEMPLATE, to=address, error=error)
            RespondentEmail.objects.bulk_create(
                [RespondentEmail(assessment=respondent.assessment, sent_to=address.lower(), email_message=failed)],
                ignore_conflicts=True,
            )


def _address_and_link(respondent: Respondent) -> tuple[str, str]:
    """Where to ask them and the link to answer by; ("", "") when there is nobody to ask."""
    site_url = settings.SITE_URL.rstrip("/")
    if respondent.user is not None:
        if respondent.user_id == respondent.added_by_id or not _still_member(respondent.user, respondent):
            return "", ""
        return verified_email_of(user=respondent.user), site_url + reverse(
            "survey_my_answers", args=[respondent.assessment_id]
        )
    invitation = _pending_invitation(respondent)
    if invitation is None or invitation.email_message_id is None:
        return "", ""  # the invitation's mail, still to be written, asks for this survey (survey_asks_of_invitation)
    return respondent.email, site_url + reverse("invitation_accept", args=[invitation_token(invitation.pk)])


def _still_member(user: AbstractBaseUser, respondent: Respondent) -> bool:
    return Membership.objects.filter(user=user, organization_id=respondent.assessment.team.organization_id).exists()


def _pending_invitation(respondent: Respondent) -> Invitation | None:
    invitations = Invitation.objects.filter(
        organization_id=respondent.assessment.team.organization_id,
        email__iexact=respondent.email,
        accepted_at=None,
        revoked_at=None,
    ).order_by("-created_at", "-id")
    return next((invitation for invitation in invitations if invitation_status(invitation) == "pending"), None)


def _context(respondent: Respondent, link: str) -> dict:
    """Names someone chose go into the body only, with their links defused (name_in_mail), never the subject."""
    assessment = respondent.assessment
    return {
        **survey_ask(respondent),
        "user_name": name_in_mail(respondent.user.get_full_name() or respondent.user.get_username())
        if respondent.user
        else "",
        "organization": name_in_mail(assessment.team.organization.name),
        "systems_covered": name_in_mail(assessment.systems_covered),
        "anonymous": assessment.anonymous_responses,
        "link": link,
    }


def survey_ask(respondent: Respondent) -> dict:
    """What a mail says of one survey that asks for someone's answers."""
    added_by = respondent.added_by
    return {
        "title": name_in_mail(respondent.assessment.title),
        "asked_by": name_in_mail(added_by.get_full_name() or added_by.get_username()),
        "deadline": respondent.assessment.deadline,
    }


def survey_asks_of_invitation(invitation: Invitation) -> list[dict]:
    """The surveys of the invitation's organisation that wait for its address to join and answer, not asked of it
    before: its mail asks for them (then survey_asks_claim)."""
    waiting = surveys_asking_address(organization_id=invitation.organization_id, email=invitation.email)
    asked = set(
        RespondentEmail.objects.filter(
            assessment__in=[respondent.assessment_id for respondent in waiting], sent_to=invitation.email.lower()
        ).values_list("assessment_id", flat=True)
    )
    return [
        {**survey_ask(respondent), "assessment_id": respondent.assessment_id}
        for respondent in waiting
        if respondent.assessment_id not in asked
    ]


def survey_asks_claim(asks: list[dict], *, invitation: Invitation, email_message: OutgoingEmail) -> None:
    """In the transaction that saves the invitation's mail: the surveys it asks for are asked, once."""
    claims = [
        RespondentEmail(
            assessment_id=ask["assessment_id"], sent_to=invitation.email.lower(), email_message=email_message
        )
        for ask in asks
    ]
    RespondentEmail.objects.bulk_create(claims, ignore_conflicts=True)
