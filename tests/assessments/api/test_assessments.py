from dataclasses import replace

import pytest

from assessments.api.serializers.assessments import AssessmentDetailOutputSerializer
from assessments.models import Assessment
from assessments.selectors.answers import answer_sheet
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from tests.api_helpers import api_as
from tests.conftest import complete_answers
from tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


def start(user, team, **extra):
    return api_as(user).post("/api/assessments/", {"team": team.pk, **extra}, format="json")


def test_it_starts_a_draft_on_the_newest_framework(cast):
    response = start(cast.member, TeamFactory(organization=cast.organization))

    body = response.json()
    assert response.status_code == 201
    assert (body["status"], body["kind"], body["framework"], body["framework_version"]) == ("draft", "self", "mlops", 1)
    assert Assessment.objects.get(pk=body["id"]).created_by == cast.member


def test_an_assessor_starts_an_audit(cast):
    assert start(cast.assessor, TeamFactory(organization=cast.organization)).json()["kind"] == "audit"


def test_it_can_carry_forward_the_last_submitted_answers(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework, value=3))
    assessment_submit(assessment=cast.assessment, user=cast.member)

    body = start(cast.member, cast.team, carry_forward=True).json()

    assert body["progress"] == {"answered": len(body["answers"]), "total": len(body["answers"]), "percent": 100}
    assert {answer["value"] for answer in body["answers"]} == {3}


def test_it_names_an_unknown_framework(cast):
    response = start(cast.member, cast.team, framework="itil")

    assert (response.status_code, list(response.json())) == (400, ["framework"])


@pytest.mark.parametrize(("role", "expected"), [("viewer", 403), ("outsider", 404)])
def test_viewers_and_outsiders_cannot_start_one(cast, role, expected):
    assert start(cast.users[role], cast.team).status_code == expected


def test_the_detail_lists_every_question_in_framework_order(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput("data.versioning", "na", "no data")])

    body = api_as(cast.viewer).get(f"/api/assessments/{cast.assessment.pk}/").json()

    assert len(body["answers"]) == cast.framework.questions.count()
    assert body["answers"][0] == {
        "question": "people.shared_repository",
        "value": None,
        "comment": "",
        "answered_by": None,
        "updated_at": None,
    }
    versioning = next(a for a in body["answers"] if a["question"] == "data.versioning")
    assert (versioning["value"], versioning["comment"], versioning["answered_by"]) == ("na", "no data", "member")
    assert body["progress"]["answered"] == 1


def test_the_list_is_filtered_by_team_and_scoped_to_my_organisations(cast):
    other_team = TeamFactory(organization=cast.organization)
    start(cast.member, other_team)

    mine = api_as(cast.member).get(f"/api/assessments/?team={cast.team.pk}").json()["results"]
    outsider = api_as(cast.outsider).get("/api/assessments/").json()["results"]

    assert [a["id"] for a in mine] == [cast.assessment.pk]
    assert outsider == []


def test_the_detail_is_404_for_an_outsider(cast):
    assert api_as(cast.outsider).get(f"/api/assessments/{cast.assessment.pk}/").status_code == 404


def test_the_detail_shapes_the_sheet_it_is_given_and_computes_nothing(cast):
    """The output serializer runs no scoring: what must still be answered comes from the view's AnswerSheet."""
    sheet = answer_sheet(assessment=cast.assessment)
    given = replace(sheet, required=["a.question.the.rule.would.not.name"], scope={"genai": True})

    body = AssessmentDetailOutputSerializer(cast.assessment, context={"sheet": given}).data

    assert body["required"] == ["a.question.the.rule.would.not.name"]
    assert body["scope"] == {"genai": True}
    assert len(body["answers"]) == len(sheet.rows)
