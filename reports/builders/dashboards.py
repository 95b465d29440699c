"""Teams side by side, shaped for pages and the API (pure: reports.selectors.dashboards' dataclasses in)."""

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime

from maturity.scoring import Movement, movement
from reports.builders.charts import heatmap_figure, level_distribution_figure
from reports.builders.comparison import ScoreChange, score_change
from reports.models import Report
from reports.selectors.dashboards import AuditRow, OrganizationResults, TeamResults
from reports.selectors.history import AreaResult


@dataclass(frozen=True)
class TeamRow:
    """A team's latest submitted assessment, and how it compares with the one before on its framework."""

    team_id: int
    team: str
    organization_id: int
    organization: str
    framework: str | None
    assessment_id: int | None
    submitted_at: datetime | None
    report_status: str | None
    level: int | None
    level_name: str
    score: float | None
    previous_level: int | None
    previous_score: float | None
    change: ScoreChange | None
    movement: Movement | None  # since the previous assessment on the same framework (maturity.scoring)
    assessments: int

    @property
    def has_result(self) -> bool:
        return self.assessment_id is not None

    @property
    def report_ready(self) -> bool:
        return self.report_status == Report.Status.READY

    @property
    def improved(self) -> bool:
        return self.movement == "improved"

    @property
    def regressed(self) -> bool:
        return self.movement == "regressed"


def team_row(results: TeamResults, level_names: Mapping[str, Mapping[int, str]]) -> TeamRow:
    """`level_names`: framework slug -> level number -> name."""
    team, latest, previous = results.team, results.latest, results.previous
    level = latest.level if latest else None
    previous_level = previous.level if previous else None
    before, after = previous.score if previous else None, latest.score if latest else None
    names = level_names.get(latest.framework, {}) if latest else {}
    return TeamRow(
        team_id=team.team_id,
        team=team.team,
        organization_id=team.organization_id,
        organization=team.organization,
        framework=latest.framework if latest else None,
        assessment_id=latest.assessment_id if latest else None,
        submitted_at=latest.submitted_at if latest else None,
        report_status=latest.report_status if latest else None,
        level=level,
        level_name=names.get(level, "") if level is not None else "",
        score=latest.score if latest else None,
        previous_level=previous_level,
        previous_score=previous.score if previous else None,
        change=score_change(before, after),
        movement=movement(before, after),
        assessments=latest.count if latest else 0,
    )


def organization_rows(results: OrganizationResults) -> list[TeamRow]:
    names = {results.framework: results.level_names} if results.framework else {}
    return [team_row(team, names) for team in results.teams]


def dashboard_figures(results: OrganizationResults) -> dict:
    names = results.area_names
    scored = [result.team for result in results.teams if result.team.team_id in results.latest_areas]
    scores = [
        [results.latest_areas[team.team_id].get(key, AreaResult(None, None)).score for key in names] for team in scored
    ]
    return {
        "heatmap": heatmap_figure(teams=[team.team for team in scored], areas=list(names.values()), scores=scores),
        "distribution": level_distribution_figure(
            areas=list(names.values()), counts=[results.distribution[key] for key in names]
        ),
    }


def page_figures(results: OrganizationResults) -> dict:
    """dashboard_figures laid out for half the width of a page: the heatmap grows with the number of teams,
    area names slant the same way in both, and the legend of levels stands beside its stack of bars."""
    figures = dashboard_figures(results)
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


def dashboard_payload(results: OrganizationResults) -> dict:
    """The organisation dashboard as the API shows it (DashboardOutputSerializer)."""
    teams = []
    for row in organization_rows(results):
        areas = results.latest_areas.get(row.team_id) if row.has_result else None
        teams.append(
            {
                "id": row.team_id,
                "name": row.team,
                "latest_assessment": row.assessment_id,
                "submitted_at": row.submitted_at,
                "overall": {"level": row.level, "score": row.score},
                "areas": [
                    {
                        "key": key,
                        "level": areas[key].level if key in areas else None,
                        "score": areas[key].score if key in areas else None,
                    }
                    for key in results.area_names
                ]
                if areas is not None
                else [],
                "previous_score": row.previous_score,
                "change": row.change.value if row.change is not None else None,
                "movement": row.movement,
                "regressed": row.regressed,
            }
        )
    distribution = {
        key: {str(level): count for level, count in enumerate(counts)} for key, counts in results.distribution.items()
    }
    return {
        "framework": results.framework,
        "teams": teams,
        "distribution": distribution,
        "figures": dashboard_figures(results),
    }


@dataclass(frozen=True)
class OrganizationTeams:
    organization_id: int
    name: str
    teams: list[TeamRow]


def by_organization(organizations: list[tuple[int, str]], rows: list[TeamRow]) -> list[OrganizationTeams]:
    """`organizations`: (id, name) in the order to show, from selectors.dashboards.assessor_organizations."""
    return [
        OrganizationTeams(organization_id, name, [row for row in rows if row.organization_id == organization_id])
        for organization_id, name in organizations
    ]


# --- Targets ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditLink:
    """An audit in progress, and the page of it that fits the person looking: "questionnaire" (a draft: the
    questionnaire, or a respondent's own answers), "signoff" (in review, and theirs to decide), "summary" (in
    review, submitted by them: where it stands) or "report" (in review, read only: the provisional report)."""

    audit: AuditRow
    page: str


def audit_links(audits: list[AuditRow], *, user_id: int, reviewable: Collection[int]) -> list[AuditLink]:
    """`reviewable`: ids of the assessments the user may accept or return (assessments.selectors.reviews)."""
    return [AuditLink(audit, _audit_page(audit, user_id, reviewable)) for audit in audits]


def _audit_page(audit: AuditRow, user_id: int, reviewable: Collection[int]) -> str:
    if audit.status != "in_review":
        return "questionnaire"
    if audit.assessment_id in reviewable:
        return "signoff"
    return "summary" if audit.submitted_by_id == user_id else "report"


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
