"""Celery entry points of the accounts app: they take ids, call one service, and are safe to run twice."""

from smtplib import SMTPException

from celery import Task, shared_task
from django.db import InterfaceError, OperationalError

from accounts.emails import DELIVER_EMAIL, email_deliver, email_mark_failed
from accounts.respondent_emails import SEND_RESPONDENT_EMAIL, respondent_email_mark_failed, respondent_email_send
from accounts.services import (
    SEND_INVITATION_EMAIL,
    api_tokens_delete_unusable,
    invitation_email_mark_failed,
    invitation_email_send,
    report_ready_email_send,
    review_returned_email_send,
)

SEND_REPORT_READY_EMAIL = "accounts.send_report_ready_email"
SEND_REVIEW_RETURNED_EMAIL = "accounts.send_review_returned_email"
DELETE_UNUSABLE_API_TOKENS = "accounts.delete_unusable_api_tokens"

DATABASE_OUTAGE = (OperationalError, InterfaceError)
# A database or mail server that is down now may be up in a minute: 8 retries wait about 20 minutes in all.
# Each task's claim commits only with its work, so a retry never does it twice.
RETRIED_ON_OUTAGE = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "retry_backoff": 5,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 8,
    "soft_time_limit": 30,
    "time_limit": 45,
}


@shared_task(name=SEND_REPORT_READY_EMAIL, autoretry_for=DATABASE_OUTAGE, **RETRIED_ON_OUTAGE)
def send_report_ready_email(assessment_id: int, report_path: str) -> bool:
    return report_ready_email_send(assessment_id=assessment_id, report_path=report_path)


@shared_task(name=SEND_REVIEW_RETURNED_EMAIL, autoretry_for=DATABASE_OUTAGE, **RETRIED_ON_OUTAGE)
def send_review_returned_email(review_id: int, user_id: int) -> bool:
    return review_returned_email_send(review_id=review_id, user_id=user_id)


class InvitationEmailTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        """Every retry failed too: the owner sees the invitation's mail as not delivered, and may invite again."""
        invitation_email_mark_failed(invitation_id=args[0], error=str(exc))


# `email_message` is set only with the written mail, so a retry writes at most the one mail.
@shared_task(name=SEND_INVITATION_EMAIL, base=InvitationEmailTask, autoretry_for=DATABASE_OUTAGE, **RETRIED_ON_OUTAGE)
def send_invitation_email(invitation_id: int) -> bool:
    return invitation_email_send(invitation_id=invitation_id)


class RespondentEmailTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        """Every retry failed too: the mail is recorded as not delivered; the respondent's home lists the survey."""
        respondent_email_mark_failed(respondent_id=args[0], error=str(exc))


# The RespondentEmail claim commits only with the written mail, so a retry writes at most the one mail.
@shared_task(name=SEND_RESPONDENT_EMAIL, base=RespondentEmailTask, autoretry_for=DATABASE_OUTAGE, **RETRIED_ON_OUTAGE)
def send_respondent_email(respondent_id: int) -> bool:
    return respondent_email_send(respondent_id=respondent_id)


class DeliveryTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        """Every retry failed too: the mail is marked, for its sender to see, and not tried again."""
        email_mark_failed(email_id=args[0], error=str(exc))


# `sent_at` commits only with a sent mail, so a retry sends at most the one mail.
@shared_task(
    name=DELIVER_EMAIL, base=DeliveryTask, autoretry_for=(SMTPException, OSError, *DATABASE_OUTAGE), **RETRIED_ON_OUTAGE
)
def deliver_email(email_id: int) -> bool:
    return email_deliver(email_id=email_id)


@shared_task(name=DELETE_UNUSABLE_API_TOKENS, acks_late=True, soft_time_limit=60, time_limit=90)
def delete_unusable_api_tokens() -> int:
    """Beat's hourly sweep (settings.CELERY_BEAT_SCHEDULE): a token that can no longer authenticate is refused
    and deleted when presented, and this deletes the ones nobody presents."""
    return api_tokens_delete_unusable()
