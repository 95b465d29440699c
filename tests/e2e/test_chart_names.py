"""Names that people write (teams, organisations) appear in the charts as written: Plotly reads a subset of
HTML in its texts, and a team named like a link or a style must show as that text, not become one."""

import pytest
from playwright.sync_api import expect

from assessments.models import Role
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_start, assessment_submit
from maturity.selectors import framework_for_new_assessment
from reports.services import report_compute
from tests.conftest import complete_answers
from tests.e2e.conftest import check_page, log_in
from tests.factories import MembershipFactory, OrganizationFactory, TeamFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LINK_NAME = '<a href="https://evil.example">x</a>'
STYLE_NAME = '<span style="font-size:80px">big</span>'


def test_the_dashboard_heatmap_shows_a_team_named_like_markup_as_text(
    page, context, watch, live_server, mlops_framework
):
    owner = UserFactory(username="ada")
    organization = OrganizationFactory(name="Northwind")
    MembershipFactory(user=owner, organization=organization, role=Role.OWNER)
    for name in (LINK_NAME, STYLE_NAME):
        team = TeamFactory(organization=organization, name=name)
        assessment = assessment_start(framework=framework_for_new_assessment(), team=team, user=owner)
        answers_save(assessment=assessment, user=owner, items=complete_answers(mlops_framework))
        assessment_submit(assessment=assessment, user=owner)
        report_compute(assessment_id=assessment.pk)
    log_in(context, owner, live_server.url)

    page.goto(f"/organizations/{organization.pk}/dashboard/")
    heatmap = page.locator('[data-figure="figure-heatmap"]')
    expect(heatmap.locator("svg.main-svg").first).to_be_visible()

    ticks = heatmap.locator(".ytick text")
    expect(ticks).to_have_count(2)
    assert sorted(ticks.all_text_contents()) == [LINK_NAME, STYLE_NAME]
    assert heatmap.locator("svg a").count() == 0
    assert {ticks.nth(index).evaluate("(tick) => getComputedStyle(tick).fontSize") for index in range(2)} != {"80px"}
    assert [ticks.nth(index).locator("tspan[style]").count() for index in range(2)] == [0, 0]
    check_page(page)
    watch.assert_clean()
