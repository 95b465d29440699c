"""Our partial plotly.js bundle (static/vendor/README.md) draws every chart of the report, the team's
progress and the organisation's dashboard, at desk and phone width: each trace as the type our builders
gave it, none turned into another type or hidden for want of its module, and nothing logged as an error.
Screenshots of the charts go to .ci/artifacts/ (e2e-charts-<page>-<width>-<n>.png)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.models import Role
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_start, assessment_submit
from maturity.selectors import framework_for_new_assessment
from reports.services import report_compute
from tests.conftest import complete_answers
from tests.e2e.conftest import ARTIFACTS, DESK, PHONE, check_page, log_in
from tests.factories import MembershipFactory, OrganizationFactory, TeamFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Each figure element's traces, as declared (a trace without a type is a scatter) and as Plotly drew them.
TRACES = """() => [...document.querySelectorAll("[data-figure]")].map((element) => ({
  figure: element.dataset.figure,
  declared: element.data.map((trace) => trace.type || "scatter"),
  drawn: element._fullData.map((trace) => trace.visible === false ? "hidden" : trace.type),
}))"""


def test_the_partial_bundle_draws_every_chart_at_desk_and_phone_width(
    page, context, watch, live_server, mlops_framework
):
    owner = UserFactory(username="ada")
    organization = OrganizationFactory(name="Northwind")
    MembershipFactory(user=owner, organization=organization, role=Role.OWNER)
    for name in ("Fraud scoring", "Churn"):
        team = TeamFactory(organization=organization, name=name)
        for value in (1, 2):
            assessment = assessment_start(framework=framework_for_new_assessment(), team=team, user=owner)
            answers_save(assessment=assessment, user=owner, items=complete_answers(mlops_framework, value=value))
            assessment_submit(
                assessment=assessment, user=owner, submitted_at=timezone.now() - timedelta(days=90 // value)
            )
            report_compute(assessment_id=assessment.pk)
    log_in(context, owner, live_server.url)

    pages = {
        "report": f"/assessments/{assessment.pk}/report/",
        "team": f"/teams/{team.pk}/dashboard/",
        "organization": f"/organizations/{organization.pk}/dashboard/",
    }
    drawn_types = set()
    for width, viewport in (("desk", DESK), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        for name, path in pages.items():
            page.goto(path)
            figures = page.locator("[data-figure]")
            expect(figures.first).to_be_visible()
            for index in range(figures.count()):
                expect(figures.nth(index).locator("svg.main-svg").first).to_be_visible()
            traces = page.evaluate(TRACES)
            assert [trace["drawn"] for trace in traces] == [trace["declared"] for trace in traces], name
            drawn_types |= {kind for trace in traces for kind in trace["drawn"]}
            check_page(page)
            for index in range(figures.count()):
                figures.nth(index).screenshot(path=str(ARTIFACTS / f"e2e-charts-{name}-{width}-{index}.png"))
    assert drawn_types == {"scatter", "bar", "heatmap", "scatterpolar"}
    assert any(request.endswith("/static/vendor/plotly/plotly.min.js") for request in watch.requests)
    watch.assert_clean()
