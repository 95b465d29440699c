"""Dashboards: an organisation's teams side by side, a team over time, and a consultant's portfolio.
Each page reads a fixed number of queries, however many teams and assessments there are."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from assessments.selectors import team_current_targets
from assessments.views.scope import is_htmx, organization_or_404, team_or_404
from reports import dashboards, history
from reports.content import roadmap_with_steps
from reports.forms import CompareForm
from reports.selectors import IN_PROGRESS, reports_in_progress


@login_required
@require_GET
def organization_dashboard(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = organization_or_404(request, organization_id)
    dashboard = dashboards.organization_dashboard(organization_id=organization.pk)
    rows = dashboard.teams
    context = {
        "organization": organization,
        "rows": rows,
        "regressed": [row for row in rows if row.regressed],
        "figures": dashboards.page_figures(dashboard) if any(row.report_ready for row in rows) else None,
        "in_progress": sum(row.report_status in IN_PROGRESS for row in rows),
        "progress_url": f"{reverse('dashboard_progress')}?organization={organization.pk}",
        "current": "Dashboard",
    }
    return render(request, "reports/organization_dashboard.html", context)


@login_required
@require_GET
def team_dashboard(request: HttpRequest, team_id: int) -> HttpResponse:
    team = team_or_404(request, team_id)
    entries = history.team_history(team_id=team.pk)
    report = history.latest_ready_report(team=team)
    choices = history.assessment_choices(entries)
    targets = {key: target.level for key, target in team_current_targets(team=team).items()}
    rows = history.history_rows(entries, dashboards.level_names())
    context = {
        "team": team,
        "organization": team.organization,
        "assessments": rows,
        "history_figure": history.history_chart(entries, dashboards.area_names()),
        "report": report,
        "gaps": dashboards.target_gaps(report.content["areas"], targets) if report else [],
        "roadmap": roadmap_with_steps(report.content) if report else [],
        "compare_form": _initial_compare_form(choices),
        "in_progress": sum(row.report_status in IN_PROGRESS for row in rows),
        "progress_url": f"{reverse('dashboard_progress')}?team={team.pk}",
        "current": "Dashboard",
    }
    return render(request, "reports/team_dashboard.html", context)


def _initial_compare_form(choices: list[tuple[int, str]]) -> CompareForm | None:
    """The previous against the latest assessment, when there are two to compare."""
    if len(choices) < 2:
        return None
    return CompareForm(initial={"a": choices[1][0], "b": choices[0][0]}, choices=choices)


@login_required
@require_GET
def portfolio(request: HttpRequest) -> HttpResponse:
    """A consultant's organisations (those where they are assessor); anyone else sees an empty state."""
    organizations = dashboards.assessor_organizations(user=request.user)
    context = {"organizations": [], "current": "Portfolio"}
    if organizations:
        rows, audits = dashboards.portfolio(organization_ids=[pk for pk, _ in organizations])
        context |= {
            "organizations": dashboards.by_organization(organizations, rows),
            "audits": audits,
            "improved": [row for row in rows if row.improved],
            "regressed": [row for row in rows if row.regressed],
        }
    return render(request, "reports/portfolio.html", context)


@login_required
@require_GET
def dashboard_progress(request: HttpRequest) -> HttpResponse:
    """Polled by a dashboard while reports are being computed; reloads the page once they are all done.
    `?organization=ID` or `?team=ID`, scoped to the user's memberships like every page."""
    if request.GET.get("team", "").isdecimal():
        team = team_or_404(request, int(request.GET["team"]))
        count = reports_in_progress(team_id=team.pk)
    elif request.GET.get("organization", "").isdecimal():
        organization = organization_or_404(request, int(request.GET["organization"]))
        count = reports_in_progress(organization_id=organization.pk)
    else:
        return HttpResponse("Give ?team=ID or ?organization=ID.", status=400, content_type="text/plain")
    response = render(
        request, "reports/_dashboard_progress.html", {"in_progress": count, "progress_url": request.get_full_path()}
    )
    if count == 0 and is_htmx(request):
        response["HX-Refresh"] = "true"
    return response
