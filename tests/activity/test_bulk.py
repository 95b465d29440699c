"""Bulk writes (answers_save, carrying answers forward, a review's comments) send no post_save: assessments
announces them (signals.rows_saved_in_bulk) inside its transaction, and activity records them, before and after,
in a fixed number of queries, committed or rolled back with the rows."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.models import Answer, Assessment, ReviewComment
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_start, assessment_submit
from assessments.services.reviews import assessment_return
from assessments.services.surveys import respondent_add, respondent_answers_save
from assessments.signals import assessment_returned
from tests.activity.conftest import entries_of
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db


def keys(cast, count: int) -> list[str]:
    return list(cast.framework.questions.order_by("position").values_list("key", flat=True)[:count])


def test_it_records_each_answer_of_a_bulk_save_with_before_and_after(cast):
    first, second, third = keys(cast, 3)
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(first, 1), AnswerInput(second, 2)])

    answers_save(
        assessment=cast.assessment,
        user=cast.assessor,
        items=[AnswerInput(first, 3), AnswerInput(second, 2), AnswerInput(third, "na", "No models yet")],
    )

    changed, created = entries_of("answer", actor=cast.assessor)  # the unchanged answer is not recorded
    assert (changed.action, changed.changes) == (1, {"value": [1, 3]})
    assert (created.action, created.changes) == (
        0,
        {"not_applicable": [None, True], "unknown": [None, False], "comment": [None, "No models yet"]},
    )


def test_it_saves_and_records_any_number_of_answers_in_the_same_queries(cast):
    def queries(count: int) -> int:
        items = [AnswerInput(key, 2) for key in keys(cast, count)]
        with CaptureQueriesContext(connection) as context:
            answers_save(assessment=cast.assessment, user=cast.member, items=items)
        return len(context.captured_queries)

    queries(1)  # the framework's questions are read once per process
    few, many = queries(2), queries(40)

    assert many == few
    assert len(entries_of("answer")) == 40


def test_its_entries_roll_back_with_the_rows(cast):
    """A return whose announcement fails (a receiver raising) saves neither its comments nor their entries."""
    (first,) = keys(cast, 1)
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    Assessment.objects.filter(pk=cast.assessment.pk).update(review_required=True)
    cast.assessment.refresh_from_db()
    assessment_submit(assessment=cast.assessment, user=cast.member)

    def fail(sender, **kwargs):
        raise RuntimeError

    assessment_returned.connect(fail, dispatch_uid="test.fail")
    try:
        with pytest.raises(RuntimeError):
            assessment_return(assessment=cast.assessment, reviewer=cast.owner, question_comments={first: "Show it"})
    finally:
        assessment_returned.disconnect(dispatch_uid="test.fail")

    assert not ReviewComment.objects.exists()
    assert entries_of("reviewcomment") == []


def test_the_rows_roll_back_with_their_entries(cast, monkeypatch):
    """The entries are written in the rows' transaction, not after it: when they fail, nothing is saved."""
    (first,) = keys(cast, 1)

    def fail(**kwargs):
        raise RuntimeError

    monkeypatch.setattr("activity.receivers.log_upserts", fail)

    with pytest.raises(RuntimeError):
        answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(first, 1)])

    assert not Answer.objects.filter(assessment=cast.assessment).exists()


def test_it_records_the_answers_carried_forward(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework, value=3))
    assessment_submit(assessment=cast.assessment, user=cast.member)

    carried = assessment_start(team=cast.team, user=cast.assessor, framework=cast.framework, carry_forward=True)

    entries = entries_of("answer", assessment_id=carried.pk)
    assert len(entries) == cast.framework.questions.count()
    assert {(entry.actor_id, entry.action, entry.organization_id) for entry in entries} == {
        (cast.assessor.pk, 0, cast.organization.pk)
    }
    assert {tuple(entry.changes["value"]) for entry in entries} == {(None, 3)}


def test_the_answers_carried_forward_read_as_carried_over_from_the_earlier_assessment(client, cast):
    """Not as if the person who started the new draft had answered each of them at that moment."""
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework, value=2))
    assessment_submit(assessment=cast.assessment, user=cast.member)
    carried = assessment_start(team=cast.team, user=cast.assessor, framework=cast.framework, carry_forward=True)
    first = cast.framework.questions.order_by("position").first()
    client.force_login(cast.owner)

    rows = list(csv.DictReader(io.StringIO(client.get(f"/assessments/{carried.pk}/activity.csv").content.decode())))

    answers = [row for row in rows if row["kind"] == "answer"]
    assert len(answers) == cast.framework.questions.count()
    assert {row["description"] for row in answers if row["object"] == first.statement} == {
        f"assessor carried over the answer to “{first.statement}” from {cast.assessment.title}: mostly in place"
    }
    assert not [row for row in answers if " answered " in row["description"]]
    # Outside a request auditlog knows no actor for the assessment's own entry: "Someone".
    assert f"Someone carried over the answers of {cast.assessment.title}" in {row["description"] for row in rows}


def test_it_records_a_respondents_own_answers_with_before_and_after(cast):
    Assessment.objects.filter(pk=cast.assessment.pk).update(mode=Assessment.Mode.SURVEY)
    cast.assessment.refresh_from_db()
    respondent = respondent_add(assessment=cast.assessment, added_by=cast.owner, username="member")
    first, second = keys(cast, 2)
    respondent_answers_save(respondent=respondent, items=[AnswerInput(first, 1)])

    respondent_answers_save(respondent=respondent, items=[AnswerInput(first, 3), AnswerInput(second, 0)])

    entries = entries_of("respondentanswer", assessment_id=cast.assessment.pk)
    assert [(entry.action, entry.actor_id, entry.changes.get("value")) for entry in entries] == [
        (0, cast.member.pk, [None, 1]),
        (1, cast.member.pk, [1, 3]),
        (0, cast.member.pk, [None, 0]),
    ]


def test_it_records_the_comments_of_a_returned_review(cast):
    first, second = keys(cast, 2)
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    Assessment.objects.filter(pk=cast.assessment.pk).update(review_required=True)
    cast.assessment.refresh_from_db()
    assessment_submit(assessment=cast.assessment, user=cast.member)

    assessment_return(
        assessment=cast.assessment, reviewer=cast.owner, question_comments={first: "Show it", second: "And this"}
    )

    entries = entries_of("reviewcomment", assessment_id=cast.assessment.pk)
    assert [(entry.actor_id, entry.changes["comment"][1]) for entry in entries] == [
        (cast.owner.pk, "Show it"),
        (cast.owner.pk, "And this"),
    ]
