"""Sign up: a new user and their first organisation, which they own, with a mail to verify their address;
the user's preferences and API tokens; the page of a locked-out login."""

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from accounts.forms import PreferencesForm, SignupForm
from accounts.selectors import api_tokens_of, is_verified_elsewhere, preferences_of
from accounts.services import address_in_use_notice_send, api_token_revoke, email_claim_unverified, preferences_set
from assessments.services.organizations import organization_create


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            organization = organization_create(name=form.cleaned_data["organization_name"], owner=user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        _send_verification(request, user.email, signup=True)
        return redirect("organization_detail", organization_id=organization.pk)
    return render(request, "accounts/signup.html", {"form": form})


def _send_verification(request: HttpRequest, email: str, *, signup: bool) -> None:
    """The account works before the address is verified, so a mail server that is down costs the user only
    this mail, which the preferences page sends again. allauth says on the page that it sent it, and sends
    one address at most one link every few minutes (its rate limits). An address another account verified
    gets, instead of a link it could not use, a notice that someone signed up with it, under the same limit
    and with the same words on the page: whether an address has an account shows nowhere."""
    address = EmailAddress.objects.filter(user=request.user, email__iexact=email).first()
    if is_verified_elsewhere(email=email, user=request.user):
        _notify_holder(request, email, signup=signup)
    elif address is None:
        EmailAddress.objects.add_email(request, request.user, email, confirm=True, signup=signup)
    else:
        address.send_confirmation(request, signup=signup)


def _notify_holder(request: HttpRequest, email: str, *, signup: bool) -> None:
    email_claim_unverified(user=request.user, email=email)
    if not ratelimit.consume(request, action="confirm_email", key=email.lower()):
        return  # as allauth does when it has just sent a link: nothing, and no message
    address_in_use_notice_send(email=email, site_url=request.build_absolute_uri("/"))
    context = {"email": email, "login": not signup, "signup": signup}
    get_adapter(request).add_message(request, messages.INFO, "account/messages/email_confirmation_sent.txt", context)


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    current = preferences_of(user=request.user)
    initial = {"report_ready_email": current.report_ready_email}
    form = PreferencesForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        preferences_set(user=request.user, report_ready_email=form.cleaned_data["report_ready_email"])
        messages.success(request, "Your preferences are saved.")
        return redirect("preferences")
    verified = EmailAddress.objects.filter(user=request.user, email__iexact=request.user.email, verified=True).exists()
    return render(request, "accounts/preferences.html", {"form": form, "email_verified": verified})


@login_required
@require_POST
def email_verification_send(request: HttpRequest) -> HttpResponse:
    if request.user.email:
        _send_verification(request, request.user.email, signup=False)
    return redirect("preferences")


@login_required
@require_http_methods(["GET"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    context = {"tokens": api_tokens_of(user=request.user), "ttl_days": settings.API_TOKEN_TTL_DAYS}
    return render(request, "accounts/api_tokens.html", context)


@login_required
@require_POST
def api_token_revoke_view(request: HttpRequest, token_id: int) -> HttpResponse:
    if not api_token_revoke(user=request.user, token_id=token_id):
        raise Http404("No such token.")
    messages.success(request, "The token was revoked.")
    return redirect("api_tokens")


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """What django-axes answers to a login after too many failures (settings.AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
