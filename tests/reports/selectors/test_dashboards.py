"""Teams side by side never compare results of different frameworks."""

import pytest

from assessments.models import Team
from assessments.selectors.targets import team_framework
from assessments.services.assessments import assessment_discard, assessment_start
from reports.selectors.dashboards import organization_results, team_results
from tests.conftest import complete_answers
from tests.reports.conftest import submit_answers
from tests.reports.helpers import submit_and_compute

pytestmark = pytest.mark.django_db


@pytest.fixture
def mlops_twice_then_other(cast, other_framework):
    first, second = submit_and_compute(cast, 1), submit_and_compute(cast, 2)
    third = submit_answers(cast, complete_answers(other_framework, value=3), framework=other_framework)
    return first, second, third


def results_of(cast, framework_slug=None):
    teams = Team.objects.filter(pk=cast.team.pk)
    [results] = team_results(teams=teams, organization_ids=[cast.organization.pk], framework_slug=framework_slug)
    return results


def test_a_teams_latest_result_is_compared_with_the_one_before_on_its_framework(cast, mlops_twice_then_other):
    first, second, third = mlops_twice_then_other

    latest = results_of(cast)
    on_mlops = results_of(cast, "mlops")

    assert (latest.latest.assessment_id, latest.previous, latest.latest.count) == (third.pk, None, 1)
    assert (on_mlops.latest.assessment_id, on_mlops.previous.assessment_id) == (second.pk, first.pk)
    assert on_mlops.latest.count == 2


def test_the_organisation_dashboard_shows_the_most_recently_used_framework_and_offers_the_others(
    cast, mlops_twice_then_other
):
    results = organization_results(organization_id=cast.organization.pk)

    assert (results.framework, results.frameworks) == ("other", ["other", "mlops"])
    assert organization_results(organization_id=cast.organization.pk, framework_slug="mlops").framework == "mlops"


def test_a_team_works_on_its_latest_submitted_framework_before_a_draft_on_another(cast, other_framework):
    assert team_framework(team=cast.team) == cast.framework  # the cast's draft

    assessment_discard(assessment=cast.assessment)
    assessment_start(framework=other_framework, team=cast.team, user=cast.member)
    assert team_framework(team=cast.team) == other_framework  # the draft that replaced it

    submit_and_compute(cast, 2)
    assert team_framework(team=cast.team) == cast.framework  # submitted beats drafts
