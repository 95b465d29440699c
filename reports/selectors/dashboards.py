"""Teams side by side: an organisation's dashboard and a consultant's portfolio. Each is a fixed number of
queries whatever the number of teams and assessments: each team's latest and previous assessment and the
level counts are window functions and GROUP BY in the database, so what comes back is already one row per
team, or per team and area. Results of different frameworks are never compared: a team's previous
assessment is its previous one on the framework of its latest."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, Max, OuterRef, QuerySet, Subquery, Window
from django.db.models.functions import RowNumber

from assessments.models import Assessment, Membership, Role, Team
from maturity.selectors import framework_area_names, framework_level_names
from reports.models import AreaScore
from reports.selectors.history import AreaResult, optional_float

LEVELS = range(5)


@dataclass(frozen=True)
class TeamRef:
    team_id: int
    team: str
    organization_id: int
    organization: str


@dataclass(frozen=True)
class RankedAssessment:
    """One of a team's two newest submitted assessments on a framework, with how many it has there."""

    assessment_id: int
    framework: str
    submitted_at: datetime
    report_status: str | None
    level: int | None
    score: float | None
    count: int


@dataclass(frozen=True)
class TeamResults:
    team: TeamRef
    latest: RankedAssessment | None
    previous: RankedAssessment | None  # on the same framework as `latest`


def _ranked(organization_ids: Iterable[int], framework_slug: str | None) -> dict[int, dict[str, list]]:
    """Team id -> framework slug -> its latest and previous submitted assessment there (one query)."""
    assessments = Assessment.objects.filter(
        team__organization_id__in=organization_ids, status=Assessment.Status.SUBMITTED
    )
    if framework_slug is not None:
        assessments = assessments.filter(framework__slug=framework_slug)
    per_framework = [F("team_id"), F("framework__slug")]
    rows = (
        assessments.annotate(
            rank=Window(RowNumber(), partition_by=per_framework, order_by=[F("submitted_at").desc(), F("id").desc()]),
            count=Window(Count("id"), partition_by=per_framework),
        )
        .filter(rank__lte=2)
        .order_by("team_id", "framework__slug", "rank")
        .values_list(
            "team_id",
            "id",
            "framework__slug",
            "submitted_at",
            "report__status",
            "report__overall_level",
            "report__overall_score",
            "count",
        )
    )
    ranked: dict[int, dict[str, list]] = {}
    for team_id, pk, slug, submitted_at, status, level, score, count in rows:
        found = RankedAssessment(pk, slug, submitted_at, status, level, optional_float(score), count)
        ranked.setdefault(team_id, {}).setdefault(slug, []).append(found)
    return ranked


def _results(team: TeamRef, by_framework: dict[str, list[RankedAssessment]]) -> TeamResults:
    if not by_framework:
        return TeamResults(team, None, None)
    newest = max(by_framework.values(), key=lambda pair: (pair[0].submitted_at, pair[0].assessment_id))
    return TeamResults(team, newest[0], newest[1] if len(newest) > 1 else None)


def team_results(
    *, teams: QuerySet[Team], organization_ids: list[int], framework_slug: str | None = None
) -> list[TeamResults]:
    """`teams` in the order to show, each with its latest result (on `framework_slug`, else on whichever
    framework it used last) and the one before on the same framework (two queries)."""
    ranked = _ranked(organization_ids, framework_slug)
    refs = teams.values_list("id", "name", "organization_id", "organization__name")
    return [_results(TeamRef(*ref), ranked.get(ref[0], {})) for ref in refs]


def frameworks_in_use(*, organization_id: int) -> list[str]:
    """The slugs of the frameworks the organisation's submitted assessments were taken on, the most
    recently used first (one query)."""
    return list(
        Assessment.objects.filter(team__organization_id=organization_id, status=Assessment.Status.SUBMITTED)
        .values("framework__slug")
        .annotate(newest=Max("submitted_at"))
        .order_by("-newest", "framework__slug")
        .values_list("framework__slug", flat=True)
    )


@dataclass(frozen=True)
class OrganizationResults:
    framework: str | None  # slug; None: nothing submitted yet
    frameworks: list[str]  # every framework in use, for choosing another
    teams: list[TeamResults]  # by name
    latest_areas: dict[int, dict[str, AreaResult]]  # team id -> area key -> result of its latest assessment
    distribution: dict[str, list[int]]  # area key -> number of teams at level 0..4
    area_names: dict[str, str]  # key -> name, over every version of the framework
    level_names: dict[int, str]


def organization_results(*, organization_id: int, framework_slug: str | None = None) -> OrganizationResults:
    """Each team's latest result on one framework (by default the most recently used one), and the
    distribution of the latest levels per area. Seven queries whatever the number of teams."""
    frameworks = frameworks_in_use(organization_id=organization_id)
    slug = framework_slug or next(iter(frameworks), None)
    teams = active_teams().filter(organization_id=organization_id).order_by("name", "id")
    results = team_results(teams=teams, organization_ids=[organization_id], framework_slug=slug)
    latest = AreaScore.objects.filter(report__assessment_id__in=_latest_assessment_ids(organization_id, slug))
    latest_areas: dict[int, dict[str, AreaResult]] = {}
    for team_id, key, level, score in latest.values_list("report__assessment__team_id", "area_key", "level", "score"):
        latest_areas.setdefault(team_id, {})[key] = AreaResult(level, optional_float(score))
    names = framework_area_names(slug=slug) if slug else {}
    distribution = {key: [0 for _ in LEVELS] for key in names}
    counts = latest.filter(level__in=LEVELS).values("area_key", "level").annotate(teams=Count("*")).order_by()
    for count in counts:
        if count["area_key"] in distribution:
            distribution[count["area_key"]][count["level"]] = count["teams"]
    level_names = framework_level_names(slugs=[slug]).get(slug, {}) if slug else {}
    return OrganizationResults(slug, frameworks, results, latest_areas, distribution, names, level_names)


def _latest_assessment_ids(organization_id: int, framework_slug: str | None):
    """Each team's latest submitted assessment on the framework, as a subquery: looked up once per team
    on the (team, status, submitted_at) index."""
    latest = (
        Assessment.objects.filter(
            team=OuterRef("pk"), status=Assessment.Status.SUBMITTED, framework__slug=framework_slug
        )
        .order_by("-submitted_at", "-id")
        .values("pk")[:1]
    )
    teams = active_teams().filter(organization_id=organization_id).order_by()
    return teams.annotate(latest=Subquery(latest)).values("latest")


def active_teams() -> QuerySet[Team]:
    """Archived teams, and the teams of archived organisations, are history: out of every dashboard."""
    return Team.objects.filter(archived_at__isnull=True, organization__archived_at__isnull=True)


def assessor_organizations(*, user: AbstractBaseUser) -> list[tuple[int, str]]:
    """(id, name) of every organisation where the user is assessor, by name (one query)."""
    return list(
        Membership.objects.filter(user=user, role=Role.ASSESSOR, organization__archived_at__isnull=True)
        .order_by("organization__name", "organization_id")
        .values_list("organization_id", "organization__name")
    )


@dataclass(frozen=True)
class AuditRow:
    assessment_id: int
    number: int  # within its team
    team: str
    organization: str
    created_at: datetime
    created_by: str
    status: str  # draft, or in_review: submitted and waiting for a reviewer
    submitted_by_id: int | None


@dataclass(frozen=True)
class PortfolioResults:
    teams: list[TeamResults]  # by organisation, then team name
    audits: list[AuditRow]  # in draft or in review
    level_names: dict[str, dict[int, str]]  # framework slug -> level number -> name


def portfolio_results(*, organization_ids: list[int]) -> PortfolioResults:
    """For a consultant: every team of the given organisations (where they are assessor), with the latest
    and previous results, and the audits in progress: in draft or in review (four queries)."""
    teams = active_teams().filter(organization_id__in=organization_ids).order_by("organization__name", "name", "id")
    results = team_results(teams=teams, organization_ids=organization_ids)
    audits = (
        Assessment.objects.filter(
            team__in=active_teams().filter(organization_id__in=organization_ids),
            status__in=(Assessment.Status.DRAFT, Assessment.Status.IN_REVIEW),
            kind=Assessment.Kind.AUDIT,
        )
        .order_by("team__organization__name", "team__name", "id")
        .values_list(
            "id",
            "number",
            "team__name",
            "team__organization__name",
            "created_at",
            "created_by__username",
            "status",
            "submitted_by_id",
        )
    )
    slugs = {result.latest.framework for result in results if result.latest is not None}
    return PortfolioResults(results, [AuditRow(*audit) for audit in audits], framework_level_names(slugs=slugs))
