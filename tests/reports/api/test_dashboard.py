import pytest

from assessments.services.organizations import team_create
from reports.api.serializers import DashboardOutputSerializer
from tests.api_helpers import api_as
from tests.documented import assert_documented
from tests.reports.helpers import submit_and_compute

pytestmark = pytest.mark.django_db


def test_it_shows_each_teams_latest_result_and_the_distribution(cast):
    ranking = team_create(organization=cast.organization, name="Ranking")
    submit_and_compute(cast, 3)
    submit_and_compute(cast, 1)
    submit_and_compute(cast, 2, team=ranking)

    body = api_as(cast.viewer).get(f"/api/organizations/{cast.organization.pk}/dashboard/").json()

    # "started" everywhere: each area's S = 4 * 1/3 = 4/3, level 2 (4/3 <= S < 7/3), score 4/3 + 2/3 = 2;
    # "mostly": S = 8/3, level 3; "fully": 4.
    teams = {team["name"]: team for team in body["teams"]}
    assert teams["Search"]["overall"] == {"level": 2, "score": 2.0}
    assert (teams["Search"]["previous_score"], teams["Search"]["regressed"]) == (4.0, True)
    assert (teams["Ranking"]["overall"]["level"], teams["Ranking"]["regressed"]) == (3, False)
    assert body["distribution"]["data"] == {"0": 0, "1": 0, "2": 1, "3": 1, "4": 0}
    assert set(body["figures"]) == {"heatmap", "distribution"}


def test_a_team_without_a_submitted_assessment_is_listed_without_results(cast):
    body = api_as(cast.viewer).get(f"/api/organizations/{cast.organization.pk}/dashboard/").json()

    assert body["teams"] == [
        {
            "id": cast.team.pk,
            "name": "Search",
            "latest_assessment": None,
            "submitted_at": None,
            "overall": {"level": None, "score": None},
            "areas": [],
            "previous_score": None,
            "change": None,
            "movement": None,
            "regressed": False,
        }
    ]


def test_an_outsider_gets_404(cast):
    assert api_as(cast.outsider).get(f"/api/organizations/{cast.organization.pk}/dashboard/").status_code == 404


def add_teams_with_history(cast, count, start=0):
    for index in range(start, start + count):
        team = team_create(organization=cast.organization, name=f"Team {index}")
        for value in (1, 2):
            submit_and_compute(cast, value, team=team)


def test_the_query_count_is_the_same_for_5_teams_as_for_15(cast, django_assert_num_queries):
    client = api_as(cast.viewer)
    path = f"/api/organizations/{cast.organization.pk}/dashboard/"
    add_teams_with_history(cast, 5)
    with django_assert_num_queries(8):  # token, organisation, framework, areas, teams, ranking, scores, levels
        assert len(client.get(path).json()["teams"]) == 6

    add_teams_with_history(cast, 10, start=5)

    with django_assert_num_queries(8):
        assert len(client.get(path).json()["teams"]) == 16


def test_the_body_is_what_its_serializer_documents(cast):
    submit_and_compute(cast, 2)
    team_create(organization=cast.organization, name="Not assessed yet")

    body = api_as(cast.viewer).get(f"/api/organizations/{cast.organization.pk}/dashboard/").json()

    assert_documented(body, DashboardOutputSerializer())
    assert body["framework"] == "mlops"


def test_a_framework_no_team_answered_gives_teams_without_results(cast, other_framework):
    submit_and_compute(cast, 2)

    body = api_as(cast.viewer).get(f"/api/organizations/{cast.organization.pk}/dashboard/?framework=other").json()

    assert body["framework"] == "other"
    assert [team["latest_assessment"] for team in body["teams"]] == [None]


def test_an_unknown_framework_is_a_400_naming_it(cast):
    response = api_as(cast.viewer).get(f"/api/organizations/{cast.organization.pk}/dashboard/?framework=nope")

    assert (response.status_code, response.json()) == (400, {"framework": ["No framework with this slug."]})
