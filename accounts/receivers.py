"""How the accounts app hears from the others (assessments.signals), connected in AccountsConfig.ready."""

import logging

from allauth.account.models import EmailAddress
from celery import current_app
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerError

from accounts.respondent_emails import respondent_email_enqueue
from accounts.services import email_claims_drop, report_ready_email_forget, respondent_invitation_send
from accounts.tasks import SEND_REPORT_READY_EMAIL, SEND_REVIEW_RETURNED_EMAIL

logger = logging.getLogger(__name__)


def on_followup_ready(sender, *, assessment_id: int, name: str, page_path: str, **kwargs) -> None:
    """A submission's report is ready: its email is enqueued once the report's transaction has committed."""
    if name == "report":
        transaction.on_commit(lambda: _email_enqueue(SEND_REPORT_READY_EMAIL, assessment_id, page_path))


def _email_enqueue(task: str, *args: int | str) -> None:
    try:
        current_app.send_task(task, args=list(args))
    except (BrokerError, OSError) as error:
        # What the other app did (a report, a return) is what matters; its email is a courtesy that is not worth
        # failing it for: the report page, or the comments beside the questions, say the same.
        logger.warning("Could not enqueue %s%s: %s", task, args, error)


def on_respondent_invited(sender, *, organization_id: int, email: str, invited_by_id: int, **kwargs) -> None:
    """A survey's respondent by address, in the transaction that adds it: the first-day invitation. Its
    limits (core.limits.LimitReachedError) propagate and refuse the respondent with it."""
    respondent_invitation_send(organization_id=organization_id, email=email, invited_by_id=invited_by_id)


def on_respondent_added(sender, *, respondent_id: int, **kwargs) -> None:
    """Any survey respondent, in the transaction that adds them: asked by mail for their answers once it commits."""
    transaction.on_commit(lambda: respondent_email_enqueue(respondent_id))


def on_email_confirmed(sender, *, email_address: EmailAddress, **kwargs) -> None:
    """allauth verified an address by its link: other accounts' unverified claims to it stop counting."""
    email_claims_drop(email=email_address.email, verified_by=email_address.user)


def on_assessment_returned(sender, *, assessment_id: int, review_id: int, submitted_by_id: int, **kwargs) -> None:
    """A reviewer returned an assessment: the person who submitted it is emailed once the return commits,
    and the report of its next submission is announced again (its provisional report is gone)."""
    report_ready_email_forget(assessment_id=assessment_id)
    transaction.on_commit(lambda: _email_enqueue(SEND_REVIEW_RETURNED_EMAIL, review_id, submitted_by_id))
