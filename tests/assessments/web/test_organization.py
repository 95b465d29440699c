"""The organisation page: teams and members; owners add members and teams."""

import pytest

from assessments.models import Membership, Role, Team
from tests.factories import UserFactory

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


def test_it_shows_the_forms_to_owners_only(client, cast):
    client.force_login(cast.member)

    response = client.get(f"/organizations/{cast.organization.pk}/")

    assert members_url(cast) not in response.content.decode()


def test_owner_adds_a_member_by_username(client, cast):
    zoe = UserFactory(username="zoe")
    client.force_login(cast.owner)

    response = client.post(members_url(cast), {"user": "zoe", "role": Role.MEMBER})

    assert response.url == f"/organizations/{cast.organization.pk}/"
    assert Membership.objects.get(user=zoe).role == Role.MEMBER


def test_owner_adds_a_member_by_email(client, cast):
    zoe = UserFactory(username="zoe", email="zoe@example.com")
    client.force_login(cast.owner)

    client.post(members_url(cast), {"user": "Zoe@Example.com", "role": Role.VIEWER})

    assert Membership.objects.get(user=zoe).role == Role.VIEWER


def test_owner_changes_a_role(client, cast):
    client.force_login(cast.owner)

    client.post(members_url(cast), {"user": "viewer", "role": Role.MEMBER})

    assert Membership.objects.get(user=cast.viewer).role == Role.MEMBER


def test_an_unknown_user_is_a_form_error(client, cast):
    client.force_login(cast.owner)

    response = client.post(members_url(cast), {"user": "nobody@example.com", "role": Role.MEMBER})

    assert response.status_code == 200
    assert "No account has this username or email." in response.content.decode()
    assert Membership.objects.filter(organization=cast.organization).count() == 4


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

    assert client.post(members_url(cast), {"user": role, "role": Role.OWNER}).status_code == 403
    assert client.post(teams_url(cast), {"name": "Ranking"}).status_code == 403


def test_the_last_owner_stepping_down_is_a_form_error(client, cast):
    client.force_login(cast.owner)

    response = client.post(f"/organizations/{cast.organization.pk}/members/", {"user": "owner", "role": "viewer"})

    assert response.status_code == 200
    assert "only owner" in response.content.decode()
