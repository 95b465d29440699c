"""The access rule (`visible_*`): what a user may see, by membership and role, and the lookups built on it."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery

from assessments.models import ANSWERED, Answer, Assessment, Membership, Organization, Role, Team
from maturity.models import Question


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
    answered = _count(Answer.objects.filter(ANSWERED, assessment=OuterRef("pk")), per="assessment")
    question_count = _count(Question.objects.filter(framework=OuterRef("framework_id")), per="framework")
    assessments = _assessments_with_role(user).annotate(answered=answered, question_count=question_count)
    if team_id is not None:
        assessments = assessments.filter(team_id=team_id)
    return assessments.order_by("-created_at", "-id")


def _count(rows: QuerySet, *, per: str) -> Subquery:
    """How many `rows` there are for the outer row they are filtered on (`per`, its field): one number."""
    return Subquery(rows.order_by().values(per).annotate(n=Count("*")).values("n"))


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
