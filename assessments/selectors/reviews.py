"""Reads of review and sign-off: the decisions on an assessment, the comments of the latest return shown
beside the questions while it is a draft again, and what waits for a user's review."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, QuerySet

from assessments.models import Answer, Assessment, Membership, Review, ReviewComment
from assessments.permissions import DISCARDING_ROLES
from maturity.selectors import FrameworkQuestion, framework_content


@dataclass(frozen=True)
class ReturnedComments:
    """What the reviewer who last returned a draft asked for: overall, and per question key."""

    reviewer: str
    decided_at: datetime
    comment: str
    questions: dict[str, str]  # question key -> comment, in the order given
    items: list[tuple[FrameworkQuestion, str]]  # the same with each question (and its area), framework order


def assessment_reviews(*, assessment: Assessment) -> list[Review]:
    """Every decision on the assessment, newest first, each with its reviewer and its question comments (two
    queries)."""
    comments = ReviewComment.objects.select_related("question").order_by("id")
    return list(
        Review.objects.filter(assessment=assessment)
        .select_related("reviewer")
        .prefetch_related(Prefetch("comments", queryset=comments))
        .order_by("-decided_at", "-id")
    )


def returned_comments(*, assessment: Assessment) -> ReturnedComments | None:
    """The latest decision's comments when it returned the assessment and the assessment is still a draft:
    what the team is to work on now. None otherwise, and for an assessment never returned (two queries)."""
    if not assessment.is_draft:
        return None
    latest = Review.objects.filter(assessment=assessment).select_related("reviewer").order_by("-decided_at", "-id")
    review = latest.first()
    if review is None or review.decision != Review.Decision.RETURNED:
        return None
    questions = dict(review.comments.order_by("id").values_list("question__key", "comment"))
    items = [
        (q, questions[q.key]) for q in framework_content(framework=assessment.framework).questions if q.key in questions
    ]
    name = review.reviewer.get_full_name() or review.reviewer.get_username()
    return ReturnedComments(name, review.decided_at, review.comment, questions, items)


def wrote_answers(*, assessment: Assessment, user: AbstractBaseUser) -> bool:
    """Whether the user last wrote any of the assessment's answers (in a survey: recorded an agreed answer)."""
    return Answer.objects.filter(assessment=assessment, answered_by=user).exists()


# Assessments waiting for the user's review that a page lists (home, the organisation page).
WAITING_LIMIT = 20


def waiting_for_review(*, user: AbstractBaseUser, organization_id: int | None = None) -> QuerySet[Assessment]:
    """Assessments in review in the organisations where the user reviews (owner or assessor), except those
    they submitted or wrote answers of themselves, oldest submission first, with team, organisation and
    submitter (one query)."""
    organizations = Membership.objects.filter(user=user, role__in=DISCARDING_ROLES).values("organization_id")
    assessments = (
        Assessment.objects.filter(status=Assessment.Status.IN_REVIEW, team__organization_id__in=organizations)
        .exclude(submitted_by=user)
        .exclude(answers__answered_by=user)
        .select_related("team__organization", "submitted_by")
    )
    if organization_id is not None:
        assessments = assessments.filter(team__organization_id=organization_id)
    return assessments.order_by("submitted_at", "id")
