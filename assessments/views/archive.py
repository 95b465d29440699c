"""Renaming, archiving and restoring teams and organisations (owners only). Archiving asks for a confirmation
on its own page; restoring does not, since it only brings back what was there."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from assessments.errors import TeamNameTakenError
from assessments.forms.organizations import OrganizationForm, TeamForm
from assessments.services.organizations import organization_update, team_update
from assessments.tenancy import managed_organization_or_404, managed_team_or_404
from assessments.views.organizations import render_organization
from assessments.views.teams import render_team


@login_required
@require_POST
def team_rename(request: HttpRequest, team_id: int) -> HttpResponse:
    team = managed_team_or_404(user=request.user, team_id=team_id)
    form = TeamForm(request.POST, prefix="rename")
    if form.is_valid():
        try:
            team_update(team=team, name=form.cleaned_data["name"])
        except TeamNameTakenError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, f"Renamed the team to {team.name}.")
            return redirect("team_detail", team_id=team.pk)
    return render_team(request, team, rename_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def team_archive(request: HttpRequest, team_id: int) -> HttpResponse:
    team = managed_team_or_404(user=request.user, team_id=team_id)
    if request.method == "GET":
        context = {"team": team, "organization": team.organization, "current": "Archive"}
        return render(request, "assessments/team_archive.html", context)
    team_update(team=team, archived=True)
    messages.success(request, f"Archived {team.name}: it is out of the lists and dashboards, its history is kept.")
    return redirect("organization_detail", organization_id=team.organization_id)


@login_required
@require_POST
def team_restore(request: HttpRequest, team_id: int) -> HttpResponse:
    team = managed_team_or_404(user=request.user, team_id=team_id)
    team_update(team=team, archived=False)
    messages.success(request, f"Restored {team.name}.")
    return redirect("team_detail", team_id=team.pk)


@login_required
@require_POST
def organization_rename(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = managed_organization_or_404(user=request.user, organization_id=organization_id)
    form = OrganizationForm(request.POST, prefix="rename")
    if not form.is_valid():
        return render_organization(request, organization, rename_form=form, status=400)
    organization_update(organization=organization, name=form.cleaned_data["name"])
    messages.success(request, f"Renamed the organisation to {organization.name}.")
    return redirect("organization_detail", organization_id=organization.pk)


@login_required
@require_http_methods(["GET", "POST"])
def organization_archive(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = managed_organization_or_404(user=request.user, organization_id=organization_id)
    if request.method == "GET":
        context = {"organization": organization, "current": "Archive"}
        return render(request, "assessments/organization_archive.html", context)
    organization_update(organization=organization, archived=True)
    messages.success(
        request, f"Archived {organization.name}: it is out of the lists and dashboards, its history is kept."
    )
    return redirect("home")


@login_required
@require_POST
def organization_restore(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = managed_organization_or_404(user=request.user, organization_id=organization_id)
    organization_update(organization=organization, archived=False)
    messages.success(request, f"Restored {organization.name}.")
    return redirect("organization_detail", organization_id=organization.pk)
