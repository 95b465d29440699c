"""A team that moves from version 2 to version 3 of the framework: every answer whose practice version 3 keeps
is carried over as it was, and only the answers of the two practices version 3 dropped stay behind."""

import pytest

from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_scope_set, assessment_submit
from maturity.selectors import framework_content
from tests.api_helpers import api_as
from tests.conftest import Cast, mlops_v2_spec, mlops_v3_spec

pytestmark = pytest.mark.django_db
DROPPED = {"testing.single_example_debugging", "monitoring.dependency_notifications"}
ADDED = {"testing.release_acceptance_check", "monitoring.performance_review"}


def distinct_answer(index: int, key: str) -> AnswerInput:
    """A different value and comment for each question, and some "na", so that a mix-up would show."""
    if index % 7 == 0:
        return AnswerInput(key, "na", f"not applicable to us: {key}")
    return AnswerInput(key, index % 4, f"evidence for {key}")


@pytest.fixture
def on_version_two(mlops_v2):
    """A version-2 assessment answering every question, submitted; then version 3 is loaded."""
    cast = Cast(mlops_v2)
    keys = [question.key for question in framework_content(framework=mlops_v2).questions]
    assessment_scope_set(assessment=cast.assessment, answers={"genai": True, "eu_market": True})
    answers = [distinct_answer(index, key) for index, key in enumerate(keys)]
    answers_save(assessment=cast.assessment, user=cast.member, items=answers)
    assessment_submit(assessment=cast.assessment, user=cast.member)
    return cast, {answer.question: (answer.value, answer.comment) for answer in answers}


def test_every_answer_of_a_kept_practice_carries_over_and_only_the_dropped_ones_stay_behind(on_version_two, mlops_v3):
    cast, earlier = on_version_two

    start = {"team": cast.team.pk, "carry_forward": True}
    response = api_as(cast.member).post("/api/assessments/", start, format="json")

    body = response.json()
    carried = {a["question"]: (a["value"], a["comment"]) for a in body["answers"] if a["value"] is not None}
    assert (response.status_code, body["framework_version"], body["carried_from"]) == (201, 3, cast.assessment.pk)
    assert carried == {key: answer for key, answer in earlier.items() if key not in DROPPED}
    assert {a["question"] for a in body["answers"] if a["value"] is None} == ADDED
    assert body["earlier_answers"] == []


def test_what_carries_is_every_key_the_two_versions_share():
    """The fixture's expectation, from the files: version 3 replaces nothing, so a version-2 answer carries
    exactly when its key is still asked."""
    old = [question.key for question in mlops_v2_spec().questions]
    new = {question.key for question in mlops_v3_spec().questions}

    assert {key for key in old if key not in new} == DROPPED
    assert new - set(old) == ADDED
