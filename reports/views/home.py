"""The home page, composed here, in the app on top: signed in, the surveys waiting for the user's answers, the
user's organisations, their drafts and what waits for their review (assessments'), then their teams' latest results
(reports'); and the creation of another organisation, whose form it holds. Signed out: what the product is, with a
short tour and a glance at the sample report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from assessments.forms import OrganizationForm
from assessments.models import Role
from assessments.selectors.access import drafts_for_user, organizations_for_user
from assessments.selectors.reviews import WAITING_LIMIT, waiting_for_review
from assessments.selectors.surveys import surveys_waiting_for
from assessments.services.organizations import organization_create
from reports.builders.content import headline
from reports.builders.dashboards import team_row
from reports.selectors.home import home_results
from reports.selectors.sample import sample_report_today


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return _render_landing(request)
    return _render_home(request, OrganizationForm())


def _render_landing(request: HttpRequest) -> HttpResponse:
    found = sample_report_today()
    sample = found[1] if found else None
    context = {"sample": sample, "sample_headline": headline(sample.content) if sample else None}
    return render(request, "landing.html", context)


@login_required
@require_POST
def organization_new(request: HttpRequest) -> HttpResponse:
    form = OrganizationForm(request.POST)
    if not form.is_valid():
        return _render_home(request, form)
    organization = organization_create(name=form.cleaned_data["name"], owner=request.user)
    messages.success(request, f"Created {organization.name}. You are its owner.")
    return redirect("organization_detail", organization_id=organization.pk)


def _render_home(request: HttpRequest, form: OrganizationForm) -> HttpResponse:
    results = home_results(user=request.user)
    surveys = surveys_waiting_for(user=request.user)
    asking = {survey.assessment_id for survey in surveys}  # listed once, as asking for the user's answers
    context = {
        "surveys_waiting": surveys,
        "organizations": organizations_for_user(user=request.user),
        "archived_organizations": organizations_for_user(user=request.user, archived=True).filter(role=Role.OWNER),
        "drafts": [draft for draft in drafts_for_user(user=request.user) if draft.pk not in asking],
        "waiting": waiting_for_review(user=request.user)[:WAITING_LIMIT],
        # None where the user belongs to organisations only as an assessor: the portfolio shows theirs.
        "results": None
        if results is None
        else {
            "rows": [team_row(team, results.level_names) for team in results.teams],
            "recent": results.recent,
            "unmet": results.unmet,
        },
        "form": form,
    }
    return render(request, "reports/home.html", context)
