"""Review and sign-off: a reviewer (owner or assessor, never the person who submitted it nor one who wrote its
answers) accepts an
assessment in review, which makes it submitted and final, or returns it to draft with what needs work.
Callers have checked the reviewer's role (permissions.can_review); the rule on the second person is here."""

from collections.abc import Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from assessments.audit import log_upserts
from assessments.errors import NotInReviewError, OwnAnswersError, OwnSubmissionError, ReviewInvalidError
from assessments.inputs import comment_problems
from assessments.models import Assessment, Review, ReviewComment
from assessments.selectors.reviews import wrote_answers
from assessments.services.assessments import lock_assessment
from assessments.signals import assessment_accepted, assessment_returned
from maturity.selectors import framework_content


def assessment_accept(*, assessment: Assessment, reviewer: AbstractBaseUser, comment: str = "") -> Review:
    """The assessment becomes submitted, marked reviewed by `reviewer` now; announced (assessment_accepted)."""
    problems = comment_problems(comment)
    if problems:
        raise ReviewInvalidError({"comment": problems})
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
    -> what needs work), at least one of them. All or nothing; announced (assessment_returned)."""
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
        log_upserts(
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


def _check_return(comment: object, question_comments: dict, question_ids: dict[str, int]) -> None:
    problems: dict = {}
    overall = comment_problems(comment)
    if overall:
        problems["comment"] = overall
    questions = {}
    for key, text in question_comments.items():
        found = comment_problems(text)
        if key not in question_ids:
            found = ["Not a question of this assessment's framework version.", *found]
        elif not found and not text.strip():
            found = ["Say what needs work, or leave the question out."]
        if found:
            questions[str(key)] = found
    if questions:
        problems["questions"] = questions
    if not problems and not (isinstance(comment, str) and comment.strip()) and not question_comments:
        problems["comment"] = ["Say what needs work: an overall comment, or a comment on at least one question."]
    if problems:
        raise ReviewInvalidError(problems)


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
