"""POST /api/assessments/ while the team has a draft, and DELETE /api/assessments/{id}/ (discarding a draft)."""

import pytest

from assessments.api.serializers.assessments import DraftExistsSerializer
from assessments.models import Answer, Assessment
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from tests.api_helpers import api_as
from tests.conftest import complete_answers
from tests.documented import assert_documented

pytestmark = pytest.mark.django_db


def start(cast, user):
    return api_as(user).post("/api/assessments/", {"team": cast.team.pk}, format="json")


def test_starting_while_the_team_has_a_draft_is_a_409_with_the_drafts_id(cast):
    response = start(cast, cast.owner)

    assert (response.status_code, response.json()["draft"]) == (409, cast.assessment.pk)
    assert_documented(response.json(), DraftExistsSerializer())
    assert cast.team.assessments.count() == 1


def test_the_next_assessment_gets_the_next_number(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.member)

    response = start(cast, cast.owner)

    assert (response.status_code, response.json()["number"]) == (201, 2)


def test_lists_and_details_show_the_number(cast):
    listed = api_as(cast.viewer).get(f"/api/assessments/?team={cast.team.pk}").json()["results"]
    detail = api_as(cast.viewer).get(f"/api/assessments/{cast.assessment.pk}/").json()

    assert ([item["number"] for item in listed], detail["number"]) == ([1], 1)


def test_an_assessor_discards_a_draft_and_its_answers(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput("data.source_catalogue", 2)])

    response = api_as(cast.assessor).delete(f"/api/assessments/{cast.assessment.pk}/")

    assert response.status_code == 204
    assert not Assessment.objects.filter(pk=cast.assessment.pk).exists()
    assert not Answer.objects.filter(assessment_id=cast.assessment.pk).exists()


def test_after_discarding_the_team_starts_afresh(cast):
    api_as(cast.owner).delete(f"/api/assessments/{cast.assessment.pk}/")

    assert start(cast, cast.owner).status_code == 201


def test_discarding_a_submitted_assessment_is_a_409(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.member)

    response = api_as(cast.owner).delete(f"/api/assessments/{cast.assessment.pk}/")

    assert response.status_code == 409
    assert Assessment.objects.filter(pk=cast.assessment.pk).exists()


@pytest.mark.parametrize("role", ["member", "viewer"])
def test_members_and_viewers_may_not_discard(cast, role):
    response = api_as(cast.users[role]).delete(f"/api/assessments/{cast.assessment.pk}/")

    assert response.status_code == 403
    assert Assessment.objects.filter(pk=cast.assessment.pk).exists()


def test_an_outsider_finds_nothing_to_discard(cast):
    assert api_as(cast.outsider).delete(f"/api/assessments/{cast.assessment.pk}/").status_code == 404
