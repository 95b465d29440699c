"""Every page and every POST: outsiders get 404, viewers read (the page, or a redirect to its first area) but
never write (403)."""

import pytest

from assessments.models import Role

pytestmark = pytest.mark.django_db

PAGES = {
    "organization": "/organizations/{organization}/",
    "team": "/teams/{team}/",
    "assessment": "/assessments/{assessment}/",
    "area": "/assessments/{assessment}/areas/data/",
    "summary": "/assessments/{assessment}/summary/",
    "review": "/assessments/{assessment}/review/",
}
POSTS = {
    "member_add": ("/organizations/{organization}/members/", {"user": "outsider", "role": Role.OWNER}),
    "team_new": ("/organizations/{organization}/teams/", {"name": "Ranking"}),
    "assessment_new": ("/teams/{team}/assessments/", {"start": "blank"}),
    "targets_save": ("/teams/{team}/targets/", {"data": "3"}),
    "answer_save": ("/assessments/{assessment}/answers/data.versioning/", {"value": "2"}),
    "assessment_submit": ("/assessments/{assessment}/submit/", {"confirm": "on"}),
}


def url(cast, template: str) -> str:
    return template.format(organization=cast.organization.pk, team=cast.team.pk, assessment=cast.assessment.pk)


@pytest.mark.parametrize("page", PAGES)
def test_outsiders_get_404_for_every_page(client, cast, page):
    client.force_login(cast.outsider)

    assert client.get(url(cast, PAGES[page])).status_code == 404


@pytest.mark.parametrize("endpoint", POSTS)
def test_outsiders_get_404_for_every_post(client, cast, endpoint):
    path, data = POSTS[endpoint]
    client.force_login(cast.outsider)

    assert client.post(url(cast, path), data).status_code == 404


@pytest.mark.parametrize("page", [page for page in PAGES if page != "assessment"])
def test_viewers_read_every_page(client, cast, page):
    client.force_login(cast.viewer)

    assert client.get(url(cast, PAGES[page])).status_code == 200


def test_viewers_are_sent_from_the_assessment_to_its_first_area(client, cast):
    first_area = cast.framework.areas.order_by("position").first().key
    client.force_login(cast.viewer)

    response = client.get(url(cast, PAGES["assessment"]))

    assert (response.status_code, response.url) == (302, f"/assessments/{cast.assessment.pk}/areas/{first_area}/")


@pytest.mark.parametrize("endpoint", POSTS)
def test_viewers_get_403_for_every_post(client, cast, endpoint):
    path, data = POSTS[endpoint]
    client.force_login(cast.viewer)

    assert client.post(url(cast, path), data, HTTP_HX_REQUEST="true").status_code == 403
    assert client.post(url(cast, path), data).status_code == 403


@pytest.mark.parametrize("path", [*PAGES.values(), *(path for path, _ in POSTS.values())])
def test_anonymous_visitors_are_sent_to_log_in(client, cast, path):
    response = client.get(url(cast, path))

    assert response.url.startswith("/login/?next=")
