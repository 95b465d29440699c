"""Data sets behind history, dashboards and exports: one query per data set, shaped with pandas.

Nothing here loops over teams or assessments with queries; the number of queries is fixed.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.formats import date_format

from assessments.models import Assessment, Membership, Role, Team
from maturity.models import Area, Level
from maturity.selectors import DEFAULT_FRAMEWORK_SLUG, framework_get
from reports.charts import heatmap_figure, level_distribution_figure
from reports.comparison import ScoreChange, score_change
from reports.models import AreaScore, Report

ASSESSMENT_COLUMNS = {
    "id": "assessment_id",
    "team_id": "team_id",
    "team__name": "team",
    "team__organization_id": "organization_id",
    "team__organization__name": "organization",
    "kind": "kind",
    "submitted_at": "submitted_at",
    "submitted_by__username": "submitted_by",
    "report__status": "report_status",
    "report__overall_level": "overall_level",
    "report__overall_score": "overall_score",
}


def area_names() -> dict[str, str]:
    """Area key -> name, in framework order, from the newest default framework (one query)."""
    framework = framework_get(slug=DEFAULT_FRAMEWORK_SLUG)
    if framework is None:
        return {}
    return dict(Area.objects.filter(framework=framework).order_by("position").values_list("key", "name"))


def submitted_assessments_frame(assessments) -> pd.DataFrame:
    """Submitted assessments with their report's overall figures, oldest first (one query)."""
    rows = assessments.filter(status=Assessment.Status.SUBMITTED).order_by("submitted_at", "id")
    frame = pd.DataFrame.from_records(rows.values_list(*ASSESSMENT_COLUMNS), columns=list(ASSESSMENT_COLUMNS.values()))
    frame["overall_score"] = pd.to_numeric(frame["overall_score"], errors="coerce").astype(float)
    frame["overall_level"] = frame["overall_level"].astype("Int64")
    for column in ("team", "organization", "kind", "report_status"):
        frame[column] = frame[column].astype("category")
    return frame


def area_scores_frame(assessment_ids) -> pd.DataFrame:
    """Long format: assessment_id, area_key, level, score (one query; `assessment_ids` may be a
    subquery, so this stays one query)."""
    frame = pd.DataFrame.from_records(
        AreaScore.objects.filter(report__assessment_id__in=assessment_ids).values_list(
            "report__assessment_id", "area_key", "level", "score"
        ),
        columns=["assessment_id", "area_key", "level", "score"],
    )
    frame["score"] = pd.to_numeric(frame["score"], errors="coerce").astype(float)
    frame["level"] = frame["level"].astype("Int64")
    frame["area_key"] = frame["area_key"].astype("category")
    return frame


def team_history(*, team: Team) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The team's submitted assessments oldest first, and their area scores (two queries)."""
    assessments = Assessment.objects.filter(team=team)
    frame = submitted_assessments_frame(assessments)
    areas = area_scores_frame(assessments.filter(status=Assessment.Status.SUBMITTED).values("pk"))
    return frame, areas


def history_wide(frame: pd.DataFrame, areas: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """One row per assessment: overall figures, then `<area>_level` and `<area>_score` per area."""
    wide = frame.set_index("assessment_id")
    for key in names:
        one = areas[areas["area_key"] == key].set_index("assessment_id")
        wide[f"{key}_level"] = one["level"].reindex(wide.index)
        wide[f"{key}_score"] = one["score"].reindex(wide.index)
    return wide.reset_index()


@dataclass(frozen=True)
class OrganizationDashboard:
    teams: pd.DataFrame  # one row per team: latest and previous overall figures, change, regressed
    scores: pd.DataFrame  # team name x area key: latest score
    levels: pd.DataFrame  # team name x area key: latest level
    distribution: pd.DataFrame  # area key x level 0..4: number of teams
    area_names: dict[str, str]  # key -> name, framework order


def organization_dashboard(*, organization_id: int) -> OrganizationDashboard:
    """Four queries whatever the number of teams and assessments."""
    names = area_names()
    teams = pd.DataFrame.from_records(
        Team.objects.filter(organization_id=organization_id).order_by("name").values_list("id", "name"),
        columns=["team_id", "team"],
    )
    history = submitted_assessments_frame(Assessment.objects.filter(team__organization_id=organization_id))
    latest_ids = _latest_assessment_ids(organization_id)
    areas = area_scores_frame(latest_ids)
    summary = _team_summary(teams, history)
    id_to_team = dict(zip(summary["latest_assessment_id"], summary["team"], strict=False))
    areas["team"] = areas["assessment_id"].map(id_to_team)
    scores = areas.pivot_table(index="team", columns="area_key", values="score", observed=False, aggfunc="first")
    levels = areas.pivot_table(index="team", columns="area_key", values="level", observed=False, aggfunc="first")
    keys = list(names)
    distribution = (
        areas.dropna(subset=["level"])
        .astype({"level": int})
        .groupby(["area_key", "level"], observed=False)
        .size()
        .unstack(fill_value=0)
        .reindex(index=keys, columns=range(5), fill_value=0)
    )
    return OrganizationDashboard(
        teams=summary,
        scores=scores.reindex(columns=keys),
        levels=levels.reindex(columns=keys),
        distribution=distribution,
        area_names=names,
    )


def dashboard_figures(dashboard: OrganizationDashboard) -> dict:
    names = dashboard.area_names
    return {
        "heatmap": heatmap_figure(dashboard.scores.rename(columns=names)),
        "distribution": level_distribution_figure(dashboard.distribution.rename(index=names)),
    }


def page_figures(dashboard: OrganizationDashboard) -> dict:
    """dashboard_figures laid out for half the width of a page: the heatmap grows with the number of teams,
    area names slant the same way in both, and the legend of levels stands beside its stack of bars."""
    figures = dashboard_figures(dashboard)
    slanted = {"automargin": True, "tickangle": -35}
    heatmap, distribution = figures["heatmap"], figures["distribution"]
    heatmap["data"][0] |= {"xgap": 2, "ygap": 2}
    heatmap["layout"] |= {
        "height": max(420, 260 + 40 * len(dashboard.scores.index)),
        "xaxis": dict(slanted),
        "yaxis": {"automargin": True, "autorange": "reversed"},  # teams top down, as in the table
    }
    distribution["layout"] |= {
        "height": max(420, heatmap["layout"]["height"]),
        "xaxis": dict(slanted),
        "legend": {"orientation": "v", "x": 1.02, "y": 1},
    }
    return figures


def _number(value) -> float | int | None:
    return None if pd.isna(value) else value.item() if hasattr(value, "item") else value


def dashboard_payload(dashboard: OrganizationDashboard) -> dict:
    """The organisation dashboard as the API shows it."""
    teams = []
    for row in dashboard.teams.itertuples(index=False):
        has_result = not pd.isna(row.latest_assessment_id)
        scores = dashboard.scores.loc[row.team] if has_result and row.team in dashboard.scores.index else None
        levels = dashboard.levels.loc[row.team] if scores is not None else None
        teams.append({
            "id": int(row.team_id),
            "name": row.team,
            "latest_assessment": int(row.latest_assessment_id) if has_result else None,
            "submitted_at": None if pd.isna(row.submitted_at) else row.submitted_at,
            "overall": {"level": _number(row.overall_level), "score": _number(row.overall_score)},
            "areas": [
                {"key": key, "level": _number(levels[key]), "score": _number(scores[key])}
                for key in dashboard.area_names
            ] if scores is not None else [],
            "previous_score": _number(row.previous_score),
            "change": _number(row.change),
            "regressed": bool(row.regressed),
        })
    distribution = {
        key: {str(level): int(count) for level, count in counts.items()}
        for key, counts in dashboard.distribution.iterrows()
    }
    return {"teams": teams, "distribution": distribution, "figures": dashboard_figures(dashboard)}


def history_payload(frame: pd.DataFrame, areas: pd.DataFrame, names: dict[str, str]) -> list[dict]:
    """The team history as the API shows it: one entry per submitted assessment, oldest first."""
    by_assessment = dict(list(areas.groupby("assessment_id", observed=True)))
    entries = []
    for row in frame.itertuples(index=False):
        rows = by_assessment.get(row.assessment_id)
        scores = {} if rows is None else {r.area_key: r for r in rows.itertuples(index=False)}
        entries.append({
            "id": int(row.assessment_id),
            "submitted_at": row.submitted_at,
            "kind": row.kind,
            "report_status": None if pd.isna(row.report_status) else row.report_status,
            "overall": {"level": _number(row.overall_level), "score": _number(row.overall_score)},
            "areas": [
                {"key": key, "level": _number(scores[key].level), "score": _number(scores[key].score)}
                for key in names
                if key in scores
            ],
        })
    return entries


def _latest_assessment_ids(organization_id: int):
    latest = (
        Assessment.objects.filter(team=OuterRef("team"), status=Assessment.Status.SUBMITTED)
        .order_by("-submitted_at", "-id")
        .values("pk")[:1]
    )
    return Assessment.objects.filter(team__organization_id=organization_id, pk=Subquery(latest)).values("pk")


def _team_summary(teams: pd.DataFrame, history: pd.DataFrame) -> pd.DataFrame:
    """Latest and previous submitted assessment of each team, and whether the team regressed."""
    ordered = history.sort_values(["team_id", "submitted_at", "assessment_id"])
    latest = ordered.groupby("team_id", observed=True).tail(1).set_index("team_id")
    previous = ordered.groupby("team_id", observed=True).nth(-2).set_index("team_id")
    summary = teams.set_index("team_id")
    summary["latest_assessment_id"] = latest["assessment_id"].reindex(summary.index).astype("Int64")
    summary["submitted_at"] = latest["submitted_at"].reindex(summary.index)
    summary["report_status"] = latest["report_status"].reindex(summary.index).astype(object)
    summary["overall_level"] = latest["overall_level"].reindex(summary.index)
    summary["overall_score"] = latest["overall_score"].reindex(summary.index)
    summary["previous_level"] = previous["overall_level"].reindex(summary.index)
    summary["previous_score"] = previous["overall_score"].reindex(summary.index)
    summary["assessments"] = ordered.groupby("team_id", observed=True).size().reindex(summary.index, fill_value=0)
    summary["change"] = (summary["overall_score"] - summary["previous_score"]).round(2)
    summary["regressed"] = (summary["change"] < 0) | (summary["overall_level"] < summary["previous_level"])
    summary["regressed"] = summary["regressed"].fillna(False).astype(bool)
    return summary.reset_index()


def assessor_organization_ids(*, user: AbstractBaseUser) -> list[int]:
    return list(
        Membership.objects.filter(user=user, role=Role.ASSESSOR).order_by("organization__name").values_list(
            "organization_id", flat=True
        )
    )


def portfolio(*, user: AbstractBaseUser) -> tuple[pd.DataFrame, pd.DataFrame]:
    """For a consultant: every team of every organisation where they are assessor, with the latest
    and previous results (as organization_dashboard's `teams`), and the audits still in draft."""
    organization_ids = assessor_organization_ids(user=user)
    teams = pd.DataFrame.from_records(
        Team.objects.filter(organization_id__in=organization_ids)
        .order_by("organization__name", "name")
        .values_list("id", "name", "organization_id", "organization__name"),
        columns=["team_id", "team", "organization_id", "organization"],
    )
    history = submitted_assessments_frame(Assessment.objects.filter(team__organization_id__in=organization_ids))
    drafts = pd.DataFrame.from_records(
        Assessment.objects.filter(
            team__organization_id__in=organization_ids, status=Assessment.Status.DRAFT, kind=Assessment.Kind.AUDIT
        )
        .order_by("team__organization__name", "team__name")
        .values_list("id", "team__name", "team__organization__name", "created_at", "created_by__username"),
        columns=["assessment_id", "team", "organization", "created_at", "created_by"],
    )
    return _team_summary(teams, history), drafts


def assessor_organizations(*, user: AbstractBaseUser) -> list[tuple[int, str]]:
    """(id, name) of every organisation where the user is assessor, by name (one query)."""
    return list(
        Membership.objects.filter(user=user, role=Role.ASSESSOR)
        .order_by("organization__name", "organization_id")
        .values_list("organization_id", "organization__name")
    )


def level_names() -> dict[int, str]:
    """Level number -> name, from the newest version of the default framework (one query)."""
    rows = Level.objects.filter(framework__slug=DEFAULT_FRAMEWORK_SLUG).order_by("framework__version", "number")
    return dict(rows.values_list("number", "name"))


def latest_ready_report(*, team: Team) -> Report | None:
    """The report of the team's most recent submitted assessment whose report is ready (one query)."""
    return (
        Report.objects.filter(assessment__team=team, status=Report.Status.READY)
        .select_related("assessment")
        .defer("figures")
        .order_by("-assessment__submitted_at", "-assessment_id")
        .first()
    )


# --- Shaping for the web pages: pure functions of the data sets above ---


@dataclass(frozen=True)
class TeamRow:
    """A team's latest submitted assessment, and how it compares with the one before."""

    team_id: int
    team: str
    organization_id: int | None
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


def team_rows(summary: pd.DataFrame, names: Mapping[int, str]) -> list[TeamRow]:
    """`summary`: the `teams` of organization_dashboard or the first frame of portfolio."""
    rows = []
    for row in summary.itertuples(index=False):
        level, previous_level = _optional_int(row.overall_level), _optional_int(row.previous_level)
        rows.append(
            TeamRow(
                team_id=int(row.team_id),
                team=row.team,
                organization_id=_optional_int(getattr(row, "organization_id", None)),
                organization=getattr(row, "organization", ""),
                assessment_id=_optional_int(row.latest_assessment_id),
                submitted_at=None if pd.isna(row.submitted_at) else row.submitted_at.to_pydatetime(),
                report_status=None if pd.isna(row.report_status) else str(row.report_status),
                level=level,
                level_name=names.get(level, "") if level is not None else "",
                score=_optional_float(row.overall_score),
                previous_level=previous_level,
                previous_score=_optional_float(row.previous_score),
                change=score_change(_optional_float(row.previous_score), _optional_float(row.overall_score)),
                regressed=bool(row.regressed),
                assessments=int(row.assessments),
            )
        )
    return rows


def history_chart_frame(frame: pd.DataFrame, areas: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """What history_figure draws, from team_history: assessments with a ready report, indexed by
    submission time, an `overall` column and one score column per area name."""
    ready = frame[frame["report_status"].astype(object) == Report.Status.READY]
    wide = history_wide(ready, areas, dict(names))
    columns = {"overall_score": "overall"} | {f"{key}_score": name for key, name in names.items()}
    chart = wide.set_index(pd.DatetimeIndex(wide["submitted_at"]))[list(columns)].rename(columns=columns)
    return chart.astype(float)


def assessment_choices(frame: pd.DataFrame) -> list[tuple[int, str]]:
    """Newest first, for the two selects of the comparison form: `frame` from team_history."""
    choices = []
    for row in frame.iloc[::-1].itertuples(index=False):
        when = date_format(timezone.localtime(row.submitted_at.to_pydatetime()), "j M Y")
        kind = Assessment.Kind(row.kind).label
        result = "" if pd.isna(row.overall_score) else f", score {row.overall_score:.2f}"
        choices.append((int(row.assessment_id), f"#{row.assessment_id} {kind} of {when}{result}"))
    return choices


@dataclass(frozen=True)
class HistoryRow:
    assessment_id: int
    kind: str
    submitted_at: datetime
    submitted_by: str
    report_status: str | None
    level: int | None
    level_name: str
    score: float | None
    change: ScoreChange | None

    @property
    def report_ready(self) -> bool:
        return self.report_status == Report.Status.READY


def history_rows(frame: pd.DataFrame, names: Mapping[int, str]) -> list[HistoryRow]:
    """Newest first, each with the change of overall score since the assessment before it (`frame`: from
    team_history)."""
    rows = []
    previous_score = None
    for row in frame.itertuples(index=False):
        level, score = _optional_int(row.overall_level), _optional_float(row.overall_score)
        rows.append(
            HistoryRow(
                assessment_id=int(row.assessment_id),
                kind=Assessment.Kind(row.kind).label,
                submitted_at=row.submitted_at.to_pydatetime(),
                submitted_by=row.submitted_by,
                report_status=None if pd.isna(row.report_status) else str(row.report_status),
                level=level,
                level_name=names.get(level, "") if level is not None else "",
                score=score,
                change=score_change(previous_score, score),
            )
        )
        previous_score = score if score is not None else previous_score
    return rows[::-1]


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


@dataclass(frozen=True)
class AuditRow:
    assessment_id: int
    team: str
    organization: str
    created_at: datetime
    created_by: str


def audit_rows(drafts: pd.DataFrame) -> list[AuditRow]:
    """`drafts`: the second frame of portfolio."""
    return [
        AuditRow(int(row.assessment_id), row.team, row.organization, row.created_at.to_pydatetime(), row.created_by)
        for row in drafts.itertuples(index=False)
    ]


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


def _optional_int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _optional_float(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)
