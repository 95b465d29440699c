"""Pages of invitations: an owner invites an address with a role; the invited person follows the link,
signs up or logs in, and joins."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts.forms import InvitationForm, InvitedSignupForm
from accounts.models import Invitation
from accounts.selectors import (
    InvitationUnusableError,
    invitation_expires_at,
    invitation_from_token,
    invitations_pending,
)
from accounts.services import (
    AlreadyMemberError,
    InvitationUsedError,
    WrongAccountError,
    invitation_accept,
    invitation_create,
    invitation_signup,
)
from assessments.models import Organization, Role
from assessments.selectors.surveys import surveys_waiting_for
from assessments.tenancy import organization_or_404, require_manage
from core.limits import LimitReachedError

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@login_required
@require_http_methods(["GET", "POST"])
def invitation_list(request: HttpRequest, organization_id: int) -> HttpResponse:
    """Owners only: they invite, and only they see the addresses of others."""
    organization = organization_or_404(user=request.user, organization_id=organization_id)
    require_manage(organization.role)
    form = InvitationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() and _invite(request, organization, form):
        return redirect("invitation_list", organization_id=organization.pk)
    context = {
        "organization": organization,
        "form": form,
        "invitations": _pending_rows(organization),
        "max_age_days": settings.INVITATION_MAX_AGE_DAYS,
    }
    return render(request, "accounts/invitations.html", context)


def _invite(request: HttpRequest, organization: Organization, form: InvitationForm) -> bool:
    email, role = form.cleaned_data["email"], form.cleaned_data["role"]
    try:
        invitation_create(
            organization=organization,
            email=email,
            role=role,
            invited_by=request.user,
        )
    except AlreadyMemberError as error:
        form.add_error("email", str(error))
        return False
    except LimitReachedError as error:
        form.add_error(None, str(error))
        return False
    messages.success(request, f"Invited {email} as {Role(role).label.lower()}: the email is on its way.")
    return True


def _pending_rows(organization: Organization) -> list[tuple[Invitation, object]]:
    pending = invitations_pending(organization=organization)
    return [(invitation, invitation_expires_at(invitation)) for invitation in pending]


@require_http_methods(["GET", "POST"])
def invitation_accept_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = invitation_from_token(token=token)
    except InvitationUnusableError as error:
        return _refused(request, str(error), status=error.status)
    if request.user.is_authenticated:
        return _accept_signed_in(request, invitation)
    return _accept_by_signup(request, invitation)


def _accept_signed_in(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    if request.method == "POST":
        try:
            invitation_accept(invitation=invitation, user=request.user)
        except (WrongAccountError, AlreadyMemberError, InvitationUsedError) as error:
            return _refused(request, str(error), status=409)
        return _joined(request, invitation)
    return render(request, "accounts/invitation_accept.html", {"invitation": invitation, "form": None})


def _accept_by_signup(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    form = InvitedSignupForm(request.POST if request.method == "POST" else None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation_signup(
                invitation=invitation, username=form.cleaned_data["username"], password=form.cleaned_data["password1"]
            )
        except InvitationUsedError as error:
            return _refused(request, str(error), status=409)
        login(request, user, backend=MODEL_BACKEND)
        return _joined(request, invitation)
    return render(request, "accounts/invitation_accept.html", {"invitation": invitation, "form": form})


def _joined(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    """To the organisation; or, when the invitation asked for answers to a survey, straight to them (to home,
    which lists them, when several surveys ask)."""
    role = Role(invitation.role).label.lower()
    welcome = f"Welcome to {invitation.organization.name}: you joined as {role}."
    surveys = [s for s in surveys_waiting_for(user=request.user) if s.organization_id == invitation.organization_id]
    if len(surveys) > 1:
        messages.success(request, f"{welcome} {len(surveys)} surveys wait for your answers.")
        return redirect("home")
    if surveys:
        messages.success(request, f"{welcome} Here are your answers to {surveys[0].title}.")
        return redirect("survey_my_answers", assessment_id=surveys[0].assessment_id)
    messages.success(request, welcome)
    return redirect("organization_detail", organization_id=invitation.organization_id)


def _refused(request: HttpRequest, message: str, *, status: int) -> HttpResponse:
    return render(request, "accounts/invitation_refused.html", {"message": message}, status=status)
