"""Writes of the assessments app. Callers have already checked the user's role (see permissions.py)."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Max, Model, QuerySet
from django.utils import timezone

from assessments.audit import log_upserts
from assessments.evidence.claims import UnsupportedClaim
from assessments.evidence.files import evidence_files_delete_on_commit
from assessments.evidence.selectors import assessment_unsupported_claims
from assessments.models import Answer, Assessment, Membership, Organization, Role, TargetLevel, Team, answer_fields
from assessments.selectors import assessment_answer_rows, assessment_scope, provisional
from assessments.signals import Followup, assessment_submitted, targets_changed
from core.lookups import found_or_404
from maturity.models import Framework
from maturity.scoring import NA, UNKNOWN
from maturity.selectors import framework_content, version_mapping_between

MAX_COMMENT_LENGTH = 5000


class AssessmentNotDraftError(Exception):
    """A submitted assessment never changes."""


class AssessmentIncompleteError(Exception):
    """Required questions (adaptive depth) or scopes still unanswered."""

    def __init__(self, unanswered: list[str], scopes: list[str]) -> None:
        self.unanswered, self.scopes = unanswered, scopes
        parts = [f"{len(unanswered)} required question(s) unanswered: {', '.join(unanswered)}"] if unanswered else []
        parts += [f"{len(scopes)} scope question(s) unanswered: {', '.join(scopes)}"] if scopes else []
        super().__init__("; ".join(parts))


class UnsupportedClaimsError(Exception):
    """Evidence is required for the assessment, and these answers claim a practice without evidence that
    holds (assessments.evidence.claims)."""

    def __init__(self, claims: list[UnsupportedClaim]) -> None:
        self.claims = claims
        keys = ", ".join(claim.question for claim in claims)
        super().__init__(f"evidence is required and {len(claims)} claim(s) lack evidence that holds: {keys}")


class ScopeInvalidError(Exception):
    """Carries {scope key: [message]} for every bad item."""

    def __init__(self, problems: dict[str, list[str]]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} invalid scope answer(s)")


class AnswersInvalidError(Exception):
    """Carries one entry per bad item: {"index", "question", "errors": {field: [message]}}."""

    def __init__(self, problems: list[dict]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} invalid answer(s)")


class SubmitFailedError(Exception):
    """The database refused the submission; it was rolled back whole, so nothing was lost."""

    def __init__(self) -> None:
        super().__init__(
            "The submission could not be saved; nothing was lost, the assessment is still a draft. "
            "Please try again in a moment."
        )


class DraftExistsError(Exception):
    """A team works on one draft at a time: the one it has is `draft`."""

    def __init__(self, draft: Assessment) -> None:
        self.draft = draft
        super().__init__(f"{draft.team.name} already has a draft: {draft.short_title.lower()}; open it or discard it")


class InReviewExistsError(DraftExistsError):
    """A team's assessment in review must be accepted or returned before the team starts another."""

    def __init__(self, in_review: Assessment) -> None:
        self.draft = in_review
        Exception.__init__(
            self,
            f"{in_review.team.name} has an assessment in review: {in_review.short_title.lower()}; a reviewer "
            "accepts or returns it before another starts",
        )


class UnknownAreaError(Exception):
    pass


class LastOwnerError(Exception):
    """An organisation always keeps at least one owner."""


@dataclass(frozen=True)
class AnswerInput:
    question: str
    value: object  # validated here: an int 0..3, "na" or "unknown"
    comment: str = ""


def organization_create(*, name: str, owner: AbstractBaseUser) -> Organization:
    with transaction.atomic():
        organization = Organization.objects.create(name=name)
        Membership.objects.create(organization=organization, user=owner, role=Role.OWNER)
    return organization


def membership_set(*, organization: Organization, user: AbstractBaseUser, role: str) -> Membership:
    """Adds the user to the organisation, or changes their role if they are a member already."""
    with transaction.atomic():
        owners = Membership.objects.select_for_update().filter(organization=organization, role=Role.OWNER)
        if role != Role.OWNER and list(owners.values_list("user_id", flat=True)) == [user.pk]:
            raise LastOwnerError(f"{user.get_username()} is the only owner of {organization.name}; add another first")
        membership, _ = Membership.objects.update_or_create(
            organization=organization, user=user, defaults={"role": role}
        )
    return membership


class TeamNameTakenError(Exception):
    """The organisation already has a team of that name (team names are unique per organisation)."""

    def __init__(self, organization: Organization) -> None:
        super().__init__(f"{organization} has a team with this name already.")


def team_create(*, organization: Organization, name: str) -> Team:
    try:
        with transaction.atomic():
            return Team.objects.create(organization=organization, name=name)
    except IntegrityError:
        raise TeamNameTakenError(organization) from None


def team_update(*, team: Team, name: str | None = None, archived: bool | None = None) -> Team:
    """Renames and/or archives (or restores) the team; None leaves that as it is. A name another team of the
    organisation has raises TeamNameTakenError and changes nothing, the instance included."""
    try:
        with transaction.atomic():
            _apply_name_and_archived(team, name, archived)
    except IntegrityError:
        team.refresh_from_db(fields=["name", "archived_at"])
        raise TeamNameTakenError(team.organization) from None
    return team


def organization_update(
    *,
    organization: Organization,
    name: str | None = None,
    archived: bool | None = None,
    review_required: bool | None = None,
) -> Organization:
    """Renames and/or archives (or restores) the organisation, and/or sets whether the assessments started
    in it from now on go to review; None leaves that as it is."""
    with transaction.atomic():
        _apply_name_and_archived(organization, name, archived)
        if review_required is not None and review_required != organization.review_required:
            organization.review_required = review_required
            organization.save(update_fields=["review_required"])
    return organization


def _apply_name_and_archived(instance: Team | Organization, name: str | None, archived: bool | None) -> None:
    fields = []
    if name is not None:
        instance.name = name
        fields.append("name")
    if archived is not None and archived != (instance.archived_at is not None):
        instance.archived_at = timezone.now() if archived else None
        fields.append("archived_at")
    if fields:
        instance.save(update_fields=fields)


def target_set(*, team: Team, framework: Framework, area_key: str, level: int, user: AbstractBaseUser) -> TargetLevel:
    return targets_set(team=team, framework=framework, levels={area_key: level}, user=user)[0]


def targets_set(
    *, team: Team, framework: Framework, levels: Mapping[str, int], user: AbstractBaseUser
) -> list[TargetLevel]:
    """Sets the team's target level (`levels`: area key -> level) for every version of the framework, and
    announces the change once (targets_changed: the latest report is recomputed against them). Raises
    UnknownAreaError, setting nothing, unless every key is an area of `framework`."""
    area_keys = [area.key for area in framework_content(framework=framework).areas]
    unknown = sorted(set(levels) - set(area_keys))
    if unknown:
        raise UnknownAreaError(f"Not an area of the framework: one of {', '.join(sorted(area_keys))}.")
    with transaction.atomic():
        targets = [
            TargetLevel.objects.create(
                team=team, framework_slug=framework.slug, area_key=area_key, level=level, set_by=user
            )
            for area_key, level in levels.items()
        ]
        targets_changed.send(sender=Team, team_id=team.pk, framework_slug=framework.slug)
    return targets


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
) -> Assessment:
    """A new draft on `framework` (maturity.selectors.framework_for_new_assessment picks it), optionally
    started from the team's last submitted assessment on the same framework, this version or an earlier
    one: each answer that maps one to one carries over (design section 1, `replaces`); questions that
    merge or split earlier ones stay unanswered and show the earlier answers (selectors.earlier_answers).
    `mode` survey (callers check permissions.can_facilitate) takes respondents; `anonymous_responses` hides
    who answered what from the consensus view (survey mode only). `systems_covered` names the ML systems it
    is about; left blank on a carry-over, it is the earlier assessment's.

    One draft per team: raises DraftExistsError, starting nothing, while the team has one. The team's row
    is locked, so two starts at once are one after the other: the second finds the first's draft, and
    numbers (1, 2, ... per team) are never taken twice. An assessment in review blocks a start the same way
    (InReviewExistsError). It goes to review on submission when its organisation requires it, or when
    `review_required` (the caller checked permissions.can_review)."""
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
    assessment.save(update_fields=["carried_from", "systems_covered"])
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
    log_upserts(
        before={},
        after=answers,
        actor=user,
        organization_id=assessment.team.organization_id,
        assessment_id=assessment.pk,
    )


def answers_save(*, assessment: Assessment, user: AbstractBaseUser, items: Sequence[AnswerInput]) -> None:
    """Upserts the given answers only; all or nothing: any bad item and nothing changes."""
    question_ids = framework_content(framework=assessment.framework).question_ids
    problems = _answer_problems(items, question_ids)
    if problems:
        raise AnswersInvalidError(problems)
    with transaction.atomic():
        lock_draft(assessment)
        upsert_answers(
            owner="assessment",
            existing=assessment.answers.all(),
            new=lambda **fields: Answer(assessment=assessment, answered_by=user, **fields),
            also_update=("answered_by",),
            items=items,
            question_ids=question_ids,
            actor=user,
            place=(assessment.team.organization_id, assessment.pk),
        )


def upsert_answers(
    *,
    owner: str,
    existing: QuerySet,
    new: Callable[..., Model],
    items: Sequence[AnswerInput],
    question_ids: Mapping[str, int],
    actor: AbstractBaseUser | None,
    place: tuple[int, int],
    also_update: tuple[str, ...] = (),
) -> None:
    """Inserts or updates one row per validated item in one query: an Answer of an assessment, or a
    RespondentAnswer of a respondent (`owner`, the rows' key to it, with the question; `new` builds a row
    from its value fields; `existing` is the owner's rows, read once before for the audit trail, where
    the rows that changed are recorded, placed in `place`: organisation id, assessment id)."""
    ids = [question_ids[item.question] for item in items]
    before = {answer.question_id: answer for answer in existing.filter(question_id__in=ids)}
    now = timezone.now()
    rows = [
        new(question_id=question_ids[item.question], **answer_fields(item.value), comment=item.comment, updated_at=now)
        for item in items
    ]
    saved = existing.model.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=[owner, "question"],
        update_fields=["value", "not_applicable", "unknown", "comment", "updated_at", *also_update],
    )
    organization_id, assessment_id = place
    log_upserts(before=before, after=saved, actor=actor, organization_id=organization_id, assessment_id=assessment_id)


def _answer_problems(items: Sequence[AnswerInput], question_ids: dict[str, int]) -> list[dict]:
    problems = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        errors = _answer_errors(item, question_ids, seen)
        if isinstance(item.question, str):
            seen.add(item.question)
        if errors:
            # The key as given, or null for anything else: the problem names its item by `index` anyway.
            question = item.question if isinstance(item.question, str) else None
            problems.append({"index": index, "question": question, "errors": errors})
    return problems


def _answer_errors(item: AnswerInput, question_ids: dict[str, int], seen: set[str]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not isinstance(item.question, str) or item.question not in question_ids:
        errors["question"] = ["Unknown question for this assessment's framework version."]
    elif item.question in seen:
        errors["question"] = ["Answered twice in the same request."]
    valid_number = isinstance(item.value, int) and not isinstance(item.value, bool) and 0 <= item.value <= 3
    if not valid_number and item.value not in (NA, UNKNOWN):
        errors["value"] = ['Must be an integer from 0 to 3, "na" or "unknown".']
    if not isinstance(item.comment, str):
        errors["comment"] = ["Must be text."]
    elif len(item.comment) > MAX_COMMENT_LENGTH:
        errors["comment"] = [f"At most {MAX_COMMENT_LENGTH} characters (got {len(item.comment)})."]
    elif "\x00" in item.comment:  # PostgreSQL cannot store it in text
        errors["comment"] = ["Must not contain NUL characters."]
    elif item.value == NA and not item.comment.strip():
        errors["comment"] = ['"na" needs a comment saying why the practice does not apply.']
    return errors


@dataclass(frozen=True)
class Submission:
    assessment: Assessment
    followups: list[Followup]  # what the apps receiving assessment_submitted started: the report


def assessment_submit(
    *, assessment: Assessment, user: AbstractBaseUser, submitted_at: datetime | None = None
) -> Submission:
    """Freezes a complete draft and announces it (assessment_submitted) inside the same transaction, so
    that what receivers write commits with it or not at all.

    All or nothing: if the database refuses any write on the way, the assessment stays a draft with
    every answer, and the caller gets SubmitFailedError to tell the user to try again.
    """
    try:
        return _submit(assessment=assessment, user=user, submitted_at=submitted_at)
    except DatabaseError as error:
        raise SubmitFailedError from error


def _submit(*, assessment: Assessment, user: AbstractBaseUser, submitted_at: datetime | None) -> Submission:
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
        responses = assessment_submitted.send(sender=Assessment, assessment_id=locked.pk)
    return Submission(assessment=locked, followups=[followup for _, followup in responses if followup is not None])


def assessment_scope_set(*, assessment: Assessment, answers: Mapping[str, object]) -> None:
    """Records the answers to some of the framework's scopes (scope key -> true/false); all or nothing."""
    known = {scope.key for scope in framework_content(framework=assessment.framework).scopes}
    problems = {
        str(key): ["Not a scope of this assessment's framework."] if key not in known else ["Must be true or false."]
        for key, value in answers.items()
        if key not in known or not isinstance(value, bool)
    }
    if problems or not answers:
        raise ScopeInvalidError(problems or {"scope": ["Answer at least one scope question."]})
    with transaction.atomic():
        locked = lock_draft(assessment)
        locked.scope = {**locked.scope, **answers}
        locked.save(update_fields=["scope"])
    assessment.scope = locked.scope


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
