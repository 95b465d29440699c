"""The signed-in home page's results: the latest result of each of the user's teams, the reports ready
lately, and the targets not met yet. A fixed number of queries whatever the number of teams. Organisations
where the user is an assessor are left to the portfolio."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from assessments.models import Assessment, Membership, Role
from maturity.selectors import framework_level_names
from reports.models import Report
from reports.selectors.dashboards import TeamResults, active_teams, team_results

# "Ready lately": long enough to span a holiday, short enough that the list is news.
RECENT = timedelta(days=14)
RECENT_LIMIT = 10
UNMET_LIMIT = 20


@dataclass(frozen=True)
class ReadyReport:
    assessment_id: int
    team: str
    kind: str
    number: int
    generated_at: datetime
    level: int | None

    @property
    def title(self) -> str:
        """As Assessment.title names it: "Self-assessment 3 of Fraud detection"."""
        return f"{Assessment.Kind(self.kind).label} {self.number} of {self.team}"


@dataclass(frozen=True)
class UnmetTarget:
    assessment_id: int
    team: str
    area: str
    level: int | None
    target: int
    gap: int


@dataclass(frozen=True)
class HomeResults:
    teams: list[TeamResults]
    level_names: dict[str, dict[int, str]]
    recent: list[ReadyReport]
    unmet: list[UnmetTarget]


def home_results(*, user: AbstractBaseUser, now: datetime | None = None) -> HomeResults | None:
    """None when the user belongs to no organisation other than as an assessor (six queries otherwise)."""
    organization_ids = list(
        Membership.objects.filter(user=user).exclude(role=Role.ASSESSOR).values_list("organization_id", flat=True)
    )
    if not organization_ids:
        return None
    teams = active_teams().filter(organization_id__in=organization_ids).order_by("organization__name", "name", "id")
    results = team_results(teams=teams, organization_ids=organization_ids)
    slugs = {result.latest.framework for result in results if result.latest is not None}
    return HomeResults(
        teams=results,
        level_names=framework_level_names(slugs=slugs),
        recent=_recent(organization_ids, (now or timezone.now()) - RECENT),
        unmet=_unmet(results),
    )


def _recent(organization_ids: list[int], since: datetime) -> list[ReadyReport]:
    reports = (
        Report.objects.filter(
            assessment__team__in=active_teams().filter(organization_id__in=organization_ids),
            status=Report.Status.READY,
            assessment__status=Assessment.Status.SUBMITTED,  # in review: provisional, not a result yet
            generated_at__gte=since,
        )
        .order_by("-generated_at", "-id")
        .values_list(
            "assessment_id",
            "assessment__team__name",
            "assessment__kind",
            "assessment__number",
            "generated_at",
            "overall_level",
        )[:RECENT_LIMIT]
    )
    return [ReadyReport(*report) for report in reports]


def _unmet(results: list[TeamResults]) -> list[UnmetTarget]:
    """Areas of each team's latest ready report below their target, the largest gap first (one query: only
    the areas of each report's content are read)."""
    latest = {
        result.latest.assessment_id: result.team.team
        for result in results
        if result.latest is not None and result.latest.report_status == Report.Status.READY
    }
    areas = Report.objects.filter(assessment_id__in=latest, status=Report.Status.READY).values_list(
        "assessment_id", "content__areas"
    )
    unmet = [
        UnmetTarget(assessment_id, latest[assessment_id], area["name"], area["level"], area["target"], area["gap"])
        for assessment_id, report_areas in areas
        for area in report_areas or []
        if area.get("gap")
    ]
    unmet.sort(key=lambda target: (-target.gap, target.team, target.area))
    return unmet[:UNMET_LIMIT]
