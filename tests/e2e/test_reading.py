"""What a CTO and a consultant read, in headless Chromium at desk and phone width: a report with a year of
history, the report of a team's first assessment, the organisation dashboard and the portfolio, on the demo
data. Each page draws its charts, says the level and what limits it, and loads nothing from elsewhere.
Screenshots go to .ci/artifacts/ (e2e-read-<page>-<width>.png)."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from assessments.models import Assessment, Organization, Team
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_start, assessment_submit
from assessments.services.organizations import team_create
from reports.services import report_compute
from tests.conftest import complete_answers
from tests.e2e.conftest import check_page, log_in, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
WIDTHS = (1280, 390)


@pytest.fixture
def demo(mlops_framework, mlops_v2):
    """The demo year (its last quarter on version 2) and a team's first assessment, on version 1."""
    call_command("seed_demo", stdout=StringIO())
    organization = Organization.objects.get(name="Demo Analytics")
    owner = get_user_model().objects.get(username="demo")
    first = assessment_start(
        framework=mlops_framework, team=team_create(organization=organization, name="Search"), user=owner
    )
    answers_save(assessment=first, user=owner, items=complete_answers(mlops_framework, value=1))
    assessment_submit(assessment=first, user=owner)
    for assessment_id in Assessment.objects.order_by("submitted_at").values_list("id", flat=True):
        report_compute(assessment_id=assessment_id)
    return organization


def latest(team_name: str) -> int:
    return Team.objects.get(name=team_name).assessments.order_by("-submitted_at").values_list("id", flat=True)[0]


def test_reports_dashboard_and_portfolio_read_well_at_desk_and_phone_width(page, context, watch, live_server, demo):
    log_in(context, get_user_model().objects.get(username="consultant"), live_server.url)
    pages = {
        "report-year": f"/assessments/{latest('Recommendations')}/report/",
        "report-first": f"/assessments/{latest('Search')}/report/",
        "dashboard": f"/organizations/{demo.pk}/dashboard/",
        "portfolio": "/portfolio/",
        "team-history": f"/teams/{Team.objects.get(name='Recommendations').pk}/dashboard/",
        "framework": "/frameworks/mlops/?area=eu_ai_act",
    }
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in pages.items():
            page.goto(path)
            if name not in ("portfolio", "framework"):  # tables and text; the charts are on the dashboards
                expect(page.locator("svg.main-svg").first).to_be_visible()
            if name.startswith("report"):
                expect(page.locator(".overall-level .overall-figure")).to_contain_text("Level ")
                expect(page.locator('[data-figure="figure-history"] .xtick').first).not_to_contain_text(":")
            if name == "team-history":
                expect(page.locator(".version-badge")).to_contain_text("New questionnaire: version 2")
            check_page(page)
            screenshot(page, f"read-{name}-{width}")
    watch.assert_clean()
