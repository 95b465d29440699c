"""Renaming, archiving and restoring teams and organisations (services and the list selectors)."""

import pytest

from assessments.selectors.access import organizations_for_user, team_for_user, teams_for_user
from assessments.services.organizations import organization_update, team_update

pytestmark = pytest.mark.django_db


def test_an_archived_team_leaves_the_lists_but_stays_found_by_id(cast):
    team_update(team=cast.team, archived=True)

    assert list(teams_for_user(user=cast.member)) == []
    assert list(teams_for_user(user=cast.owner, organization_id=cast.organization.pk, archived=True)) == [cast.team]
    assert team_for_user(user=cast.member, team_id=cast.team.pk) == cast.team


def test_restoring_brings_the_team_back(cast):
    team_update(team=cast.team, archived=True)

    team_update(team=cast.team, archived=False)

    assert list(teams_for_user(user=cast.member)) == [cast.team]


def test_the_teams_of_an_archived_organisation_leave_the_lists(cast):
    organization_update(organization=cast.organization, archived=True)

    assert list(organizations_for_user(user=cast.member)) == []
    assert list(teams_for_user(user=cast.member)) == []
    assert list(organizations_for_user(user=cast.member, archived=True)) == [cast.organization]


def test_an_organisation_counts_only_its_active_teams(cast):
    team_update(team=cast.team, archived=True)

    [organization] = organizations_for_user(user=cast.member)

    assert organization.team_count == 0


def test_renaming_keeps_the_archive_state(cast):
    team_update(team=cast.team, archived=True)
    archived_at = cast.team.archived_at

    team_update(team=cast.team, name="Ranking", archived=True)

    cast.team.refresh_from_db()
    assert (cast.team.name, cast.team.archived_at) == ("Ranking", archived_at)
