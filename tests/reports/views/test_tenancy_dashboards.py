"""Dashboards and comparison: outsiders get 404, every role of the organisation reads them."""

import pytest

from reports.services import report_compute
from tests.conftest import complete_answers
from tests.reports.conftest import submit_answers

pytestmark = pytest.mark.django_db

PAGES = {
    "organization_dashboard": "/organizations/{organization}/dashboard/",
    "team_dashboard": "/teams/{team}/dashboard/",
    "compare": "/teams/{team}/compare/?a={a}&b={b}",
}


@pytest.fixture
def pair(cast):
    assessments = [submit_answers(cast, complete_answers(cast.framework, value=value)) for value in (1, 2)]
    for assessment in assessments:
        report_compute(assessment_id=assessment.pk)
    return assessments


def url(cast, pair, page: str) -> str:
    a, b = pair
    return PAGES[page].format(organization=cast.organization.pk, team=cast.team.pk, a=a.pk, b=b.pk)


@pytest.mark.parametrize("page", PAGES)
def test_outsiders_get_404(client, cast, pair, page):
    client.force_login(cast.outsider)

    assert client.get(url(cast, pair, page)).status_code == 404


@pytest.mark.parametrize("role", ["owner", "assessor", "member", "viewer"])
@pytest.mark.parametrize("page", PAGES)
def test_every_role_reads_every_page(client, cast, pair, page, role):
    client.force_login(cast.users[role])

    assert client.get(url(cast, pair, page)).status_code == 200


@pytest.mark.parametrize("page", [*PAGES, "portfolio"])
def test_anonymous_visitors_are_sent_to_log_in(client, cast, pair, page):
    path = "/portfolio/" if page == "portfolio" else url(cast, pair, page)

    assert client.get(path).url.startswith("/login/")


def test_the_portfolio_of_an_outsider_shows_nothing_of_the_organisation(client, cast, pair):
    client.force_login(cast.outsider)

    response = client.get("/portfolio/")

    assert response.status_code == 200
    assert cast.team.name not in response.content.decode()
