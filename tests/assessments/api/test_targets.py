import pytest

from assessments.models import TargetLevel
from tests.api_helpers import api_as

pytestmark = pytest.mark.django_db


def url(cast) -> str:
    return f"/api/teams/{cast.team.pk}/targets/"


def test_it_keeps_every_target_and_shows_the_latest(cast):
    client = api_as(cast.member)

    client.post(url(cast), {"area": "data", "level": 2}, format="json")
    response = client.post(url(cast), {"area": "data", "level": 3}, format="json")

    assert response.status_code == 201
    assert TargetLevel.objects.count() == 2
    assert [(t["area"], t["level"], t["set_by"]) for t in client.get(url(cast)).json()] == [("data", 3, "member")]


def test_it_names_an_unknown_area_and_a_bad_level(cast):
    response = api_as(cast.member).post(url(cast), {"area": "astrology", "level": 5}, format="json")

    assert (response.status_code, sorted(response.json())) == (400, ["level"])
    response = api_as(cast.member).post(url(cast), {"area": "astrology", "level": 2}, format="json")
    assert (response.status_code, sorted(response.json())) == (400, ["area"])


@pytest.mark.parametrize(("role", "expected"), [("viewer", 403), ("outsider", 404)])
def test_viewers_and_outsiders_cannot_set_targets(cast, role, expected):
    assert api_as(cast.users[role]).post(url(cast), {"area": "data", "level": 2}, format="json").status_code == expected


def test_targets_belong_to_a_framework(cast, other_framework):
    client = api_as(cast.member)

    client.post(url(cast), {"area": "data", "level": 2}, format="json")
    response = client.post(url(cast), {"area": "data", "level": 4, "framework": "other"}, format="json")

    assert (response.status_code, response.json()["framework"]) == (201, "other")
    assert [t["level"] for t in client.get(url(cast)).json()] == [2]  # the team's framework: its assessment's
    assert [t["level"] for t in client.get(url(cast), {"framework": "other"}).json()] == [4]


def test_an_unknown_framework_is_a_400_naming_it(cast):
    client = api_as(cast.member)

    assert client.post(url(cast), {"area": "data", "level": 2, "framework": "nope"}, format="json").json() == {
        "framework": ["No framework with this slug."]
    }
    assert client.get(url(cast), {"framework": "nope"}).status_code == 400
