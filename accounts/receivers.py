"""How the accounts app hears from the others (assessments.signals), connected in AccountsConfig.ready."""

import logging

from allauth.account.models import EmailAddress
from celery import current_app
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerError

from accounts.services import email_claims_drop, report_ready_email_forget, respondent_invitation_send
from accounts.tasks import SEND_REPORT_READY_EMAIL, SEND_REVIEW_RETURNED_EMAIL

logger = logging.getLogger(__name__)


def on_followup_ready(sender, *, assessment_id: int, name: str, page_path: str, **kwargs) -> None:
    """A submission's report is ready: its email is enqueued once the report's transaction has committed."""
    if name == "report":
        transaction.on_commit(lambda: _enqueue_report_ready_email(assessment_id, page_path))


def _enqueue_report_ready_email(assessment_id: int, report_path: str) -> None:
    try:
        current_app.send_task(SEND_REPORT_READY_EMAIL, args=[assessment_id, report_path])
    except (BrokerError, OSError) as error:
        # The report is what matters; its email is a courtesy that is not worth failing the report for.
        logger.warning("Could not enqueue the report-ready email of assessment %s: %s", assessment_id, error)


def on_respondent_invited(sender, *, organization_id: int, email: str, invited_by_id: int, **kwargs) -> None:
    """A survey's respondent by address, in the transaction that adds it: the first-day invitation. Its
    limits (core.limits.LimitReachedError) propagate and refuse the respondent with it."""
    respondent_invitation_send(organization_id=organization_id, email=email, invited_by_id=invited_by_id)


def on_email_confirmed(sender, *, email_address: EmailAddress, **kwargs) -> None:
    """allauth verified an address by its link: other accounts' unverified claims to it stop counting."""
    email_claims_drop(email=email_address.email, verified_by=email_address.user)


def on_assessment_returned(sender, *, assessment_id: int, review_id: int, submitted_by_id: int, **kwargs) -> None:
    """A reviewer returned an assessment: the person who submitted it is emailed once the return commits,
    and the report of its next submission is announced again (its provisional report is gone)."""
    report_ready_email_forget(assessment_id=assessment_id)
    transaction.on_commit(lambda: _enqueue_returned_email(review_id, submitted_by_id))


def _enqueue_returned_email(review_id: int, user_id: int) -> None:
    try:
        current_app.send_task(SEND_REVIEW_RETURNED_EMAIL, args=[review_id, user_id])
    except (BrokerError, OSError) as error:
        # The return is what matters; the comments wait beside the questions whatever becomes of the mail.
        logger.warning("Could not enqueue the email of returned review %s: %s", review_id, error)
