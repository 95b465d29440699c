"""The one way the site sends email: rendered, saved as an OutgoingEmail, and delivered by the worker once the
transaction that saved it commits (the task `accounts.deliver_email`). Our mails are rendered by the worker,
in the task that the commit of what they announce enqueued (an invitation, a report, a returned review);
allauth's, and the notice that stands in for its verification mail, by their request, whose objects their
templates need. No request ever talks to the mail server; a mail server that is down delays the mail, and one
that stays down marks it failed for people to see, instead of failing or undoing the request."""

import logging
import re
from smtplib import SMTPException

from celery import current_app
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from accounts.models import OutgoingEmail

logger = logging.getLogger(__name__)

DELIVER_EMAIL = "accounts.deliver_email"
# What a mail program would make a link of: a scheme, www., or a dotted name ending in letters (evil.example).
_LINK_LIKE = re.compile(r"\S*(?:://|www\.|[\w-]\.[a-z]{2,})\S*", re.IGNORECASE)


def name_in_mail(name: str) -> str:
    """A name someone chose (an organisation, a person, a team), for a plain-text body: on one line, with
    nothing a mail program would turn into a link ("evil.example" reads "evil[.]example"). Subjects get none."""
    one_line = " ".join(name.split())
    return _LINK_LIKE.sub(lambda found: found.group(0).replace("://", "[://]").replace(".", "[.]"), one_line)


def email_send(*, template: str, to: str, context: dict) -> OutgoingEmail:
    """Our mails: a subject and a plain-text body from templates/accounts/email/{template}_*.txt."""
    subject = " ".join(render_to_string(f"accounts/email/{template}_subject.txt", context).split())
    text = render_to_string(f"accounts/email/{template}_message.txt", context)
    return email_queue(kind=template, to=to, subject=subject, text=text)


def email_queue(*, kind: str, to: str, subject: str, text: str, html: str = "", from_email: str = "") -> OutgoingEmail:
    """Saves the rendered message and has the worker deliver it after the caller's transaction commits
    (at once outside one): rolled back with it, it is never sent."""
    outgoing = OutgoingEmail.objects.create(
        kind=kind,
        to=to,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        text=text,
        html=html,
    )
    transaction.on_commit(lambda: _enqueue(outgoing.pk))
    return outgoing


def _enqueue(email_id: int) -> None:
    try:
        current_app.send_task(DELIVER_EMAIL, args=[email_id])
    except (BrokerError, OSError) as error:
        # Nothing will deliver it: shown as not delivered (an invitation can be sent again), never lost unseen.
        logger.warning("Could not enqueue email %s: %s", email_id, error)
        email_mark_failed(email_id=email_id, error=f"Could not reach the task queue: {error}")


def email_deliver(*, email_id: int) -> bool:
    """Sends the saved email unless it was sent before; returns whether it sent. The claim (`sent_at`)
    commits only with a sent mail, so a failed send stays unsent for the retry, and a sent one is never
    repeated. Raises what the backend raises (smtplib.SMTPException, OSError), after counting the attempt."""
    try:
        with transaction.atomic():
            claimed = OutgoingEmail.objects.filter(pk=email_id, sent_at=None).update(
                sent_at=timezone.now(), failed_at=None
            )
            if not claimed:
                return False
            outgoing = OutgoingEmail.objects.get(pk=email_id)
            _message(outgoing).send()
            OutgoingEmail.objects.filter(pk=email_id).update(text="", html="")  # a sent reset link is a key
    except (SMTPException, OSError) as error:
        _attempt_failed(email_id, error)
        raise
    return True


def _message(outgoing: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(outgoing.subject, outgoing.text, outgoing.from_email, [outgoing.to])
    if outgoing.html:
        message.attach_alternative(outgoing.html, "text/html")
    return message


def _attempt_failed(email_id: int, error: Exception) -> None:
    failed = OutgoingEmail.objects.filter(pk=email_id, sent_at=None)
    failed.update(attempts=F("attempts") + 1, last_error=str(error)[:500])


def email_save_failed(*, kind: str, to: str, error: str) -> OutgoingEmail:
    """A mail that could not be written (its task never ran, or gave up): saved without a body, as not
    delivered, for people to see."""
    return OutgoingEmail.objects.create(
        kind=kind,
        to=to,
        from_email=settings.DEFAULT_FROM_EMAIL,
        subject="",
        text="",
        failed_at=timezone.now(),
        last_error=error[:500],
    )


def email_mark_failed(*, email_id: int, error: str = "") -> None:
    """The worker gave up on it (or never got it): people see that it was not delivered."""
    failed = OutgoingEmail.objects.filter(pk=email_id, sent_at=None)
    failed.update(failed_at=timezone.now(), **({"last_error": error[:500]} if error else {}))
