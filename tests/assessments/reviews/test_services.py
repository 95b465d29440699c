"""Accepting and returning an assessment in review: who may, what changes, and what never does."""

import pytest

from assessments.errors import (
    AssessmentNotDraftError,
    DraftExistsError,
    InReviewExistsError,
    NotInReviewError,
    OwnSubmissionError,
    ReviewInvalidError,
)
from assessments.models import Assessment, Review
from assessments.selectors.reviews import returned_comments
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_discard, assessment_start, assessment_submit
from assessments.services.reviews import assessment_accept, assessment_return
from reports.models import Report
from tests.assessments.reviews.conftest import submit_for_review

pytestmark = pytest.mark.django_db


def test_it_goes_to_review_on_submission_when_required(in_review):
    assert in_review.status == Assessment.Status.IN_REVIEW
    assert in_review.submitted_by.username == "member"
    assert Report.objects.filter(assessment=in_review, status=Report.Status.PENDING).exists()


def test_it_is_submitted_directly_when_review_is_not_required(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=_all(cast))

    assessment_submit(assessment=cast.assessment, user=cast.member)

    assert Assessment.objects.get(pk=cast.assessment.pk).status == Assessment.Status.SUBMITTED


def test_an_assessment_in_review_is_frozen(cast, in_review):
    with pytest.raises(AssessmentNotDraftError, match="in review"):
        answers_save(assessment=in_review, user=cast.member, items=[AnswerInput(_all(cast)[0].question, 0)])
    with pytest.raises(AssessmentNotDraftError):
        assessment_discard(assessment=in_review)
    assert Assessment.objects.filter(pk=in_review.pk, status="in_review").exists()


def test_a_team_with_an_assessment_in_review_cannot_start_another(cast, in_review):
    with pytest.raises(InReviewExistsError, match="in review") as raised:
        assessment_start(team=cast.team, user=cast.owner, framework=cast.framework)

    assert isinstance(raised.value, DraftExistsError)
    assert cast.team.assessments.count() == 1


def test_a_new_assessment_takes_the_organisations_setting(cast):
    cast.assessment.delete()
    cast.organization.review_required = True
    cast.organization.save()

    assessment = assessment_start(team=cast.team, user=cast.owner, framework=cast.framework)

    assert assessment.review_required


def test_an_assessor_may_require_review_for_one_audit(cast):
    cast.assessment.delete()

    assessment = assessment_start(team=cast.team, user=cast.assessor, framework=cast.framework, review_required=True)

    assert assessment.review_required
    assert not cast.organization.review_required


def test_accepting_makes_it_submitted_and_reviewed(cast, in_review):
    review = assessment_accept(assessment=in_review, reviewer=cast.assessor, comment="Well evidenced.")

    in_review.refresh_from_db()
    assert in_review.status == Assessment.Status.SUBMITTED
    assert (in_review.reviewed_by, review.decision, review.comment) == (cast.assessor, "accepted", "Well evidenced.")
    assert in_review.reviewed_at is not None


def test_returning_makes_it_a_draft_with_the_comments(cast, in_review):
    key = _all(cast)[0].question

    assessment_return(
        assessment=in_review,
        reviewer=cast.owner,
        comment="Some claims lack evidence.",
        question_comments={key: "Which tool?"},
    )

    in_review.refresh_from_db()
    assert (in_review.status, in_review.submitted_by, in_review.submitted_at) == ("draft", None, None)
    comments = returned_comments(assessment=in_review)
    assert (comments.comment, comments.questions, comments.reviewer) == (
        "Some claims lack evidence.",
        {key: "Which tool?"},
        "owner",
    )


def test_returning_drops_the_provisional_report(cast, in_review):
    assessment_return(assessment=in_review, reviewer=cast.owner, comment="Redo data.")

    assert not Report.objects.filter(assessment=in_review).exists()


def test_the_submitter_cannot_review_their_own_submission(cast, in_review):
    with pytest.raises(OwnSubmissionError, match="You submitted this assessment"):
        assessment_accept(assessment=in_review, reviewer=cast.member)
    with pytest.raises(OwnSubmissionError):
        assessment_return(assessment=in_review, reviewer=cast.member, comment="Fine.")

    in_review.refresh_from_db()
    assert (in_review.status, in_review.reviewed_by) == ("in_review", None)
    assert not Review.objects.exists()


def test_an_owner_who_submitted_cannot_accept_either(cast):
    assessment = submit_for_review(cast, user=cast.owner)

    with pytest.raises(OwnSubmissionError):
        assessment_accept(assessment=assessment, reviewer=cast.owner)
    assert Assessment.objects.get(pk=assessment.pk).status == "in_review"


def test_only_an_assessment_in_review_is_decided(cast):
    with pytest.raises(NotInReviewError, match="a draft"):
        assessment_accept(assessment=cast.assessment, reviewer=cast.owner)


def test_a_decided_assessment_is_not_decided_again(cast, in_review):
    assessment_accept(assessment=in_review, reviewer=cast.owner)

    with pytest.raises(NotInReviewError, match="accepted already"):
        assessment_return(assessment=in_review, reviewer=cast.assessor, comment="Too late.")
    assert Review.objects.count() == 1


def test_a_return_says_what_needs_work(cast, in_review):
    with pytest.raises(ReviewInvalidError) as raised:
        assessment_return(assessment=in_review, reviewer=cast.owner, comment="  ", question_comments={})

    assert "comment" in raised.value.problems
    assert Assessment.objects.get(pk=in_review.pk).status == "in_review"


def test_unknown_question_keys_are_refused_by_name(cast, in_review):
    key = _all(cast)[0].question
    with pytest.raises(ReviewInvalidError) as raised:
        assessment_return(
            assessment=in_review, reviewer=cast.owner, question_comments={key: "ok", "no.such": "x", "nor.this": "y"}
        )

    assert sorted(raised.value.problems["questions"]) == ["no.such", "nor.this"]
    assert not Review.objects.exists()


def test_the_whole_cycle_ends_accepted(cast, in_review):
    key = _all(cast)[0].question
    assessment_return(assessment=in_review, reviewer=cast.owner, question_comments={key: "Not true yet."})
    answers_save(assessment=in_review, user=cast.member, items=[AnswerInput(key, 1, "fixed")])
    assessment_submit(assessment=in_review, user=cast.member)
    assert Assessment.objects.get(pk=in_review.pk).status == "in_review"
    assert returned_comments(assessment=Assessment.objects.get(pk=in_review.pk)) is None

    assessment_accept(assessment=in_review, reviewer=cast.owner)

    assert Assessment.objects.get(pk=in_review.pk).status == "submitted"
    assert [review.decision for review in Review.objects.order_by("id")] == ["returned", "accepted"]


def _all(cast):
    from tests.conftest import complete_answers  # noqa: PLC0415

    return complete_answers(cast.framework)
