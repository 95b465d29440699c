"""An assessment's life: started (carrying answers forward), scoped, submitted, discarded."""

from collections.abc import Mapping
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import DatabaseError, transaction
from django.db.models import Max
from django.utils import timezone

from assessments.errors import (
    AssessmentIncompleteError,
    AssessmentNotDraftError,
    DraftExistsError,
    InReviewExistsError,
    ScopeInvalidError,
    SubmitFailedError,
    UnsupportedClaimsError,
)
from assessments.files import evidence_files_delete_on_commit
from assessments.models import Answer, Assessment, Team
from assessments.selectors.answers import assessment_answer_rows, assessment_scope, provisional
from assessments.selectors.evidence import assessment_unsupported_claims
from assessments.signals import assessment_submitted, rows_saved_in_bulk
from core.lookups import found_or_404
from maturity.models import Framework
from maturity.selectors import framework_content, version_mapping_between


def assessment_start(
    *,
    team: Team,
    user: AbstractBaseUser,
    framework: Framework,
    kind: str = Assessment.Kind.SELF,
    carry_forward: bool = False,
    mode: str = Assessment.Mode.WORKSHOP,
    anonymous_responses: bool = False,
    evidence_required: bool = False,
    review_required: bool = False,
    systems_covered: str = "",
    scope: Mapping[str, object] | None = None,
) -> Assessment:
    """A new draft on `framework` (maturity.selectors.framework_for_new_assessment picks it), optionally
    started from the team's last submitted assessment on the same framework, this version or an earlier
    one: each answer that maps one to one carries over (design section 1, `replaces`); questions that
    merge or split earlier ones stay unanswered and show the earlier answers (selectors.earlier_answers).
    `mode` survey (callers check permissions.can_facilitate) takes respondents; `anonymous_responses` hides
    who answered what from the consensus view (survey mode only). `systems_covered` names the ML systems it
    is about; left blank on a carry-over, it is the earlier assessment's. `scope` answers some or all of the
    framework's scope questions at once (scope key -> true/false; ScopeInvalidError, under "scope", names each
    bad one and starts nothing); a carry-over takes the earlier assessment's answers to the others.

    One draft per team: raises DraftExistsError, starting nothing, while the team has one. The team's row
    is locked, so two starts at once are one after the other: the second finds the first's draft, and
    numbers (1, 2, ... per team) are never taken twice. An assessment in review blocks a start the same way
    (InReviewExistsError). It goes to review on submission when its organisation requires it, or when
    `review_required` (the caller checked permissions.can_review)."""
    scope = dict(scope or {})
    if problems := _scope_problems(framework, scope):
        raise ScopeInvalidError(problems, within="scope")
    with transaction.atomic():
        Team.objects.select_for_update().only("pk").get(pk=team.pk)
        open_statuses = (Assessment.Status.DRAFT, Assessment.Status.IN_REVIEW)
        draft = team.assessments.filter(status__in=open_statuses).select_related("team").first()
        if draft is not None:
            raise DraftExistsError(draft) if draft.is_draft else InReviewExistsError(draft)
        number = (team.assessments.aggregate(last=Max("number"))["last"] or 0) + 1
        review_required = review_required or team.organization.review_required
        assessment = Assessment.objects.create(
            team=team,
            number=number,
            framework=framework,
            kind=kind,
            created_by=user,
            # Survey mode (assessments/surveys): respondents answer alone, the facilitator records the agreed answers.
            mode=mode,
            anonymous_responses=anonymous_responses and mode == Assessment.Mode.SURVEY,
            evidence_required=evidence_required,
            review_required=review_required,
            systems_covered=systems_covered.strip(),
            scope=scope,
        )
        if carry_forward:
            _carry_forward_answers(assessment=assessment, framework=framework, user=user)
    return assessment


def assessment_discard(*, assessment: Assessment) -> None:
    """Deletes a draft and its answers. Raises AssessmentNotDraftError for a submitted one, which is history.
    A draft is its team's newest assessment, so the next one started takes its number: no gaps."""
    with transaction.atomic():
        locked = lock_draft(assessment)
        evidence_files_delete_on_commit(assessment_id=locked.pk)
        locked.delete()


def _carry_forward_answers(*, assessment: Assessment, framework: Framework, user: AbstractBaseUser) -> None:
    previous = (
        Assessment.objects.filter(
            team=assessment.team,
            status=Assessment.Status.SUBMITTED,
            framework__slug=framework.slug,
            framework__version__lte=framework.version,
        )
        .select_related("framework")
        .order_by("-framework__version", "-submitted_at")
        .first()
    )
    if previous is None:
        return
    assessment.carried_from = previous
    assessment.systems_covered = assessment.systems_covered or previous.systems_covered
    # The scope answered at the start stands; the earlier answers fill in the scopes this version still asks.
    scopes = {scope.key for scope in framework_content(framework=framework).scopes}
    assessment.scope = {key: value for key, value in previous.scope.items() if key in scopes} | assessment.scope
    assessment.save(update_fields=["carried_from", "systems_covered", "scope"])
    carried = version_mapping_between(older=previous.framework, newer=framework).one_to_one
    question_ids = framework_content(framework=framework).question_ids
    earlier = {old.question.key: old for old in previous.answers.select_related("question")}
    now = timezone.now()
    answers = Answer.objects.bulk_create(
        Answer(
            assessment=assessment,
            question_id=question_ids[new_key],
            value=earlier[old_key].value,
            not_applicable=earlier[old_key].not_applicable,
            unknown=earlier[old_key].unknown,
            comment=earlier[old_key].comment,
            answered_by=user,
            updated_at=now,
        )
        for new_key, old_key in carried.items()
        if old_key in earlier
    )
    rows_saved_in_bulk.send(
        sender=Answer,
        before={},
        after=answers,
        actor=user,
        organization_id=assessment.team.organization_id,
        assessment_id=assessment.pk,
        carried_from=previous.pk,  # the trail says they were carried over, not answered, by `user`
    )


def assessment_submit(
    *, assessment: Assessment, user: AbstractBaseUser, submitted_at: datetime | None = None
) -> Assessment:
    """Freezes a complete draft and announces it (assessment_submitted) inside the same transaction, so
    that what receivers write commits with it or not at all; returns it submitted, or in review.

    All or nothing: if the database refuses any write on the way, the assessment stays a draft with
    every answer, and the caller gets SubmitFailedError to tell the user to try again.
    """
    try:
        return _submit(assessment=assessment, user=user, submitted_at=submitted_at)
    except DatabaseError as error:
        raise SubmitFailedError from error


def _submit(*, assessment: Assessment, user: AbstractBaseUser, submitted_at: datetime | None) -> Assessment:
    with transaction.atomic():
        locked = lock_draft(assessment)
        rows = assessment_answer_rows(assessment=locked)
        unanswered = list(provisional(assessment=locked, rows=rows).required)
        scopes = [key for key, answer in assessment_scope(assessment=locked).items() if answer is None]
        if unanswered or scopes:
            raise AssessmentIncompleteError(unanswered, scopes)
        if locked.evidence_required:
            on = timezone.localdate(submitted_at) if submitted_at else timezone.localdate()
            claims = assessment_unsupported_claims(assessment=locked, rows=rows, on=on)
            if claims:
                raise UnsupportedClaimsError(claims)
        locked.status = Assessment.Status.IN_REVIEW if locked.review_required else Assessment.Status.SUBMITTED
        locked.submitted_by = user
        locked.submitted_at = submitted_at or timezone.now()
        locked.save(update_fields=["status", "submitted_by", "submitted_at"])
        assessment_submitted.send(sender=Assessment, assessment_id=locked.pk)
    return locked


def assessment_scope_set(*, assessment: Assessment, answers: Mapping[str, object]) -> None:
    """Records the answers to some of the framework's scopes (scope key -> true/false); all or nothing."""
    problems = _scope_problems(assessment.framework, answers)
    if problems or not answers:
        raise ScopeInvalidError(problems or {"scope": ["Answer at least one scope question."]})
    with transaction.atomic():
        locked = lock_draft(assessment)
        locked.scope = {**locked.scope, **answers}
        locked.save(update_fields=["scope"])
    assessment.scope = locked.scope


def _scope_problems(framework: Framework, answers: Mapping[str, object]) -> dict[str, list[str]]:
    """Each answer that is not true or false to a scope of `framework`, with what is wrong with it."""
    known = {scope.key for scope in framework_content(framework=framework).scopes}
    return {
        str(key): ["Not a scope of this assessment's framework."] if key not in known else ["Must be true or false."]
        for key, value in answers.items()
        if key not in known or not isinstance(value, bool)
    }


def assessment_systems_covered_set(*, assessment: Assessment, systems_covered: str) -> None:
    """Names the ML systems the draft's answers are about (blank: not said); the caller checked its length."""
    with transaction.atomic():
        locked = lock_draft(assessment)
        locked.systems_covered = systems_covered.strip()
        locked.save(update_fields=["systems_covered"])
    assessment.systems_covered = locked.systems_covered


DISCARDED = "This assessment was discarded."


def lock_assessment(assessment: Assessment) -> Assessment:
    """The assessment's row, locked until the caller's transaction ends; a 404 (Http404, as pages and the API
    answer for any assessment that is not there) when another request discarded it since it was read."""
    return found_or_404(Assessment.objects.select_for_update().filter(pk=assessment.pk).first(), DISCARDED)


def lock_draft(assessment: Assessment) -> Assessment:
    """lock_assessment; AssessmentNotDraftError unless it is a draft. Every write to a draft's content goes
    through it, in this app's services and its parts'."""
    locked = lock_assessment(assessment)
    if not locked.is_draft:
        raise AssessmentNotDraftError(not_draft_message(locked))
    return locked


def not_draft_message(assessment: Assessment) -> str:
    """Why a submitted or in-review assessment refuses a change, as pages and the API say it."""
    if assessment.status == Assessment.Status.IN_REVIEW:
        return "This assessment is in review: it cannot change unless a reviewer returns it."
    return "This assessment is submitted: it can no longer change."
