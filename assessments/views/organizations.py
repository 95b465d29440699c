"""An organisation's page: its teams, members and, for owners, the forms that add teams and invite members
(the invitation itself is accounts': accounts/member_views.py). The home page, which lists organisations
and creates them, is composed by reports (reports/views/home.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from assessments.errors import TeamNameTakenError
from assessments.forms.organizations import MemberAddForm, OrganizationForm, TeamForm
from assessments.models import Organization
from assessments.permissions import can_manage
from assessments.selectors.access import memberships_of, teams_for_user
from assessments.selectors.reviews import WAITING_LIMIT, waiting_for_review
from assessments.services.organizations import team_create
from assessments.tenancy import managed_organization_or_404, organization_or_404


@login_required
@require_GET
def organization_detail(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = organization_or_404(user=request.user, organization_id=organization_id)
    return render_organization(request, organization)


@login_required
@require_POST
def team_new(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = managed_organization_or_404(user=request.user, organization_id=organization_id)
    form = TeamForm(request.POST)
    if form.is_valid():
        try:
            team = team_create(organization=organization, name=form.cleaned_data["name"])
        except TeamNameTakenError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, f"Created the team {team.name}.")
            return redirect("team_detail", team_id=team.pk)
    return render_organization(request, organization, team_form=form)


def render_organization(
    request: HttpRequest,
    organization: Organization,
    *,
    member_form: MemberAddForm | None = None,
    team_form: TeamForm | None = None,
    rename_form: OrganizationForm | None = None,
    status: int = 200,
) -> HttpResponse:
    manages = can_manage(organization.role)
    context = {
        "organization": organization,
        "teams": teams_for_user(user=request.user, organization_id=organization.pk),
        "archived_teams": teams_for_user(user=request.user, organization_id=organization.pk, archived=True)
        if manages
        else [],
        "memberships": memberships_of(organization=organization),
        "waiting": waiting_for_review(user=request.user, organization_id=organization.pk)[:WAITING_LIMIT],
        "can_manage": manages,
        "member_form": member_form or MemberAddForm(),
        "team_form": team_form or TeamForm(),
        "rename_form": rename_form or OrganizationForm(prefix="rename", initial={"name": organization.name}),
    }
    return render(request, "assessments/organization_detail.html", context, status=status)
