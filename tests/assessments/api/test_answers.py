import pytest
from rest_framework.renderers import JSONRenderer

from assessments.api.serializers.answers import AnswerOutputSerializer, AnswersInvalidSerializer, answer_output
from assessments.models import Answer
from assessments.selectors.answers import assessment_answer_rows
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_submit
from tests.api_helpers import api_as
from tests.conftest import complete_answers
from tests.documented import assert_documented

pytestmark = pytest.mark.django_db


def patch(user, cast, body):
    return api_as(user).patch(f"/api/assessments/{cast.assessment.pk}/answers/", body, format="json")


def test_it_upserts_the_given_answers_and_returns_the_assessment(cast):
    patch(cast.member, cast, [{"question": "data.versioning", "value": 1}])

    response = patch(
        cast.member,
        cast,
        [
            {"question": "data.versioning", "value": 3, "comment": "DVC"},
            {"question": "data.source_catalogue", "value": "na", "comment": "one source"},
        ],
    )

    answers = {a["question"]: a for a in response.json()["answers"]}
    assert response.status_code == 200
    assert (answers["data.versioning"]["value"], answers["data.versioning"]["comment"]) == (3, "DVC")
    assert answers["data.source_catalogue"]["value"] == "na"


def test_a_bad_batch_is_refused_whole_naming_every_bad_item(cast):
    patch(cast.member, cast, [{"question": "data.versioning", "value": 1}])

    response = patch(
        cast.member,
        cast,
        [
            {"question": "data.versioning", "value": 2},
            {"question": "data.nothing", "value": 2},
            {"question": "data.source_catalogue", "value": 7},
            {"question": "data.schema_validation", "value": "na"},
            {"question": "data.shared_features", "value": 1, "comment": "x" * 5001},
            {"question": "data.automated_ingestion"},
        ],
    )

    body = response.json()
    assert response.status_code == 400
    assert [(p["index"], p["question"], list(p["errors"])) for p in body["answers"]] == [
        (1, "data.nothing", ["question"]),
        (2, "data.source_catalogue", ["value"]),
        (3, "data.schema_validation", ["comment"]),
        (4, "data.shared_features", ["comment"]),
        (5, "data.automated_ingestion", ["value"]),
    ]
    assert Answer.objects.get().value == 1


def test_it_refuses_booleans_and_strings_as_values(cast):
    response = patch(
        cast.member,
        cast,
        [{"question": "people.shared_repository", "value": True}, {"question": "data.source_catalogue", "value": "2"}],
    )

    assert response.status_code == 400
    assert [(p["index"], list(p["errors"])) for p in response.json()["answers"]] == [(0, ["value"]), (1, ["value"])]
    assert not Answer.objects.exists()


def test_it_refuses_a_key_of_another_framework_version(cast, two_framework_versions):
    response = patch(cast.member, cast, [{"question": "data.only_in_v2", "value": 2}])

    assert response.status_code == 400
    assert response.json()["answers"][0]["errors"]["question"] == [
        "Unknown question for this assessment's framework version."
    ]


@pytest.mark.parametrize("body", [{"question": "data.versioning", "value": 1}, [], ["data.versioning"], "x"])
def test_it_refuses_a_body_that_is_not_a_list_of_objects(cast, body):
    response = patch(cast.member, cast, body)

    assert response.status_code == 400
    assert "detail" in response.json()


def test_a_submitted_assessment_is_a_409(cast):
    patch(cast.member, cast, [{"question": a.question, "value": a.value} for a in complete_answers(cast.framework)])
    assessment_submit(assessment=cast.assessment, user=cast.member)

    assert patch(cast.member, cast, [{"question": "data.versioning", "value": 0}]).status_code == 409


@pytest.mark.parametrize(("role", "expected"), [("viewer", 403), ("outsider", 404)])
def test_viewers_and_outsiders_cannot_answer(cast, role, expected):
    assert patch(cast.users[role], cast, [{"question": "data.versioning", "value": 1}]).status_code == expected
    assert not Answer.objects.exists()


def test_the_answers_are_written_as_their_serializer_documents_them(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework)[:3])
    rows = assessment_answer_rows(assessment=cast.assessment)

    direct = JSONRenderer().render([answer_output(row) for row in rows])

    assert direct == JSONRenderer().render(AnswerOutputSerializer(rows, many=True).data)
    assert b'"value":null' in direct
    assert b'"updated_at":"' in direct


@pytest.mark.parametrize("question", [{}, [], 7, True, {"key": "data.versioning"}])
def test_it_echoes_a_question_that_is_no_key_as_null_as_documented(cast, question):
    response = patch(cast.member, cast, [{"question": question, "value": 0}])

    body = response.json()
    assert response.status_code == 400
    assert body["answers"] == [
        {
            "index": 0,
            "question": None,
            "errors": {"question": ["Unknown question for this assessment's framework version."]},
        }
    ]
    assert_documented(body, AnswersInvalidSerializer())


def test_a_null_value_keeps_the_comment_alone_and_the_question_unanswered(cast):
    """A comment written before the answer (issue 23); an answered question keeps its answer."""
    patch(cast.member, cast, [{"question": "data.versioning", "value": 2}])

    response = patch(
        cast.member,
        cast,
        [
            {"question": "data.source_catalogue", "value": None, "comment": "Ask Priya"},
            {"question": "data.versioning", "value": None, "comment": "DVC since May"},
        ],
    )

    body = response.json()
    answers = {a["question"]: (a["value"], a["comment"]) for a in body["answers"]}
    assert response.status_code == 200
    assert answers["data.source_catalogue"] == (None, "Ask Priya")
    assert answers["data.versioning"] == (2, "DVC since May")
    assert "data.source_catalogue" in body["required"]
    assert body["progress"]["answered"] == 1


def test_a_null_value_without_a_comment_is_a_400_naming_the_comment(cast):
    patch(cast.member, cast, [{"question": "data.versioning", "value": 2, "comment": "DVC"}])

    response = patch(cast.member, cast, [{"question": "data.versioning", "value": None}])

    assert response.status_code == 400
    assert [(p["question"], list(p["errors"])) for p in response.json()["answers"]] == [
        ("data.versioning", ["comment"])
    ]
    assert Answer.objects.values_list("value", "comment").get() == (2, "DVC")
