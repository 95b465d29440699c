""" "unknown" (don't know) below the API and the pages: stored, scored as 0, enough to submit, carried over."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from assessments.models import Answer
from assessments.selectors.answers import assessment_answer_rows, provisional
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_start, assessment_submit
from maturity.selectors import framework_for_new_assessment
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db


def test_it_saves_unknown_without_a_comment_and_reads_it_back(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput("data.versioning", "unknown")])

    row = next(r for r in assessment_answer_rows(assessment=cast.assessment) if r.question.key == "data.versioning")
    assert (row.value, row.comment, row.answered_by) == ("unknown", "", "member")


def test_unknown_scores_as_not_in_place(cast):
    level_1 = [q.key for q in cast.framework.questions.filter(area__key="data", level=1)]
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(k, 3) for k in level_1[1:]])
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(level_1[0], "unknown")])
    with_unknown = provisional(assessment=cast.assessment, rows=assessment_answer_rows(assessment=cast.assessment))
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(level_1[0], 0)])
    with_zero = provisional(assessment=cast.assessment, rows=assessment_answer_rows(assessment=cast.assessment))

    assert with_unknown.scores == with_zero.scores
    assert with_unknown.levels == with_zero.levels
    assert with_unknown.overall_score == with_zero.overall_score


def test_an_assessment_answered_unknown_everywhere_can_be_submitted(cast):
    items = [AnswerInput(item.question, "unknown") for item in complete_answers(cast.framework)]
    answers_save(assessment=cast.assessment, user=cast.member, items=items)

    assessment_submit(assessment=cast.assessment, user=cast.member)

    cast.assessment.refresh_from_db()
    assert cast.assessment.status == "submitted"


@pytest.mark.parametrize(
    "fields",
    [{"value": 2, "unknown": True}, {"value": None, "unknown": True, "not_applicable": True, "comment": "x"}],
)
def test_the_database_refuses_unknown_with_a_value_or_with_na(cast, fields):
    question = cast.framework.questions.first()
    row = Answer(assessment=cast.assessment, question=question, answered_by=cast.member, updated_at=timezone.now())
    for name, value in fields.items():
        setattr(row, name, value)

    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()


def test_carry_forward_keeps_unknown_answers(cast):
    items = complete_answers(cast.framework, value=2)
    items[0] = AnswerInput(items[0].question, "unknown")
    answers_save(assessment=cast.assessment, user=cast.member, items=items)
    assessment_submit(assessment=cast.assessment, user=cast.member)

    follow_up = assessment_start(
        framework=framework_for_new_assessment(), team=cast.team, user=cast.owner, carry_forward=True
    )

    rows = {row.question.key: row.value for row in assessment_answer_rows(assessment=follow_up)}
    assert rows[items[0].question] == "unknown"
    assert rows[items[1].question] == 2
