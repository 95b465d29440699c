"""The organisation page's form that adds a member: an owner changes a member's role at once and invites
anyone else (by username, at their verified address, or by address); nobody joins without accepting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from accounts.models import Invitation
from accounts.services import AlreadyMemberError, MemberInvalidError, member_add
from assessments.errors import LastOwnerError
from assessments.forms.organizations import MemberAddForm, username_or_email
from assessments.models import Role
from assessments.tenancy import managed_organization_or_404
from assessments.views.organizations import render_organization
from core.limits import LimitReachedError


@login_required
@require_POST
def member_add_view(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = managed_organization_or_404(user=request.user, organization_id=organization_id)
    form = MemberAddForm(request.POST)
    if form.is_valid():
        username, email = username_or_email(form.cleaned_data["user"])
        role = form.cleaned_data["role"]
        try:
            added = member_add(
                organization=organization,
                role=role,
                invited_by=request.user,
                username=username,
                email=email,
            )
        except MemberInvalidError as error:
            form.add_error("user", " ".join(message for found in error.problems.values() for message in found))
        except AlreadyMemberError as error:
            form.add_error("user", str(error))
        except LastOwnerError as error:
            form.add_error("role", str(error))
        except LimitReachedError as error:
            form.add_error("user", str(error))
        else:
            messages.success(request, _added_message(added, username or email, role))
            return redirect("organization_detail", organization_id=organization.pk)
    return render_organization(request, organization, member_form=form)


def _added_message(added: object, login: str, role: str) -> str:
    label = Role(role).label.lower()
    if isinstance(added, Invitation):
        return f"Invited {login} as {label}: they join once they accept the invitation sent by email."
    return f"{added.user.get_username()} now has the role {label}."
