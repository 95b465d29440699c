"""Celery entry points of the accounts app: they take ids, call one service, and are safe to run twice."""

from smtplib import SMTPException

from celery import shared_task
from django.db import InterfaceError, OperationalError

from accounts.services import api_tokens_delete_unusable, report_ready_email_send, review_returned_email_send

SEND_REPORT_READY_EMAIL = "accounts.send_report_ready_email"
SEND_REVIEW_RETURNED_EMAIL = "accounts.send_review_returned_email"
DELETE_UNUSABLE_API_TOKENS = "accounts.delete_unusable_api_tokens"


@shared_task(
    name=SEND_REPORT_READY_EMAIL,
    acks_late=True,
    reject_on_worker_lost=True,
    # A mail server or database that is down now may be up in a minute; the claim row commits only with
    # a sent mail, so a retry sends at most the one mail.
    autoretry_for=(SMTPException, OSError, OperationalError, InterfaceError),
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=8,
    soft_time_limit=30,
    time_limit=45,
)
def send_report_ready_email(assessment_id: int, report_path: str) -> bool:
    return report_ready_email_send(assessment_id=assessment_id, report_path=report_path)


@shared_task(
    name=SEND_REVIEW_RETURNED_EMAIL,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(SMTPException, OSError, OperationalError, InterfaceError),  # as the report-ready email
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=8,
    soft_time_limit=30,
    time_limit=45,
)
def send_review_returned_email(review_id: int, user_id: int) -> bool:
    return review_returned_email_send(review_id=review_id, user_id=user_id)


@shared_task(name=DELETE_UNUSABLE_API_TOKENS, acks_late=True, soft_time_limit=60, time_limit=90)
def delete_unusable_api_tokens() -> int:
    """Beat's hourly sweep (settings.CELERY_BEAT_SCHEDULE): a token that can no longer authenticate is refused
    and deleted when presented, and this deletes the ones nobody presents."""
    return api_tokens_delete_unusable()
