"""A comment written before the answer is chosen (issue 23): the shared answers keep it, the question stays
unanswered and scores as before, and the answer can follow."""

import pytest

from assessments.errors import AnswersInvalidError, AssessmentIncompleteError
from assessments.models import Answer
from assessments.selectors.access import assessments_for_user
from assessments.selectors.answers import assessment_answer_rows, provisional
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from assessments.services.surveys import respondent_add, respondent_answers_save
from reports.selectors.report import report_inputs
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db

KEY = "data.source_catalogue"  # level 1: required from the start
NOTE = "Ask Priya whether the catalogue covers the CRM extracts."


def stored(cast, key: str = KEY) -> tuple:
    return Answer.objects.filter(assessment=cast.assessment, question__key=key).values_list(
        "value", "not_applicable", "unknown", "comment"
    )[0]


def row_of(cast, key: str = KEY):
    return next(row for row in assessment_answer_rows(assessment=cast.assessment) if row.question.key == key)


def test_a_comment_alone_is_kept_and_the_question_stays_unanswered(cast):
    before = provisional(assessment=cast.assessment, rows=assessment_answer_rows(assessment=cast.assessment))

    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(KEY, None, NOTE)])

    rows = assessment_answer_rows(assessment=cast.assessment)
    assert (row_of(cast).value, row_of(cast).comment) == (None, NOTE)
    assert provisional(assessment=cast.assessment, rows=rows) == before  # scoring unaffected: still required


def test_the_answer_follows_with_the_comment(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(KEY, None, NOTE)])

    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(KEY, 2, NOTE)])

    assert stored(cast) == (2, False, False, NOTE)


def test_a_comment_alone_keeps_an_answer_given_before(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(KEY, "na", "No data yet")])

    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(KEY, None, "No data until May")])

    assert stored(cast) == (None, True, False, "No data until May")


def test_a_blank_comment_alone_cannot_take_the_reason_of_not_applicable(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(KEY, "na", "No data yet")])

    with pytest.raises(AnswersInvalidError) as refused:
        answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(KEY, None, " ")])

    assert [(p["question"], list(p["errors"])) for p in refused.value.problems] == [(KEY, ["comment"])]
    assert stored(cast) == (None, True, False, "No data yet")


def test_a_note_emptied_stays_unanswered_and_a_blank_one_is_nothing_to_keep(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(KEY, None, NOTE)])

    answers_save(
        assessment=cast.assessment,
        user=cast.member,
        items=[AnswerInput(KEY, None, ""), AnswerInput("data.versioning", None, "")],
    )

    assert stored(cast) == (None, False, False, "")
    assert not Answer.objects.filter(question__key="data.versioning").exists()


def test_a_note_on_a_required_question_does_not_let_it_submit(cast):
    items = [item for item in complete_answers(cast.framework) if item.question != KEY]
    answers_save(assessment=cast.assessment, user=cast.member, items=[*items, AnswerInput(KEY, None, NOTE)])

    with pytest.raises(AssessmentIncompleteError) as refused:
        assessment_submit(assessment=cast.assessment, user=cast.member)

    assert refused.value.unanswered == [KEY]


def test_notes_count_as_unanswered_in_lists_and_reports(cast):
    """A note on a question that may stay unanswered (level 4, above an area at level 0) submits with it."""
    optional = "data.automatic_refresh"
    items = [item for item in complete_answers(cast.framework, value=0) if item.question != optional]
    answers_save(assessment=cast.assessment, user=cast.member, items=[*items, AnswerInput(optional, None, NOTE)])
    assessment_submit(assessment=cast.assessment, user=cast.member)

    listed = assessments_for_user(user=cast.member).get(pk=cast.assessment.pk)
    inputs = report_inputs(assessment_id=cast.assessment.pk)

    assert listed.answered == len(items)
    assert optional not in inputs.answers
    assert inputs.comments[optional] == NOTE


def test_a_respondents_own_answers_need_a_value(cast):
    cast.assessment.mode = "survey"
    cast.assessment.save(update_fields=["mode"])
    respondent = respondent_add(assessment=cast.assessment, added_by=cast.owner, username="member")

    with pytest.raises(AnswersInvalidError) as refused:
        respondent_answers_save(respondent=respondent, items=[AnswerInput(KEY, None, NOTE)])

    assert refused.value.problems == [{"index": 0, "question": KEY, "errors": {"value": ["Choose an answer."]}}]
