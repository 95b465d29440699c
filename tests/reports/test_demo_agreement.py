"""The demo organisation as a customer first sees it: every place that shows a team's result says the same
thing (the report's headline, the organisation dashboard, the portfolio and the history)."""

from io import StringIO

import pytest
from django.core.management import call_command

from assessments.models import Assessment, Membership, Role, Team
from maturity.scoring import movement
from reports.builders.dashboards import organization_rows, team_row
from reports.builders.history import history_payload
from reports.models import Report
from reports.selectors.dashboards import organization_results, portfolio_results
from reports.selectors.history import team_history
from reports.services import report_compute

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(mlops_framework):
    call_command("seed_demo", stdout=StringIO())
    for assessment_id in Assessment.objects.order_by("submitted_at").values_list("id", flat=True):
        report_compute(assessment_id=assessment_id)
    return Membership.objects.get(
        role=Role.OWNER, user__username="demo", organization__name="Demo Analytics"
    ).organization


def test_headline_movement_dashboard_and_portfolio_agree(demo):
    dashboard = {row.team: row for row in organization_rows(organization_results(organization_id=demo.pk))}
    portfolio = portfolio_results(organization_ids=[demo.pk])
    in_portfolio = {result.team.team: team_row(result, portfolio.level_names) for result in portfolio.teams}

    for team in Team.objects.filter(organization=demo):
        history = history_payload(team_history(team_id=team.pk))
        latest, previous = history[-1], history[-2]
        report = Report.objects.get(assessment_id=latest["id"]).content["overall"]
        level, score = report["level"], report["score"]

        assert level <= score < level + 1 or level == score == 4, team.name
        assert (
            set(report["limited_by"])
            == {
                area["key"]
                for area in Report.objects.get(assessment_id=latest["id"]).content["areas"]
                if area["counts_toward_level"] and area["level"] == level
            }
            if level != 4
            else not report["limited_by"]
        )
        expected = movement(previous["overall"]["score"], latest["overall"]["score"])
        assert latest["movement"] == expected, team.name
        for row in (dashboard[team.name], in_portfolio[team.name]):
            assert (row.level, row.score, row.movement) == (level, score, expected), team.name
            assert row.regressed == (expected == "regressed")
            if row.previous_level is not None and row.level < row.previous_level:
                assert row.regressed, f"{team.name} fell a level and must read regressed"
