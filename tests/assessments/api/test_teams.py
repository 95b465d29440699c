import pytest

from tests.api_helpers import api_as
from tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


def test_it_lists_teams_of_my_organisations_filtered_by_organisation(cast):
    TeamFactory(name="Elsewhere")

    everything = api_as(cast.member).get("/api/teams/").json()["results"]
    filtered = api_as(cast.member).get(f"/api/teams/?organization={cast.organization.pk}").json()["results"]

    assert [t["name"] for t in everything] == ["Search"]
    assert filtered == everything


def test_it_refuses_a_malformed_filter(cast):
    assert api_as(cast.member).get("/api/teams/?organization=acme").status_code == 400


def test_an_owner_creates_a_team(cast):
    response = api_as(cast.owner).post(
        "/api/teams/", {"organization": cast.organization.pk, "name": "Ranking"}, format="json"
    )

    assert response.status_code == 201
    assert response.json() == {
        "id": response.json()["id"],
        "organization": cast.organization.pk,
        "name": "Ranking",
        "created_at": response.json()["created_at"],
        "archived": False,
        "archived_at": None,
    }


def test_a_duplicate_name_is_a_400_naming_the_field(cast):
    response = api_as(cast.owner).post(
        "/api/teams/", {"organization": cast.organization.pk, "name": "Search"}, format="json"
    )

    assert (response.status_code, list(response.json())) == (400, ["name"])


def test_missing_fields_are_named(cast):
    response = api_as(cast.owner).post("/api/teams/", {}, format="json")

    assert (response.status_code, sorted(response.json())) == (400, ["name", "organization"])


@pytest.mark.parametrize(("role", "expected"), [("member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_owners_of_the_organisation_create_teams(cast, role, expected):
    response = api_as(cast.users[role]).post(
        "/api/teams/", {"organization": cast.organization.pk, "name": "Ranking"}, format="json"
    )

    assert response.status_code == expected


def test_the_detail_is_404_for_an_outsider(cast):
    assert api_as(cast.member).get(f"/api/teams/{cast.team.pk}/").json()["name"] == "Search"
    assert api_as(cast.outsider).get(f"/api/teams/{cast.team.pk}/").status_code == 404
