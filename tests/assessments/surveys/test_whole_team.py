""" "Add the whole team": every member of the organisation who is not a respondent yet, but the one adding (who adds
themselves to answer too) and the assessors; once anyone has submitted, no owner either."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assessments.models import Role
from assessments.services.surveys import respondent_add, respondents_add_team
from tests.api_helpers import api_as
from tests.assessments.surveys.conftest import first_keys, member, responded

pytestmark = pytest.mark.django_db


def respondents(survey) -> list[str]:
    return sorted(survey.respondents.values_list("user__username", flat=True))


def test_it_adds_every_member_but_the_one_adding_and_the_assessors(cast, survey):
    member(cast, "ada")
    member(cast, "consultant", role=Role.ASSESSOR)

    added = respondents_add_team(assessment=survey, added_by=cast.assessor, deadline=None)

    assert len(added) == 4
    assert respondents(survey) == ["ada", "member", "owner", "viewer"]


def test_it_leaves_out_those_who_are_respondents_already(cast, survey):
    respondent_add(assessment=survey, added_by=cast.owner, username="member")

    added = respondents_add_team(assessment=survey, added_by=cast.owner, deadline=None)

    assert [respondent.user.username for respondent in added] == ["viewer"]


def test_once_anyone_submitted_no_owner_is_added(cast, survey):
    responded(cast, survey, member(cast, "ada"), {first_keys(cast.framework, 1)[0]: 2})

    respondents_add_team(assessment=survey, added_by=cast.assessor, deadline=None)

    assert respondents(survey) == ["ada", "member", "viewer"]


def test_the_api_adds_the_whole_team_with_the_deadline(cast, survey):
    deadline = timezone.localdate() + timedelta(days=10)
    url = f"/api/assessments/{survey.pk}/respondents/team/"

    added = api_as(cast.owner).post(url, {"deadline": deadline.isoformat()}, format="json")
    again = api_as(cast.owner).post(url, {}, format="json")

    assert added.status_code == 201
    assert [row["username"] for row in added.json()] == ["member", "viewer"]
    assert (again.status_code, again.json()) == (200, [])
    survey.refresh_from_db()
    assert survey.deadline == deadline


@pytest.mark.parametrize(("role", "status"), [("member", 403), ("viewer", 403), ("outsider", 404)])
def test_the_api_lets_only_facilitators_add_the_team(cast, survey, role, status):
    response = api_as(cast.users[role]).post(f"/api/assessments/{survey.pk}/respondents/team/", {}, format="json")

    assert response.status_code == status
    assert respondents(survey) == []


def test_the_api_refuses_the_team_in_workshop_mode(cast):
    response = api_as(cast.owner).post(f"/api/assessments/{cast.assessment.pk}/respondents/team/", {}, format="json")

    assert response.status_code == 409
