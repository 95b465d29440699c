""" "unknown" (don't know) through PATCH /api/assessments/{id}/answers/: accepted without a comment, returned as
"unknown", stored apart from the values; any other text is still a 400 naming the value."""

import pytest

from assessments.api.serializers.answers import AnswerOutputSerializer
from assessments.models import Answer
from tests.api_helpers import api_as
from tests.documented import assert_documented

pytestmark = pytest.mark.django_db


def patch(user, cast, body):
    return api_as(user).patch(f"/api/assessments/{cast.assessment.pk}/answers/", body, format="json")


def test_it_takes_unknown_without_a_comment_and_returns_it(cast):
    response = patch(cast.member, cast, [{"question": "data.versioning", "value": "unknown"}])

    answers = {a["question"]: a for a in response.json()["answers"]}
    assert response.status_code == 200
    assert (answers["data.versioning"]["value"], answers["data.versioning"]["answered_by"]) == ("unknown", "member")
    assert_documented(answers["data.versioning"], AnswerOutputSerializer())
    fetched = api_as(cast.viewer).get(f"/api/assessments/{cast.assessment.pk}/").json()["answers"]
    assert next(a["value"] for a in fetched if a["question"] == "data.versioning") == "unknown"


def test_it_stores_unknown_apart_from_the_values_and_clears_it_when_answered(cast):
    patch(cast.member, cast, [{"question": "data.versioning", "value": "unknown"}])
    stored = Answer.objects.values_list("value", "not_applicable", "unknown").get()

    patch(cast.member, cast, [{"question": "data.versioning", "value": 2}])

    assert stored == (None, False, True)
    assert Answer.objects.values_list("value", "not_applicable", "unknown").get() == (2, False, False)


@pytest.mark.parametrize("value", ["Unknown", "dont_know", "?", "", ["unknown"]])
def test_any_other_value_is_a_400_naming_the_value(cast, value):
    response = patch(cast.member, cast, [{"question": "data.versioning", "value": value}])

    assert response.status_code == 400
    assert response.json()["answers"] == [
        {
            "index": 0,
            "question": "data.versioning",
            "errors": {"value": ['Must be an integer from 0 to 3, "na" or "unknown".']},
        }
    ]
    assert not Answer.objects.exists()
