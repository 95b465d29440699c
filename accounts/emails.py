"""Our emails: a subject and a plain-text body per message, from templates/accounts/email/, sent through
the backend EMAIL_URL chose (settings)."""

from django.core.mail import send_mail
from django.template.loader import render_to_string


def email_send(*, template: str, to: str, context: dict) -> None:
    """Raises what the backend raises (smtplib.SMTPException, OSError): callers decide what it undoes."""
    subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"accounts/email/{template}_message.txt", context)
    send_mail(subject, body, from_email=None, recipient_list=[to])
