"""Dashboards: an organisation's teams side by side, a team over time, and a consultant's portfolio.
Each page reads a fixed number of queries, however many teams and assessments there are."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from assessments.selectors.reviews import waiting_for_review
from assessments.selectors.targets import team_current_targets
from assessments.tenancy import organization_or_404, team_or_404
from core.http import is_htmx
from maturity.selectors import framework_area_names, framework_get, framework_level_names
from reports.builders.dashboards import (
    audit_links,
    by_organization,
    organization_rows,
    page_figures,
    target_gaps,
    team_row,
)
from reports.builders.history import assessment_choices, history_chart, history_rows
from reports.builders.roadmap import roadmap_with_steps
from reports.forms import CompareForm
from reports.selectors.dashboards import assessor_organizations, organization_results, portfolio_results
from reports.selectors.history import latest_computed_report, team_history
from reports.selectors.report import IN_PROGRESS, reports_in_progress


@login_required
@require_GET
def organization_dashboard(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = organization_or_404(user=request.user, organization_id=organization_id)
    framework = request.GET.get("framework") or None
    if framework is not None and framework_get(slug=framework) is None:
        raise Http404("No such framework.")
    results = organization_results(organization_id=organization.pk, framework_slug=framework)
    rows = organization_rows(results)
    context = {
        "organization": organization,
        "framework": results.framework,
        "other_frameworks": [slug for slug in results.frameworks if slug != results.framework],
        "rows": rows,
        "regressed": [row for row in rows if row.regressed],
        "figures": page_figures(results) if any(row.report_ready for row in rows) else None,
        "in_progress": sum(row.report_status in IN_PROGRESS for row in rows),
        "progress_url": f"{reverse('dashboard_progress')}?organization={organization.pk}",
        "current": "Dashboard",
    }
    return render(request, "reports/organization_dashboard.html", context)


@login_required
@require_GET
def team_dashboard(request: HttpRequest, team_id: int) -> HttpResponse:
    team = team_or_404(user=request.user, team_id=team_id)
    entries = team_history(team_id=team.pk)
    # Charts, targets and the roadmap follow the team's framework, that of its latest submission (as
    # assessments.selectors.team_framework, read here from the history in hand); the table lists all.
    framework = entries[-1].framework if entries else None
    on_framework = [entry for entry in entries if entry.framework == framework]
    report = latest_computed_report(team=team, framework_slug=framework) if framework else None
    targets = team_current_targets(team=team, framework_slug=framework) if framework else {}
    rows = history_rows(entries, framework_level_names(slugs={entry.framework for entry in entries}))
    context = {
        "team": team,
        "organization": team.organization,
        "assessments": rows,
        "history_figure": history_chart(on_framework, framework_area_names(slug=framework)) if framework else None,
        "report": report,
        "gaps": target_gaps(report.content["areas"], {key: t.level for key, t in targets.items()}) if report else [],
        "roadmap": roadmap_with_steps(report.content) if report else None,
        "compare_form": _initial_compare_form(assessment_choices(on_framework)),
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
    organizations = assessor_organizations(user=request.user)
    context = {"organizations": [], "current": "Portfolio"}
    if organizations:
        results = portfolio_results(organization_ids=[pk for pk, _ in organizations])
        rows = [team_row(team, results.level_names) for team in results.teams]
        reviewable = set(waiting_for_review(user=request.user).values_list("id", flat=True))
        context |= {
            "organizations": by_organization(organizations, rows),
            "audits": results.audits,
            "audit_links": audit_links(results.audits, user_id=request.user.pk, reviewable=reviewable),
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
        team = team_or_404(user=request.user, team_id=int(request.GET["team"]))
        count = reports_in_progress(team_id=team.pk)
    elif request.GET.get("organization", "").isdecimal():
        organization = organization_or_404(user=request.user, organization_id=int(request.GET["organization"]))
        count = reports_in_progress(organization_id=organization.pk)
    else:
        return HttpResponse("Give ?team=ID or ?organization=ID.", status=400, content_type="text/plain")
    response = render(
        request, "reports/_dashboard_progress.html", {"in_progress": count, "progress_url": request.get_full_path()}
    )
    if count == 0 and is_htmx(request):
        response["HX-Refresh"] = "true"
    patch_cache_control(response, no_store=True)  # polled: never a 304 that would hide HX-Refresh
    return response
