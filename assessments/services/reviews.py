"""Review and sign-off: a reviewer (owner or assessor, never the person who submitted it nor one who wrote its
answers) accepts an
assessment in review, which makes it submitted and final, or returns it to draft with what needs work.
Callers have checked the reviewer's role (permissions.can_review); the rule on the second person is here."""

from collections.abc import Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from assessments.errors import NotInReviewError, OwnAnswersError, OwnSubmissionError, ReviewInvalidError
from assessments.models import Assessment, Review, ReviewComment
from assessments.selectors.reviews import wrote_answers
from assessments.services.assessments import lock_assessment
from assessments.signals import assessment_accepted, assessment_returned, rows_saved_in_bulk
from maturity.selectors import framework_content


def assessment_accept(*, assessment: Assessment, reviewer: AbstractBaseUser, comment: str = "") -> Review:
    """The assessment becomes submitted, marked reviewed by `reviewer` now; announced (assessment_accepted).
    `comment` as the caller's form or serializer checked it (inputs.comment_problems)."""
    with transaction.atomic():
        locked = _lock_in_review(assessment, reviewer)
        locked.status = Assessment.Status.SUBMITTED
        locked.reviewed_by = reviewer
        locked.reviewed_at = timezone.now()
        locked.save(update_fields=["status", "reviewed_by", "reviewed_at"])
        review = Review.objects.create(
            assessment=locked, reviewer=reviewer, decision=Review.Decision.ACCEPTED, comment=comment.strip()
        )
        assessment_accepted.send(sender=Assessment, assessment_id=locked.pk, review_id=review.pk)
    _copy_status(locked, assessment)
    return review


def assessment_return(
    *,
    assessment: Assessment,
    reviewer: AbstractBaseUser,
    comment: str = "",
    question_comments: Mapping[str, str] | None = None,
) -> Review:
    """Back to draft, for the team to work on: `comment` on the whole and `question_comments` (question key
    -> what needs work), at least one of them, each checked by the caller's form or serializer
    (inputs.comment_problems). All or nothing; announced (assessment_returned)."""
    question_comments = dict(question_comments or {})
    question_ids = framework_content(framework=assessment.framework).question_ids
    _check_return(comment, question_comments, question_ids)
    with transaction.atomic():
        locked = _lock_in_review(assessment, reviewer)
        submitted_by_id = locked.submitted_by_id
        locked.status = Assessment.Status.DRAFT
        locked.submitted_by = locked.submitted_at = None
        locked.reviewed_by = locked.reviewed_at = None
        locked.save(update_fields=["status", "submitted_by", "submitted_at", "reviewed_by", "reviewed_at"])
        review = Review.objects.create(
            assessment=locked, reviewer=reviewer, decision=Review.Decision.RETURNED, comment=comment.strip()
        )
        comments = ReviewComment.objects.bulk_create(
            ReviewComment(review=review, question_id=question_ids[key], comment=text.strip())
            for key, text in question_comments.items()
        )
        rows_saved_in_bulk.send(
            sender=ReviewComment,
            before={},
            after=comments,
            actor=reviewer,
            organization_id=locked.team.organization_id,
            assessment_id=locked.pk,
        )
        assessment_returned.send(
            sender=Assessment, assessment_id=locked.pk, review_id=review.pk, submitted_by_id=submitted_by_id
        )
    _copy_status(locked, assessment)
    return review


def _check_return(comment: str, question_comments: dict[str, str], question_ids: dict[str, int]) -> None:
    """The rules of a return; the comments' shape is the caller's form's or serializer's to check."""
    questions = {}
    for key, text in question_comments.items():
        if key not in question_ids:
            questions[key] = ["Not a question of this assessment's framework version."]
        elif not text.strip():
            questions[key] = ["Say what needs work, or leave the question out."]
    if questions:
        raise ReviewInvalidError({"questions": questions})
    if not comment.strip() and not question_comments:
        raise ReviewInvalidError(
            {"comment": ["Say what needs work: an overall comment, or a comment on at least one question."]}
        )


def _lock_in_review(assessment: Assessment, reviewer: AbstractBaseUser) -> Assessment:
    """The row locked, so that of two reviewers deciding at once the second finds it decided already."""
    locked = lock_assessment(assessment)
    if locked.status != Assessment.Status.IN_REVIEW:
        state = "a draft" if locked.is_draft else "accepted already"
        raise NotInReviewError(f"assessment {locked.pk} is not in review: it is {state}")
    if locked.submitted_by_id == reviewer.pk:
        raise OwnSubmissionError
    if wrote_answers(assessment=locked, user=reviewer):
        raise OwnAnswersError
    return locked


def _copy_status(locked: Assessment, assessment: Assessment) -> None:
    """The caller's instance (with its annotations, e.g. `role`) reads as the database now does; setting a
    foreign key's id drops the user cached for it."""
    for name in ("status", "submitted_by_id", "submitted_at", "reviewed_by_id", "reviewed_at"):
        setattr(assessment, name, getattr(locked, name))
