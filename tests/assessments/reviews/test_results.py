"""Dashboards, history, comparison and the portfolio count accepted assessments only: one in review is
provisional, and a returned one has no report at all."""

from unittest import mock

import pytest

from assessments.services.assessments import assessment_start
from assessments.services.reviews import assessment_accept, assessment_return
from assessments.services.targets import target_set
from reports import services
from reports.models import Report
from reports.selectors.dashboards import portfolio_results
from reports.selectors.history import latest_computed_report
from reports.selectors.home import home_results
from reports.services import report_compute
from tests.api_helpers import api_as
from tests.assessments.reviews.conftest import submit_for_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def computed(in_review):
    report_compute(assessment_id=in_review.pk)
    return in_review


def history_ids(cast) -> list[int]:
    return [entry["id"] for entry in api_as(cast.viewer).get(f"/api/teams/{cast.team.pk}/history/").json()]


def dashboard_latest(cast) -> list:
    body = api_as(cast.viewer).get(f"/api/organizations/{cast.organization.pk}/dashboard/").json()
    return [team["latest_assessment"] for team in body["teams"]]


def test_an_assessment_in_review_is_not_in_the_history_nor_the_dashboard(cast, computed):
    assert history_ids(cast) == []
    assert dashboard_latest(cast) == [None]
    assert latest_computed_report(team=cast.team, framework_slug="mlops") is None


def test_once_accepted_it_is(cast, computed):
    assessment_accept(assessment=computed, reviewer=cast.owner)

    assert history_ids(cast) == [computed.pk]
    assert dashboard_latest(cast) == [computed.pk]
    assert latest_computed_report(team=cast.team, framework_slug="mlops").assessment_id == computed.pk


def test_a_returned_one_is_not_either_and_has_no_report(cast, computed):
    assessment_return(assessment=computed, reviewer=cast.owner, comment="Redo.")

    assert history_ids(cast) == []
    assert dashboard_latest(cast) == [None]
    assert not Report.objects.exists()


def test_home_and_the_portfolio_leave_it_out_until_accepted(cast, computed):
    results = home_results(user=cast.owner)
    portfolio = portfolio_results(organization_ids=[cast.organization.pk])

    assert results.recent == []
    assert [team.latest for team in results.teams] == [None]
    assert [team.latest for team in portfolio.teams] == [None]

    assessment_accept(assessment=computed, reviewer=cast.assessor)

    assert [report.assessment_id for report in home_results(user=cast.owner).recent] == [computed.pk]
    latest = portfolio_results(organization_ids=[cast.organization.pk]).teams[0].latest
    assert latest.assessment_id == computed.pk


def test_the_comparison_leaves_it_out(client, cast, computed):
    client.force_login(cast.viewer)

    html = client.get(f"/teams/{cast.team.pk}/compare/").content.decode()

    assert f"?a={computed.pk}" not in html
    assert f"b={computed.pk}" not in html


def test_a_report_computed_while_the_assessment_was_returned_is_dropped(cast, in_review):
    """The worker was computing it as the reviewer returned the assessment: its result is not saved."""
    real = services.compute_content_and_figures

    def returned_meanwhile(inputs):
        assessment_return(assessment=in_review, reviewer=cast.owner, comment="Redo.")
        return real(inputs)

    with mock.patch("reports.services.compute_content_and_figures", side_effect=returned_meanwhile):
        report_compute(assessment_id=in_review.pk)

    assert not Report.objects.exists()


def test_a_target_recomputes_the_accepted_report_the_dashboards_show_and_the_one_in_review(cast):
    accepted = submit_for_review(cast)
    assessment_accept(assessment=accepted, reviewer=cast.owner)
    cast.assessment = assessment_start(team=cast.team, user=cast.member, framework=cast.framework)
    waiting = submit_for_review(cast)
    for assessment in (accepted, waiting):
        report_compute(assessment_id=assessment.pk)

    target_set(team=cast.team, framework=cast.framework, area_key="data", level=3, user=cast.owner)

    assert dict(Report.objects.values_list("assessment_id", "status")) == {
        accepted.pk: "pending",
        waiting.pk: "pending",
    }
