"""The organisation dashboard: each team's latest result, who regressed, and the area charts."""

import plotly.graph_objects as go
import pytest

from assessments.services.organizations import team_create
from tests.conftest import complete_answers
from tests.reports.conftest import submit_answers
from tests.reports.helpers import submit_and_compute
from tests.reports.views.helpers import page_text

pytestmark = pytest.mark.django_db


def dashboard_url(cast) -> str:
    return f"/organizations/{cast.organization.pk}/dashboard/"


@pytest.fixture
def two_teams(cast):
    """Search falls from 4.0 to 2.0 (fully, then started everywhere: S = 4, then 4/3 in each area, level 2, score
    4/3 + 2/3 = 2); Ranking, mostly in place everywhere (S = 8/3, score 10/3), is at level 3 after a single
    assessment."""
    ranking = team_create(organization=cast.organization, name="Ranking")
    submit_and_compute(cast, 3)
    latest = submit_and_compute(cast, 1)
    submit_and_compute(cast, 2, team=ranking)
    return ranking, latest


def test_it_shows_each_teams_latest_level_score_and_change(client, cast, two_teams):
    client.force_login(cast.viewer)

    response = client.get(dashboard_url(cast))

    rows = [(row.team, row.level, row.level_name, row.score) for row in response.context["rows"]]
    assert rows == [("Ranking", 3, "Automated model deployment", 3.33), ("Search", 2, "Automated training", 2.0)]
    assert "Down 2.00 since the previous assessment" in response.content.decode()


def test_it_lists_the_teams_that_regressed(client, cast, two_teams):
    client.force_login(cast.viewer)

    response = client.get(dashboard_url(cast))

    assert [row.team for row in response.context["regressed"]] == ["Search"]
    assert "level 4 → 2, score 4.00 → 2.00" in page_text(response)


def test_it_links_each_team_to_its_dashboard_and_latest_report(client, cast, two_teams):
    _, latest = two_teams
    client.force_login(cast.viewer)

    html = client.get(dashboard_url(cast)).content.decode()

    assert f'href="/teams/{cast.team.pk}/dashboard/"' in html
    assert f'href="/assessments/{latest.pk}/report/"' in html


def test_it_draws_the_heatmap_and_the_distribution_with_local_plotly(client, cast, two_teams):
    client.force_login(cast.viewer)

    response = client.get(dashboard_url(cast))

    html = response.content.decode()
    assert response.context["figures"]["heatmap"]["data"][0]["y"] == ["Ranking", "Search"]
    assert 'id="figure-heatmap" type="application/json"' in html
    assert 'id="figure-distribution" type="application/json"' in html
    assert '<script src="/static/vendor/plotly/plotly.min.js" defer></script>' in html


def test_the_page_figures_are_valid_for_plotly_with_each_teams_row_in_the_heatmap(client, cast, two_teams):
    client.force_login(cast.viewer)

    figures = client.get(dashboard_url(cast)).context["figures"]

    heatmap = figures["heatmap"]["data"][0]
    assert [len(row) for row in heatmap["z"]] == [8, 8]
    assert heatmap["z"][0] == [3.33] * 8  # Ranking, mostly in place everywhere: 10/3
    assert [trace["y"][0] for trace in figures["distribution"]["data"]] == [0, 0, 1, 1, 0]  # Search 2, Ranking 3
    for figure in figures.values():
        go.Figure(figure)  # raises ValueError on any property Plotly does not know


def test_a_team_without_a_submitted_assessment_is_shown_as_such(client, cast):
    client.force_login(cast.viewer)

    response = client.get(dashboard_url(cast))

    assert "No submitted assessment yet" in response.content.decode()
    assert response.context["figures"] is None


def test_a_team_whose_report_is_pending_says_so(client, cast):
    submit_answers(cast, complete_answers(cast.framework))
    client.force_login(cast.viewer)

    assert "Report pending" in client.get(dashboard_url(cast)).content.decode()


def test_the_query_count_does_not_grow_with_teams_or_assessments(client, cast, django_assert_num_queries):
    submit_and_compute(cast, 2)
    client.force_login(cast.viewer)
    with django_assert_num_queries(11) as small:  # with the menu's portfolio check
        client.get(dashboard_url(cast))
    for index in range(4):
        team = team_create(organization=cast.organization, name=f"Team {index}")
        for value in (1, 2):
            submit_and_compute(cast, value, team=team)

    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(dashboard_url(cast)).status_code == 200


def test_it_gives_the_charts_a_hostile_team_name_as_text_not_markup(client, cast):
    hostile = team_create(organization=cast.organization, name='<a href="https://evil.example">x</a>')
    submit_and_compute(cast, 2, team=hostile)
    client.force_login(cast.viewer)

    figures = client.get(dashboard_url(cast)).context["figures"]

    assert figures["heatmap"]["data"][0]["y"] == ['&lt;a href="https://evil.example"&gt;x&lt;/a&gt;']
