import pytest

from tests.api_helpers import api_as
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def url(cast) -> str:
    return f"/api/organizations/{cast.organization.pk}/members/"


def test_it_lists_members_with_roles(cast):
    body = api_as(cast.viewer).get(url(cast)).json()

    assert [(m["username"], m["role"]) for m in body["results"]] == [
        ("assessor", "assessor"),
        ("member", "member"),
        ("owner", "owner"),
        ("viewer", "viewer"),
    ]


def test_an_owner_adds_an_existing_user(cast):
    UserFactory(username="grace")

    response = api_as(cast.owner).post(url(cast), {"username": "grace", "role": "assessor"}, format="json")

    assert response.status_code == 201
    assert (response.json()["username"], response.json()["role"]) == ("grace", "assessor")
    assert "id" in response.json()


def test_it_names_an_unknown_user_and_a_bad_role(cast):
    unknown = api_as(cast.owner).post(url(cast), {"username": "nobody", "role": "member"}, format="json")
    bad_role = api_as(cast.owner).post(url(cast), {"username": "viewer", "role": "king"}, format="json")

    assert (unknown.status_code, list(unknown.json())) == (400, ["username"])
    assert (bad_role.status_code, list(bad_role.json())) == (400, ["role"])


def test_the_last_owner_cannot_demote_themselves(cast):
    response = api_as(cast.owner).post(url(cast), {"username": "owner", "role": "viewer"}, format="json")

    assert response.status_code == 400
    assert "only owner" in response.json()["role"][0]


@pytest.mark.parametrize("role", ["assessor", "member", "viewer"])
def test_only_owners_manage_members(cast, role):
    response = api_as(cast.users[role]).post(url(cast), {"username": "viewer", "role": "owner"}, format="json")

    assert response.status_code == 403


def test_an_outsider_gets_404(cast):
    assert api_as(cast.outsider).get(url(cast)).status_code == 404
