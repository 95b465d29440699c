"""Archived teams, and the teams of archived organisations, leave the dashboards and the portfolio."""

import pytest

from assessments.models import Role
from assessments.services.assessments import assessment_start
from assessments.services.organizations import organization_update, team_update
from reports.selectors.dashboards import assessor_organizations, organization_results, portfolio_results
from tests.factories import TeamFactory
from tests.reports.helpers import submit_and_compute

pytestmark = pytest.mark.django_db


@pytest.fixture
def archived(cast):
    """Search (submitted once) archived beside Ranking, which has an audit in draft."""
    submit_and_compute(cast, 2)
    ranking = TeamFactory(organization=cast.organization, name="Ranking")
    assessment_start(team=ranking, user=cast.assessor, framework=cast.framework, kind="audit")
    team_update(team=cast.team, archived=True)
    return ranking


def test_the_organisation_dashboard_leaves_out_archived_teams(cast, archived):
    results = organization_results(organization_id=cast.organization.pk)

    assert [team.team.team for team in results.teams] == ["Ranking"]
    assert sum(sum(levels) for levels in results.distribution.values()) == 0


def test_the_portfolio_leaves_out_archived_teams(cast, archived):
    results = portfolio_results(organization_ids=[cast.organization.pk])

    assert [team.team.team for team in results.teams] == ["Ranking"]
    assert [(audit.team, audit.number) for audit in results.audits] == [("Ranking", 1)]


def test_an_archived_organisation_leaves_the_portfolio(cast, archived):
    organization_update(organization=cast.organization, archived=True)

    assert cast.assessor.memberships.get().role == Role.ASSESSOR
    assert assessor_organizations(user=cast.assessor) == []
