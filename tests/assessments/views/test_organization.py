"""The organisation page: teams and members; owners add teams (adding members: tests/accounts/test_members.py)."""

import pytest

from assessments.models import Team
from tests.factories import verified

pytestmark = pytest.mark.django_db


def members_url(cast) -> str:
    return f"/organizations/{cast.organization.pk}/members/"


def teams_url(cast) -> str:
    return f"/organizations/{cast.organization.pk}/teams/"


def test_it_shows_teams_and_members(client, cast):
    client.force_login(cast.viewer)

    response = client.get(f"/organizations/{cast.organization.pk}/")

    assert [team.name for team in response.context["teams"]] == ["Search"]
    assert [m.user.username for m in response.context["memberships"]] == ["assessor", "member", "owner", "viewer"]


def test_it_shows_members_addresses_to_owners_only(client, cast):
    verified(cast.member)

    client.force_login(cast.owner)
    seen_by_owner = client.get(f"/organizations/{cast.organization.pk}/").content.decode()
    client.force_login(cast.viewer)
    seen_by_viewer = client.get(f"/organizations/{cast.organization.pk}/").content.decode()

    assert "member@example.com" in seen_by_owner
    assert "viewer@example.com" not in seen_by_owner  # not verified
    assert "@example.com" not in seen_by_viewer


def test_it_shows_the_forms_to_owners_only(client, cast):
    client.force_login(cast.member)

    response = client.get(f"/organizations/{cast.organization.pk}/")

    assert members_url(cast) not in response.content.decode()


def test_owner_creates_a_team(client, cast):
    client.force_login(cast.owner)

    response = client.post(teams_url(cast), {"name": "Ranking"})

    team = Team.objects.get(name="Ranking")
    assert (team.organization, response.url) == (cast.organization, f"/teams/{team.pk}/")


def test_a_duplicate_team_name_is_a_form_error(client, cast):
    client.force_login(cast.owner)

    response = client.post(teams_url(cast), {"name": "Search"})

    assert "Acme has a team with this name already." in response.content.decode()
    assert Team.objects.filter(organization=cast.organization).count() == 1


@pytest.mark.parametrize("role", ["assessor", "member", "viewer"])
def test_only_owners_manage(client, cast, role):
    client.force_login(cast.users[role])

    assert client.post(teams_url(cast), {"name": "Ranking"}).status_code == 403
