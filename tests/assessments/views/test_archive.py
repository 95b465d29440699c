"""Renaming, archiving (after a confirmation) and restoring teams and organisations on their pages."""

import pytest

from assessments.models import Organization, Team
from assessments.services.organizations import organization_update, team_update
from tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


def test_an_owner_renames_the_team(client, cast):
    client.force_login(cast.owner)

    response = client.post(f"/teams/{cast.team.pk}/rename/", {"rename-name": "Ranking"}, follow=True)

    assert "Renamed the team to Ranking." in response.content.decode()
    assert Team.objects.get(pk=cast.team.pk).name == "Ranking"


@pytest.mark.parametrize(("name", "error"), [("", "This field is required."), ("x" * 201, "at most 200 characters")])
def test_a_bad_team_name_is_a_form_error(client, cast, name, error):
    client.force_login(cast.owner)

    response = client.post(f"/teams/{cast.team.pk}/rename/", {"rename-name": name})

    assert response.status_code == 400
    assert error in response.content.decode()
    assert Team.objects.get(pk=cast.team.pk).name == "Search"


def test_a_team_name_already_taken_is_a_form_error(client, cast):
    TeamFactory(organization=cast.organization, name="Ranking")
    client.force_login(cast.owner)

    response = client.post(f"/teams/{cast.team.pk}/rename/", {"rename-name": "Ranking"})

    assert (response.status_code, response.context["team"].name) == (400, "Search")
    assert "has a team with this name already" in response.content.decode()


def test_archiving_a_team_asks_for_confirmation_first(client, cast):
    client.force_login(cast.owner)

    response = client.get(f"/teams/{cast.team.pk}/archive/")

    assert "Archive Search?" in response.content.decode()
    assert Team.objects.get(pk=cast.team.pk).archived_at is None


def test_an_archived_team_leaves_the_organisation_page_and_stays_readable(client, cast):
    client.force_login(cast.owner)
    client.post(f"/teams/{cast.team.pk}/archive/")

    organization_page = client.get(f"/organizations/{cast.organization.pk}/")
    team_page = client.get(f"/teams/{cast.team.pk}/")

    assert list(organization_page.context["teams"]) == []
    assert list(organization_page.context["archived_teams"]) == [cast.team]
    assert (team_page.status_code, "Archived on" in team_page.content.decode()) == (200, True)


def test_members_do_not_see_the_archived_teams(client, cast):
    team_update(team=cast.team, archived=True)
    client.force_login(cast.member)

    page = client.get(f"/organizations/{cast.organization.pk}/").content.decode()

    assert "Search" not in page


def test_an_owner_restores_a_team(client, cast):
    team_update(team=cast.team, archived=True)
    client.force_login(cast.owner)

    client.post(f"/teams/{cast.team.pk}/restore/")

    assert Team.objects.get(pk=cast.team.pk).archived_at is None


@pytest.mark.parametrize("role", ["assessor", "member", "viewer"])
def test_only_owners_rename_archive_or_restore(client, cast, role):
    client.force_login(cast.users[role])

    statuses = {
        client.post(f"/teams/{cast.team.pk}/rename/", {"rename-name": "X"}).status_code,
        client.get(f"/teams/{cast.team.pk}/archive/").status_code,
        client.post(f"/teams/{cast.team.pk}/archive/").status_code,
        client.post(f"/organizations/{cast.organization.pk}/archive/").status_code,
        client.post(f"/organizations/{cast.organization.pk}/restore/").status_code,
    }

    assert statuses == {403}
    assert Team.objects.get(pk=cast.team.pk).archived_at is None


def test_an_owner_renames_the_organisation(client, cast):
    client.force_login(cast.owner)

    client.post(f"/organizations/{cast.organization.pk}/rename/", {"rename-name": "Acme Ltd"})

    assert Organization.objects.get(pk=cast.organization.pk).name == "Acme Ltd"


def test_an_empty_organisation_name_is_a_form_error(client, cast):
    client.force_login(cast.owner)

    response = client.post(f"/organizations/{cast.organization.pk}/rename/", {"rename-name": " "})

    assert response.status_code == 400
    assert response.context["rename_form"].errors == {"name": ["This field is required."]}


def test_an_archived_organisation_leaves_home_and_its_owner_can_restore_it(client, cast):
    client.force_login(cast.owner)
    client.get(f"/organizations/{cast.organization.pk}/archive/")
    client.post(f"/organizations/{cast.organization.pk}/archive/")

    home = client.get("/")

    assert list(home.context["organizations"]) == []
    assert list(home.context["archived_organizations"]) == [cast.organization]
    client.post(f"/organizations/{cast.organization.pk}/restore/")
    assert list(client.get("/").context["organizations"]) == [cast.organization]


def test_a_member_does_not_see_an_archived_organisation_at_home(client, cast):
    organization_update(organization=cast.organization, archived=True)
    client.force_login(cast.member)

    home = client.get("/")

    assert (list(home.context["organizations"]), list(home.context["archived_organizations"])) == ([], [])


def test_the_organisation_page_takes_the_same_queries_with_many_archived_teams(
    client, cast, django_assert_max_num_queries
):
    client.force_login(cast.owner)
    client.get(f"/organizations/{cast.organization.pk}/")
    with django_assert_max_num_queries(12) as few:
        client.get(f"/organizations/{cast.organization.pk}/")
    for number in range(15):
        team_update(team=TeamFactory(organization=cast.organization, name=f"Old {number}"), archived=True)

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"/organizations/{cast.organization.pk}/")


def test_the_owners_forms_stay_in_the_page_body(client, cast):
    client.force_login(cast.owner)

    page = client.get(f"/teams/{cast.team.pk}/").content.decode()

    assert "<title>Search · Acme · MLOps maturity</title>" in page
    assert page.count('id="manage-heading"') == 1
