"""Reads of the assessments app. Every lookup is scoped to the user's memberships: an object in an
organisation the user does not belong to is simply not found, which callers answer with 404."""

from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery

from assessments.models import Answer, Assessment, Membership, Organization, Role, TargetLevel, Team, answer_value
from maturity import scoring
from maturity.models import Area, Framework, Question
from maturity.selectors import (
    framework_content,
    framework_for_new_assessment,
    framework_get,
    version_mapping_between,
)


def visible_organizations(*, user: AbstractBaseUser) -> QuerySet[Organization]:
    """The access rule (design section 4): a user sees the organisations they are a member of, and what is
    in them. Every lookup for a user starts from one of these three; the apps above look an object up
    with assessments.tenancy and then read what is inside it."""
    return Organization.objects.filter(memberships__user=user)


def visible_teams(*, user: AbstractBaseUser) -> QuerySet[Team]:
    return Team.objects.filter(organization__memberships__user=user)


def visible_assessments(*, user: AbstractBaseUser) -> QuerySet[Assessment]:
    return Assessment.objects.filter(team__organization__memberships__user=user)


def _role_subquery(user: AbstractBaseUser, organization_ref: str) -> Subquery:
    return Subquery(
        # order_by(): the model's default ordering would join organisations and users for nothing.
        Membership.objects.filter(user=user, organization=OuterRef(organization_ref)).order_by().values("role")[:1]
    )


def organizations_for_user(*, user: AbstractBaseUser, archived: bool = False) -> QuerySet[Organization]:
    """The user's organisations, active ones (or with `archived`, the archived ones), each annotated with
    `role` and `team_count` (of its active teams)."""
    active_teams = Count("teams", filter=Q(teams__archived_at__isnull=True), distinct=True)
    return (
        visible_organizations(user=user)
        .filter(archived_at__isnull=not archived)
        .annotate(role=_role_subquery(user, "pk"), team_count=active_teams)
        .order_by("name", "id")
    )


def organization_for_user(*, user: AbstractBaseUser, organization_id: int) -> Organization | None:
    """Archived or not: an archived organisation stays readable by its URL for its members."""
    return (
        visible_organizations(user=user)
        .annotate(role=_role_subquery(user, "pk"))
        .filter(pk=organization_id)
        .order_by()
        .first()
    )


def user_by_username(*, username: str) -> AbstractBaseUser | None:
    return get_user_model().objects.filter(username=username).first()


def member_by_verified_email(*, organization_id: int, email: str) -> Membership | None:
    """The membership of the account that verified the address (allauth's EmailAddress, verified addresses
    are unique): an address that nobody verified, or that a user only typed in, is nobody's."""
    return (
        Membership.objects.filter(
            organization_id=organization_id,
            user__emailaddress__email__iexact=email,
            user__emailaddress__verified=True,
        )
        .select_related("user")
        .first()
    )


def memberships_of(*, organization: Organization) -> QuerySet[Membership]:
    """With each member's verified address as `verified_email` (or None), for the owners' eyes only."""
    verified = (
        EmailAddress.objects.filter(user=OuterRef("user"), verified=True).order_by("-primary", "pk").values("email")[:1]
    )
    return (
        organization.memberships.select_related("user")
        .annotate(verified_email=Subquery(verified))
        .order_by("user__username")
    )


def _teams_with_role(user: AbstractBaseUser) -> QuerySet[Team]:
    return (
        visible_teams(user=user).select_related("organization").annotate(role=_role_subquery(user, "organization_id"))
    )


def teams_for_user(
    *, user: AbstractBaseUser, organization_id: int | None = None, archived: bool = False
) -> QuerySet[Team]:
    """Teams in the user's organisations, each annotated with the user's `role` there: the active teams (or
    with `archived`, the archived ones) of `organization_id`, else of every active organisation."""
    teams = _teams_with_role(user).filter(archived_at__isnull=not archived)
    if organization_id is None:
        teams = teams.filter(organization__archived_at__isnull=True)
    else:
        teams = teams.filter(organization_id=organization_id)
    return teams.order_by("organization__name", "name", "id")


def team_for_user(*, user: AbstractBaseUser, team_id: int) -> Team | None:
    """Archived or not: an archived team's assessments and reports stay readable by URL for members."""
    return _teams_with_role(user).filter(pk=team_id).order_by().first()


def _assessments_with_role(user: AbstractBaseUser) -> QuerySet[Assessment]:
    """The role comes from the membership the filter joins (one per user and organisation): no subquery."""
    return (
        visible_assessments(user=user)
        .select_related("team__organization", "framework", "created_by", "submitted_by", "reviewed_by")
        .annotate(role=F("team__organization__memberships__role"))
    )


def assessments_for_user(*, user: AbstractBaseUser, team_id: int | None = None) -> QuerySet[Assessment]:
    """Assessments in the user's organisations, annotated with the user's `role`, `answered` and
    `question_count`, with team, framework and people fetched in the same query."""
    answered = (
        Answer.objects.filter(assessment=OuterRef("pk"))
        .order_by()
        .values("assessment")
        .annotate(n=Count("*"))
        .values("n")
    )
    question_count = (
        Question.objects.filter(framework=OuterRef("framework_id"))
        .order_by()
        .values("framework")
        .annotate(n=Count("*"))
        .values("n")
    )
    assessments = _assessments_with_role(user).annotate(
        answered=Subquery(answered), question_count=Subquery(question_count)
    )
    if team_id is not None:
        assessments = assessments.filter(team_id=team_id)
    return assessments.order_by("-created_at", "-id")


def drafts_for_user(*, user: AbstractBaseUser, limit: int = 20) -> list[Assessment]:
    """The drafts in progress in the user's organisations, newest first, with their progress (one query)."""
    return list(assessments_for_user(user=user).filter(status=Assessment.Status.DRAFT)[:limit])


def is_assessor_anywhere(*, user: AbstractBaseUser) -> bool:
    return Membership.objects.filter(user=user, role=Role.ASSESSOR).exists()


def assessment_for_user(*, user: AbstractBaseUser, assessment_id: int) -> Assessment | None:
    """One assessment with the user's `role`; its progress comes from assessment_answer_rows. Unordered
    and sliced: the model's default order would join and sort by organisation and team names for one row,
    and first() would order by the primary key, which costs a millisecond of compiling."""
    return next(iter(_assessments_with_role(user).filter(pk=assessment_id).order_by()[:1]), None)


@dataclass(frozen=True)
class AnswerRow:
    """One question of an assessment with its answer, if any (value None: unanswered)."""

    question: Question
    value: int | str | None  # 0..3, "na", "unknown" or None
    comment: str
    answered_by: str | None
    updated_at: datetime | None


def assessment_answer_rows(*, assessment: Assessment) -> list[AnswerRow]:
    """Every question of the assessment's framework in framework order, with its answer (one query; the
    framework's questions are read once per process)."""
    answers = {
        question_id: (answer_value(value, not_applicable, unknown), comment, answered_by, updated_at)
        for question_id, value, not_applicable, unknown, comment, answered_by, updated_at in Answer.objects.filter(
            assessment=assessment
        ).values_list(
            "question_id", "value", "not_applicable", "unknown", "comment", "answered_by__username", "updated_at"
        )
    }
    questions = framework_content(framework=assessment.framework).questions
    return [_answer_row(question, answers.get(question.pk)) for question in questions]


def _answer_row(question: Question, answer: tuple | None) -> AnswerRow:
    if answer is None:
        return AnswerRow(question=question, value=None, comment="", answered_by=None, updated_at=None)
    value, comment, answered_by, updated_at = answer
    return AnswerRow(
        question=question,
        value=value,
        comment=comment,
        answered_by=answered_by,
        updated_at=updated_at,
    )


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 100

    @property
    def complete(self) -> bool:
        return self.answered == self.total


def progress_by_area(*, rows: list[AnswerRow]) -> dict[str, Progress]:
    """Per area key (framework order), from rows already fetched."""
    counts: dict[str, list[int]] = {}
    for row in rows:
        answered_total = counts.setdefault(row.question.area.key, [0, 0])
        answered_total[0] += row.value is not None
        answered_total[1] += 1
    return {key: Progress(answered=answered, total=total) for key, (answered, total) in counts.items()}


def overall_progress(*, rows: list[AnswerRow]) -> Progress:
    return Progress(answered=sum(row.value is not None for row in rows), total=len(rows))


def assessment_scope(*, assessment: Assessment) -> dict[str, bool | None]:
    """Every scope of the assessment's framework, in framework order, with its answer (None: not yet)."""
    scopes = framework_content(framework=assessment.framework).scopes
    return {scope.key: assessment.scope.get(scope.key) for scope in scopes}


@dataclass(frozen=True)
class Provisional:
    """The assessment as scored now, unanswered questions counting as 0 (design section 2)."""

    levels: dict[str, int | None]  # area key -> level (None: out of scope or all "not applicable")
    required: tuple[str, ...]  # unanswered questions that can still change the result, framework order
    out_of_scope: frozenset[str]  # area keys whose scope was answered no
    scores: dict[str, Fraction | None] = field(default_factory=dict)  # area key -> score, like `levels`
    overall_level: int | None = None  # the headline (maturity/SCORING.md); None: no counting area applies
    overall_score: Fraction | None = None
    limited_by: tuple[str, ...] = ()  # area keys at the overall level


def provisional(*, assessment: Assessment, rows: list[AnswerRow]) -> Provisional:
    """From rows already fetched; no query. `required` is adaptive depth (design section 2): what must be
    answered before submitting; the other unanswered questions cannot change the result yet."""
    answers = {row.question.key: row.value for row in rows if row.value is not None}
    definition = framework_content(framework=assessment.framework).definition
    result = scoring.score_assessment(definition, answers, scope=assessment.scope)
    return Provisional(
        levels={area.key: area.level for area in result.areas},
        required=scoring.required_questions(definition, answers, scope=assessment.scope),
        out_of_scope=frozenset(area.key for area in result.areas if not area.in_scope),
        scores={area.key: area.score for area in result.areas},
        overall_level=result.overall_level,
        overall_score=result.overall_score,
        limited_by=result.limited_by,
    )


def framework_areas(*, framework_id: int) -> QuerySet[Area]:
    return Area.objects.filter(framework_id=framework_id).order_by("position")


def team_current_targets(*, team: Team, framework_slug: str) -> dict[str, TargetLevel]:
    """The latest target per area key of the framework (any version of it)."""
    targets: dict[str, TargetLevel] = {}
    rows = TargetLevel.objects.filter(team=team, framework_slug=framework_slug).select_related("set_by")
    for target in rows.order_by("area_key", "-set_at", "-id"):
        targets.setdefault(target.area_key, target)
    return targets


def team_framework(*, team: Team, slug: str | None = None) -> Framework | None:
    """The framework the team works on, in its newest version: `slug`'s when given, else that of its latest
    submitted assessment, else of its newest draft, else the one a new assessment would take. The team's
    targets, dashboard and roadmap follow it (one query while the team has an assessment)."""
    if slug:
        return framework_get(slug=slug)
    newest_first = (F("submitted_at").desc(nulls_last=True), "-created_at", "-id")
    newest = Assessment.objects.filter(team=team).order_by(*newest_first).values("framework__slug")[:1]
    framework = Framework.objects.filter(slug=Subquery(newest)).order_by("-version").first()
    return framework or framework_for_new_assessment()


def earlier_answers(*, assessment: Assessment) -> dict[str, list[AnswerRow]]:
    """Question key -> the answers of the assessment this one was started from to the earlier-version
    questions it merges, or of which it is one part of a split: shown beside it, since they cannot carry
    over as they are. Empty when it was started afresh or on the same version (bounded queries)."""
    previous = assessment.carried_from
    if previous is None or previous.framework_id == assessment.framework_id or previous.team_id != assessment.team_id:
        return {}
    mapping = version_mapping_between(older=previous.framework, newer=assessment.framework)
    wanted = {key: mapping.earlier_keys(key) for key in mapping.predecessors if mapping.earlier_keys(key)}
    if not wanted:
        return {}
    rows = {row.question.key: row for row in assessment_answer_rows(assessment=previous)}
    return {key: [rows[old] for old in old_keys if old in rows] for key, old_keys in wanted.items()}
