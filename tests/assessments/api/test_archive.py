"""PATCH /api/teams/{id}/ and /api/organizations/{id}/: renaming, archiving and restoring (owners only)."""

import pytest

from assessments.models import Organization, Team
from tests.api_helpers import api_as
from tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


def patch_team(cast, user, body):
    return api_as(user).patch(f"/api/teams/{cast.team.pk}/", body, format="json")


def patch_organization(cast, user, body):
    return api_as(user).patch(f"/api/organizations/{cast.organization.pk}/", body, format="json")


def test_an_owner_renames_a_team(cast):
    response = patch_team(cast, cast.owner, {"name": "Ranking"})

    assert (response.status_code, response.json()["name"], response.json()["archived"]) == (200, "Ranking", False)
    assert Team.objects.get(pk=cast.team.pk).name == "Ranking"


@pytest.mark.parametrize("name", ["", "   ", "x" * 201, None, ["Ranking"]])
def test_a_bad_name_is_a_400_naming_it(cast, name):
    response = patch_team(cast, cast.owner, {"name": name, "archived": True})

    assert (response.status_code, list(response.json())) == (400, ["name"])
    assert Team.objects.get(pk=cast.team.pk).archived_at is None  # nothing half-applied


def test_a_name_another_team_has_is_a_400(cast):
    TeamFactory(organization=cast.organization, name="Ranking")

    response = patch_team(cast, cast.owner, {"name": "Ranking"})

    assert (response.status_code, list(response.json())) == (400, ["name"])


def test_unknown_fields_and_bad_booleans_are_named(cast):
    response = patch_team(cast, cast.owner, {"organization": 3, "archived": "maybe"})

    assert (response.status_code, sorted(response.json())) == (400, ["archived"])
    assert (patch_team(cast, cast.owner, {"organization": 3}).json()) == {
        "organization": ["Unknown field: only name and archived change."]
    }


def test_an_empty_body_is_a_400(cast):
    assert patch_team(cast, cast.owner, {}).status_code == 400


def test_an_archived_team_leaves_the_list_and_stays_readable_by_id(cast):
    response = patch_team(cast, cast.owner, {"archived": True})

    listed = api_as(cast.member).get("/api/teams/").json()["results"]
    detail = api_as(cast.member).get(f"/api/teams/{cast.team.pk}/")
    assessment = api_as(cast.member).get(f"/api/assessments/{cast.assessment.pk}/")
    assert (response.status_code, listed) == (200, [])
    assert (detail.status_code, detail.json()["archived"], assessment.status_code) == (200, True, 200)


def test_restoring_a_team_lists_it_again(cast):
    patch_team(cast, cast.owner, {"archived": True})

    patch_team(cast, cast.owner, {"archived": False})

    assert [team["name"] for team in api_as(cast.member).get("/api/teams/").json()["results"]] == ["Search"]


@pytest.mark.parametrize("role", ["assessor", "member", "viewer"])
def test_only_owners_change_a_team(cast, role):
    response = patch_team(cast, cast.users[role], {"archived": True})

    assert response.status_code == 403
    assert Team.objects.get(pk=cast.team.pk).archived_at is None


def test_an_outsider_finds_no_team(cast):
    assert patch_team(cast, cast.outsider, {"name": "Mine"}).status_code == 404


def test_an_owner_renames_and_archives_an_organisation(cast):
    response = patch_organization(cast, cast.owner, {"name": "Acme Ltd", "archived": True})

    listed = api_as(cast.member).get("/api/organizations/").json()["results"]
    detail = api_as(cast.member).get(f"/api/organizations/{cast.organization.pk}/").json()
    assert (response.status_code, listed) == (200, [])
    assert (detail["name"], detail["archived"], detail["role"]) == ("Acme Ltd", True, "member")
    assert api_as(cast.member).get("/api/teams/").json()["results"] == []


def test_a_bad_organisation_name_is_a_400(cast):
    response = patch_organization(cast, cast.owner, {"name": ""})

    assert (response.status_code, list(response.json())) == (400, ["name"])
    assert Organization.objects.get(pk=cast.organization.pk).name == "Acme"


@pytest.mark.parametrize("role", ["assessor", "viewer"])
def test_only_owners_change_an_organisation(cast, role):
    assert patch_organization(cast, cast.users[role], {"archived": True}).status_code == 403


def test_an_outsider_finds_no_organisation(cast):
    assert patch_organization(cast, cast.outsider, {"archived": True}).status_code == 404
