"""Teams side by side: an organisation's dashboard, a consultant's portfolio, and targets; aggregated in
SQL, shaped in plain Python. (A team over time is reports/history.py.)

Every data set is a fixed number of queries whatever the number of teams and assessments: the ranking of
each team's assessments (latest, previous, how many) and the level counts are window functions and
GROUP BY in the database; what comes back is already one row per team or per team and area.
No pandas: these run in web processes, where importing it alone cost a worker about 60 MB.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, OuterRef, Subquery, Window
from django.db.models.functions import RowNumber

from assessments.models import Assessment, Membership, Role, Team
from maturity.models import Area, Level
from maturity.selectors import DEFAULT_FRAMEWORK_SLUG, framework_get
from reports.charts import heatmap_figure, level_distribution_figure
from reports.comparison import ScoreChange, score_change
from reports.history import AreaResult, optional_float
from reports.models import AreaScore, Report

LEVELS = range(5)


def area_names() -> dict[str, str]:
    """Area key -> name, in framework order, from the newest default framework (one query)."""
    framework = framework_get(slug=DEFAULT_FRAMEWORK_SLUG)
    if framework is None:
        return {}
    return dict(Area.objects.filter(framework=framework).order_by("position").values_list("key", "name"))


def level_names() -> dict[int, str]:
    """Level number -> name, from the newest version of the default framework (one query)."""
    rows = Level.objects.filter(framework__slug=DEFAULT_FRAMEWORK_SLUG).order_by("framework__version", "number")
    return dict(rows.values_list("number", "name"))


# --- Teams side by side ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TeamRow:
    """A team's latest submitted assessment, and how it compares with the one before."""

    team_id: int
    team: str
    organization_id: int
    organization: str
    assessment_id: int | None
    submitted_at: datetime | None
    report_status: str | None
    level: int | None
    level_name: str
    score: float | None
    previous_level: int | None
    previous_score: float | None
    change: ScoreChange | None
    regressed: bool
    assessments: int

    @property
    def has_result(self) -> bool:
        return self.assessment_id is not None

    @property
    def report_ready(self) -> bool:
        return self.report_status == Report.Status.READY

    @property
    def improved(self) -> bool:
        if self.regressed:
            return False
        level_up = None not in (self.level, self.previous_level) and self.level > self.previous_level
        return level_up or (self.change is not None and self.change.value > 0)


@dataclass(frozen=True)
class _Ranked:
    """One of a team's two newest submitted assessments (rank 1: the latest), with how many it has."""

    assessment_id: int
    submitted_at: datetime
    report_status: str | None
    level: int | None
    score: float | None
    count: int


def _latest_two(organization_ids: Iterable[int]) -> dict[int, list[_Ranked]]:
    """Team id -> its latest and previous submitted assessment, ranked in the database (one query)."""
    newest_first = [F("submitted_at").desc(), F("id").desc()]
    rows = (
        Assessment.objects.filter(team__organization_id__in=organization_ids, status=Assessment.Status.SUBMITTED)
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("team_id")], order_by=newest_first),
            count=Window(Count("id"), partition_by=[F("team_id")]),
        )
        .filter(rank__lte=2)
        .order_by("team_id", "rank")
        .values_list(
            "team_id", "id", "submitted_at", "report__status", "report__overall_level", "report__overall_score",
            "count",
        )
    )
    ranked: dict[int, list[_Ranked]] = {}
    for team_id, pk, submitted_at, status, level, score, count in rows:
        ranked.setdefault(team_id, []).append(_Ranked(pk, submitted_at, status, level, optional_float(score), count))
    return ranked


def _team_row(team: tuple[int, str, int, str], ranked: list[_Ranked], names: Mapping[int, str]) -> TeamRow:
    team_id, team_name, organization_id, organization = team
    latest = ranked[0] if ranked else None
    previous = ranked[1] if len(ranked) > 1 else None
    level = latest.level if latest else None
    previous_level = previous.level if previous else None
    change = score_change(previous.score if previous else None, latest.score if latest else None)
    fell = None not in (level, previous_level) and level < previous_level
    return TeamRow(
        team_id=team_id,
        team=team_name,
        organization_id=organization_id,
        organization=organization,
        assessment_id=latest.assessment_id if latest else None,
        submitted_at=latest.submitted_at if latest else None,
        report_status=latest.report_status if latest else None,
        level=level,
        level_name=names.get(level, "") if level is not None else "",
        score=latest.score if latest else None,
        previous_level=previous_level,
        previous_score=previous.score if previous else None,
        change=change,
        regressed=bool(fell or (change is not None and change.value < 0)),
        assessments=latest.count if latest else 0,
    )


def _team_rows(teams, organization_ids: list[int]) -> list[TeamRow]:
    """`teams`: a Team queryset in the order to show (two queries more)."""
    ranked = _latest_two(organization_ids)
    names = level_names()
    return [
        _team_row(team, ranked.get(team[0], []), names)
        for team in teams.values_list("id", "name", "organization_id", "organization__name")
    ]


@dataclass(frozen=True)
class OrganizationDashboard:
    teams: list[TeamRow]  # by name
    latest_areas: dict[int, dict[str, AreaResult]]  # team id -> area key -> result of its latest assessment
    distribution: dict[str, list[int]]  # area key -> number of teams at level 0..4
    area_names: dict[str, str]  # key -> name, framework order


def organization_dashboard(*, organization_id: int) -> OrganizationDashboard:
    """Six queries whatever the number of teams and assessments."""
    names = area_names()
    teams = _team_rows(Team.objects.filter(organization_id=organization_id).order_by("name", "id"), [organization_id])
    latest = AreaScore.objects.filter(report__assessment_id__in=_latest_assessment_ids(organization_id))
    latest_areas: dict[int, dict[str, AreaResult]] = {}
    for team_id, key, level, score in latest.values_list("report__assessment__team_id", "area_key", "level", "score"):
        latest_areas.setdefault(team_id, {})[key] = AreaResult(level, optional_float(score))
    distribution = {key: [0 for _ in LEVELS] for key in names}
    counts = latest.filter(level__in=LEVELS).values("area_key", "level").annotate(teams=Count("*")).order_by()
    for count in counts:
        if count["area_key"] in distribution:
            distribution[count["area_key"]][count["level"]] = count["teams"]
    return OrganizationDashboard(teams, latest_areas, distribution, names)


def _latest_assessment_ids(organization_id: int):
    """Each team's latest submitted assessment, as a subquery: looked up once per team on the
    (team, status, submitted_at) index."""
    latest = (
        Assessment.objects.filter(team=OuterRef("pk"), status=Assessment.Status.SUBMITTED)
        .order_by("-submitted_at", "-id")
        .values("pk")[:1]
    )
    return Team.objects.filter(organization_id=organization_id).order_by().annotate(latest=Subquery(latest)).values(
        "latest"
    )


def dashboard_figures(dashboard: OrganizationDashboard) -> dict:
    names = dashboard.area_names
    scored = [row for row in dashboard.teams if row.team_id in dashboard.latest_areas]
    scores = [
        [dashboard.latest_areas[row.team_id].get(key, AreaResult(None, None)).score for key in names] for row in scored
    ]
    return {
        "heatmap": heatmap_figure(teams=[row.team for row in scored], areas=list(names.values()), scores=scores),
        "distribution": level_distribution_figure(
            areas=list(names.values()), counts=[dashboard.distribution[key] for key in names]
        ),
    }


def page_figures(dashboard: OrganizationDashboard) -> dict:
    """dashboard_figures laid out for half the width of a page: the heatmap grows with the number of teams,
    area names slant the same way in both, and the legend of levels stands beside its stack of bars."""
    figures = dashboard_figures(dashboard)
    slanted = {"automargin": True, "tickangle": -35}
    heatmap, distribution = figures["heatmap"], figures["distribution"]
    heatmap["data"][0] |= {"xgap": 2, "ygap": 2}
    heatmap["layout"] |= {
        "height": max(420, 260 + 40 * len(heatmap["data"][0]["y"])),
        "xaxis": dict(slanted),
        "yaxis": {"automargin": True, "autorange": "reversed"},  # teams top down, as in the table
    }
    distribution["layout"] |= {
        "height": max(420, heatmap["layout"]["height"]),
        "xaxis": dict(slanted),
        "legend": {"orientation": "v", "x": 1.02, "y": 1},
    }
    return figures


def dashboard_payload(dashboard: OrganizationDashboard) -> dict:
    """The organisation dashboard as the API shows it."""
    teams = []
    for row in dashboard.teams:
        areas = dashboard.latest_areas.get(row.team_id) if row.has_result else None
        teams.append({
            "id": row.team_id,
            "name": row.team,
            "latest_assessment": row.assessment_id,
            "submitted_at": row.submitted_at,
            "overall": {"level": row.level, "score": row.score},
            "areas": [
                {"key": key, "level": areas[key].level if key in areas else None,
                 "score": areas[key].score if key in areas else None}
                for key in dashboard.area_names
            ] if areas is not None else [],
            "previous_score": row.previous_score,
            "change": row.change.value if row.change is not None else None,
            "regressed": row.regressed,
        })
    distribution = {
        key: {str(level): count for level, count in enumerate(counts)} for key, counts in dashboard.distribution.items()
    }
    return {"teams": teams, "distribution": distribution, "figures": dashboard_figures(dashboard)}


# --- A consultant's portfolio ----------------------------------------------------------------------


def assessor_organizations(*, user: AbstractBaseUser) -> list[tuple[int, str]]:
    """(id, name) of every organisation where the user is assessor, by name (one query)."""
    return list(
        Membership.objects.filter(user=user, role=Role.ASSESSOR)
        .order_by("organization__name", "organization_id")
        .values_list("organization_id", "organization__name")
    )


@dataclass(frozen=True)
class AuditRow:
    assessment_id: int
    team: str
    organization: str
    created_at: datetime
    created_by: str


def portfolio(*, organization_ids: list[int]) -> tuple[list[TeamRow], list[AuditRow]]:
    """For a consultant: every team of the given organisations (where they are assessor), with the latest
    and previous results, and the audits still in draft (four queries)."""
    teams = Team.objects.filter(organization_id__in=organization_ids).order_by("organization__name", "name", "id")
    audits = (
        Assessment.objects.filter(
            team__organization_id__in=organization_ids, status=Assessment.Status.DRAFT, kind=Assessment.Kind.AUDIT
        )
        .order_by("team__organization__name", "team__name", "id")
        .values_list("id", "team__name", "team__organization__name", "created_at", "created_by__username")
    )
    return _team_rows(teams, organization_ids), [AuditRow(*audit) for audit in audits]


@dataclass(frozen=True)
class OrganizationTeams:
    organization_id: int
    name: str
    teams: list[TeamRow]


def by_organization(organizations: list[tuple[int, str]], rows: list[TeamRow]) -> list[OrganizationTeams]:
    """`organizations`: (id, name) in the order to show, from assessor_organizations."""
    return [
        OrganizationTeams(organization_id, name, [row for row in rows if row.organization_id == organization_id])
        for organization_id, name in organizations
    ]


# --- Targets ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaGap:
    key: str
    name: str
    level: int | None
    score: float | None
    target: int | None

    @property
    def gap(self) -> int | None:
        return None if self.target is None or self.level is None else max(self.target - self.level, 0)


def target_gaps(areas: list[dict], targets: Mapping[str, int]) -> list[AreaGap]:
    """The report's area levels against the team's current targets (`areas`: a report's content areas)."""
    return [
        AreaGap(area["key"], area["name"], area["level"], area["score"], targets.get(area["key"])) for area in areas
    ]
