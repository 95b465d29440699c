"""allauth's account adapter (settings.ACCOUNT_ADAPTER): its mails (password reset, address verification)
are rendered here, in the request, whose objects their templates need, and delivered by the worker like all
of ours (accounts.emails)."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser

from accounts.emails import email_queue, name_in_mail


@dataclass(frozen=True)
class Site:
    """allauth's `current_site` in its templates: ours, from settings, never the host the request came to."""

    name: str
    domain: str


def user_display(user: AbstractBaseUser) -> str:
    """How allauth's mails name an account (settings.ACCOUNT_USER_DISPLAY): the verification mail goes to
    whatever address was given at sign-up, so the username in it is never a link (name_in_mail)."""
    return name_in_mail(user.get_username())


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """As allauth's, but the rendered message goes to the worker instead of the mail server."""
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": Site(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc),
            "site_name": settings.SITE_NAME,
            "confirmation_days": app_settings.EMAIL_CONFIRMATION_EXPIRE_DAYS,
            "reset_days": round(settings.PASSWORD_RESET_TIMEOUT / 86400),
            **context,
        }
        message = self.render_mail(template_prefix, email, context)
        html_only = message.content_subtype == "html"
        alternatives = getattr(message, "alternatives", [])
        email_queue(
            kind=template_prefix,
            to=email,
            subject=message.subject,
            text="" if html_only else message.body,
            html=message.body if html_only else next((c for c, kind in alternatives if kind == "text/html"), ""),
            from_email=message.from_email,
        )
