"""The team dashboard: history, targets against the latest levels, roadmap, reports and comparison."""

import pytest

from assessments.services.targets import target_set
from tests.reports.helpers import submit_and_compute
from tests.reports.views.helpers import page_text

pytestmark = pytest.mark.django_db


def dashboard_url(cast) -> str:
    return f"/teams/{cast.team.pk}/dashboard/"


@pytest.fixture
def two_quarters(cast):
    return [submit_and_compute(cast, value) for value in (1, 2)]


def test_it_draws_the_overall_and_area_scores_over_time(client, cast, two_quarters):
    client.force_login(cast.viewer)

    figure = client.get(dashboard_url(cast)).context["history_figure"]

    overall, *areas = figure["data"]
    # Answered 1, then 2 everywhere: S = 4/3, then 8/3 in each area; levels 2, then 3 (thresholds 4/3, 7/3);
    # scores 4/3 + 2/3 = 2, then 8/3 + 2/3 = 10/3 (3.33).
    assert (overall["name"], overall["y"]) == ("Overall", [2.0, 3.33])
    assert areas[1]["name"] == "Data management"


def test_it_shows_the_current_targets_against_the_latest_levels(client, cast):
    submit_and_compute(cast, 1)
    target_set(team=cast.team, framework=cast.framework, area_key="data", level=4, user=cast.owner)
    client.force_login(cast.viewer)

    response = client.get(dashboard_url(cast))

    data = next(area for area in response.context["gaps"] if area.key == "data")
    # Started everywhere: S = 4/3, level 2 (4/3 <= S < 7/3), two levels below its target 4.
    assert (data.level, data.target, data.gap) == (2, 4, 2)
    assert "2 levels to go" in page_text(response)


def test_it_shows_the_latest_roadmap_with_recommendations(client, cast):
    assessment = submit_and_compute(cast, 1)
    first_step = assessment.report.content["next_steps"][0]
    client.force_login(cast.viewer)

    response = client.get(dashboard_url(cast))

    assert first_step["recommendation"] in page_text(response)
    assert response.context["roadmap"].moves[0]["question"] == first_step["question"]


def test_it_links_each_submitted_assessments_report(client, cast, two_quarters):
    client.force_login(cast.viewer)

    html = client.get(dashboard_url(cast)).content.decode()

    assert all(f'href="/assessments/{assessment.pk}/report/"' in html for assessment in two_quarters)


def test_it_offers_to_compare_the_previous_with_the_latest(client, cast, two_quarters):
    client.force_login(cast.viewer)

    response = client.get(dashboard_url(cast))

    form = response.context["compare_form"]
    assert (form["a"].value(), form["b"].value()) == (two_quarters[0].pk, two_quarters[1].pk)
    assert f'action="/teams/{cast.team.pk}/compare/"' in response.content.decode()


def test_without_a_computed_report_it_says_so(client, cast):
    client.force_login(cast.viewer)

    response = client.get(dashboard_url(cast))

    assert "No computed result yet" in page_text(response)
    assert (response.context["history_figure"], response.context["compare_form"]) == (None, None)


def test_the_query_count_does_not_grow_with_assessments(client, cast, django_assert_num_queries):
    submit_and_compute(cast, 1)
    client.force_login(cast.viewer)
    with django_assert_num_queries(9) as small:  # with the menu's portfolio check
        client.get(dashboard_url(cast))
    for value in (2, 3, 1, 2):
        submit_and_compute(cast, value)
        target_set(team=cast.team, framework=cast.framework, area_key="data", level=value, user=cast.owner)

    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(dashboard_url(cast)).status_code == 200


def test_it_links_the_history_as_csv_and_the_link_downloads_it(client, cast, two_quarters):
    client.force_login(cast.viewer)

    html = client.get(f"/teams/{cast.team.pk}/dashboard/").content.decode()

    url = f"/api/teams/{cast.team.pk}/history.csv"
    assert f'<a href="{url}" download>Download the history as CSV</a>' in html
    response = client.get(url)
    assert (response.status_code, response["Content-Type"].split(";")[0]) == (200, "text/csv")
    assert len(response.content.decode().splitlines()) == 1 + len(two_quarters)
