"""A team over time: its submitted assessments with their results, oldest first, and what the history API,
CSV, chart and comparison form make of them. Each read is one query, with its area results in the same
query (LEFT JOINs), whatever the length of the history; no pandas (see reports/dashboards.py).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from rest_framework.renderers import JSONRenderer

from assessments.models import Assessment, Team
from reports.charts import history_figure
from reports.comparison import ScoreChange, score_change
from reports.models import Report


def optional_float(value) -> float | None:
    """A database Decimal (or None) as the API and the charts show it."""
    return None if value is None else float(value)


@dataclass(frozen=True)
class AreaResult:
    level: int | None  # None: not applicable
    score: float | None


@dataclass(frozen=True)
class SubmittedAssessment:
    """A submitted assessment with its report's overall result and, for history, its area results."""

    assessment_id: int
    kind: str
    submitted_at: datetime
    submitted_by: str
    report_status: str | None
    level: int | None
    score: float | None
    areas: dict[str, AreaResult] = field(default_factory=dict)  # area key -> result, when fetched

    @property
    def report_ready(self) -> bool:
        return self.report_status == Report.Status.READY

    @property
    def kind_label(self) -> str:
        return Assessment.Kind(self.kind).label


def submitted_assessments(*, team: Team) -> list[SubmittedAssessment]:
    """The team's submitted assessments with their overall result, oldest first (one query)."""
    rows = (
        Assessment.objects.filter(team=team, status=Assessment.Status.SUBMITTED)
        .order_by("submitted_at", "id")
        .values_list(
            "id", "kind", "submitted_at", "submitted_by__username", "report__status", "report__overall_level",
            "report__overall_score",
        )
    )
    return [
        SubmittedAssessment(pk, kind, submitted_at, by or "", status, level, optional_float(score))
        for pk, kind, submitted_at, by, status, level, score in rows
    ]


def team_history(*, team_id: int) -> list[SubmittedAssessment]:
    """submitted_assessments with each one's area results, in framework order (one query)."""
    return _history(Assessment.objects.filter(team_id=team_id))


def _history(assessments) -> list[SubmittedAssessment]:
    """One row per assessment and area (LEFT JOINs: an assessment without a computed report has none)."""
    rows = (
        assessments.filter(status=Assessment.Status.SUBMITTED)
        .order_by("submitted_at", "id", "report__area_scores__id")
        .values_list(
            "id", "kind", "submitted_at", "submitted_by__username", "report__status", "report__overall_level",
            "report__overall_score", "report__area_scores__area_key", "report__area_scores__level",
            "report__area_scores__score",
        )
    )
    history: dict[int, SubmittedAssessment] = {}
    for pk, kind, submitted_at, by, status, level, score, area_key, area_level, area_score in rows:
        entry = history.get(pk)
        if entry is None:
            entry = history[pk] = SubmittedAssessment(
                pk, kind, submitted_at, by or "", status, level, optional_float(score)
            )
        if area_key is not None:
            entry.areas[area_key] = AreaResult(area_level, optional_float(area_score))
    return list(history.values())


def history_payload(history: list[SubmittedAssessment]) -> list[dict]:
    """The team history as the API shows it: one entry per submitted assessment, oldest first, its areas in
    the order of its framework version."""
    return [
        {
            "id": entry.assessment_id,
            "submitted_at": entry.submitted_at,
            "kind": entry.kind,
            "report_status": entry.report_status,
            "overall": {"level": entry.level, "score": entry.score},
            "areas": [{"key": key, "level": area.level, "score": area.score} for key, area in entry.areas.items()],
        }
        for entry in history
    ]


def history_body(history: list[SubmittedAssessment]) -> str:
    """history_payload as the API's JSON renderer writes it (stored per team: TeamHistory)."""
    return JSONRenderer().render(history_payload(history)).decode()


def history_table(team: Team, history: list[SubmittedAssessment], names: Mapping[str, str]) -> tuple[list, list]:
    """The header and rows of the history CSV: overall figures, then `<area>_level`, `<area>_score`."""
    header = [
        "assessment_id", "team", "organization", "kind", "submitted_at", "submitted_by", "report_status",
        "overall_level", "overall_score",
    ]
    header += [f"{key}_{figure}" for key in names for figure in ("level", "score")]
    rows = []
    for entry in history:
        row = [
            entry.assessment_id, team.name, team.organization.name, entry.kind, entry.submitted_at.isoformat(),
            entry.submitted_by, entry.report_status, entry.level, entry.score,
        ]
        for key in names:
            area = entry.areas.get(key, AreaResult(None, None))
            row += [area.level, area.score]
        rows.append(["" if value is None else value for value in row])
    return header, rows


def history_chart(history: list[SubmittedAssessment], names: Mapping[str, str]) -> dict | None:
    """The progress-over-time figure of the assessments whose report is ready; None without any."""
    ready = [entry for entry in history if entry.report_ready]
    if not ready:
        return None
    areas = {
        name: [entry.areas[key].score if key in entry.areas else None for entry in ready] for key, name in names.items()
    }
    return history_figure(
        dates=[entry.submitted_at for entry in ready], overall=[entry.score for entry in ready], areas=areas
    )


def assessment_choices(history: list[SubmittedAssessment]) -> list[tuple[int, str]]:
    """Newest first, for the two selects of the comparison form."""
    choices = []
    for entry in reversed(history):
        when = date_format(timezone.localtime(entry.submitted_at), "j M Y")
        result = "" if entry.score is None else f", score {entry.score:.2f}"
        choices.append((entry.assessment_id, f"#{entry.assessment_id} {entry.kind_label} of {when}{result}"))
    return choices


@dataclass(frozen=True)
class HistoryRow(SubmittedAssessment):
    """A submitted assessment as the team dashboard lists it."""

    level_name: str = ""
    change: ScoreChange | None = None


def history_rows(history: list[SubmittedAssessment], names: Mapping[int, str]) -> list[HistoryRow]:
    """Newest first, each with the change of overall score since the last assessment before it that has
    a score."""
    rows = []
    previous_score = None
    for entry in history:
        level_name = names.get(entry.level, "") if entry.level is not None else ""
        rows.append(HistoryRow(**vars(entry), level_name=level_name, change=score_change(previous_score, entry.score)))
        previous_score = entry.score if entry.score is not None else previous_score
    return rows[::-1]


def latest_ready_report(*, team: Team) -> Report | None:
    """The report of the team's most recent submitted assessment whose report is ready (one query)."""
    return (
        Report.objects.filter(assessment__team=team, status=Report.Status.READY)
        .select_related("assessment")
        .defer("figures", "payload")
        .order_by("-assessment__submitted_at", "-assessment_id")
        .first()
    )
