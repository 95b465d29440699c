"""Reads of the reports app: what a report is computed from, and the report lookups of the API and pages."""

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from django.db import connection
from django.db.models import OuterRef, Subquery

from assessments.models import Answer, Assessment, Team
from assessments.selectors import team_current_targets
from maturity.framework_file import QuestionSpec
from maturity.models import Framework
from maturity.scoring import NA, FrameworkDef
from maturity.selectors import FrameworkContent, framework_content
from reports.aggregates import Median
from reports.content import FrameworkText
from reports.history import optional_float
from reports.models import AreaScore, Report


@dataclass(frozen=True)
class HistoryPoint:
    """An earlier submitted assessment of the team whose report has been computed."""

    assessment_id: int
    submitted_at: datetime
    overall_score: float | None
    scores: dict[str, float | None] = field(default_factory=dict)  # area key -> score (None: not applicable)


@dataclass(frozen=True)
class ReportInputs:
    assessment: Assessment
    definition: FrameworkDef
    text: FrameworkText
    answers: dict[str, int | str]
    comments: dict[str, str]
    targets: dict[str, int]
    previous_scores: dict[str, float | None]  # area key -> score of the team's previous assessment
    others_median: dict[str, float]  # area key -> median of the other teams' latest scores
    history: list[HistoryPoint]  # oldest first


def report_inputs(*, assessment_id: int) -> ReportInputs:
    assessment = Assessment.objects.select_related("team", "framework").get(pk=assessment_id)
    definition, text = framework_definition_and_text(assessment.framework)
    answers: dict[str, int | str] = {}
    comments: dict[str, str] = {}
    for key, value, not_applicable, comment in Answer.objects.filter(assessment=assessment).values_list(
        "question__key", "value", "not_applicable", "comment"
    ):
        answers[key] = NA if not_applicable else value
        comments[key] = comment
    history = team_history_points(team_id=assessment.team_id, before=assessment.submitted_at)
    return ReportInputs(
        assessment=assessment,
        definition=definition,
        text=text,
        answers=answers,
        comments=comments,
        targets={key: target.level for key, target in team_current_targets(team=assessment.team).items()},
        previous_scores=history[-1].scores if history else {},
        others_median=_others_median(assessment),
        history=history,
    )


def framework_definition_and_text(framework: Framework) -> tuple[FrameworkDef, FrameworkText]:
    """Built once per process, like the framework content it comes from."""
    content = framework_content(framework=framework)
    return content.definition, _framework_text(content)


@lru_cache(maxsize=32)
def _framework_text(content: FrameworkContent) -> FrameworkText:
    questions = [
        QuestionSpec(q.key, q.area.key, q.level, q.statement, q.guidance, q.recommendation, q.weight)
        for q in content.questions
    ]
    return FrameworkText(
        level_names=content.level_names,
        level_descriptions={level.number: level.description for level in content.levels},
        area_names={area.key: area.name for area in content.areas},
        questions={q.key: q for q in questions},
    )


def team_history_points(*, team_id: int, before: datetime | None = None) -> list[HistoryPoint]:
    """The team's submitted assessments with a computed report, oldest first (one query)."""
    rows = AreaScore.objects.filter(report__assessment__team_id=team_id, report__generated_at__isnull=False)
    if before is not None:
        rows = rows.filter(report__assessment__submitted_at__lt=before)
    points: dict[int, HistoryPoint] = {}
    for assessment_id, submitted_at, overall, key, score in rows.order_by(
        "report__assessment__submitted_at", "report__assessment_id"
    ).values_list(
        "report__assessment_id", "report__assessment__submitted_at", "report__overall_score", "area_key", "score"
    ):
        point = points.get(assessment_id)
        if point is None:
            point = points[assessment_id] = HistoryPoint(assessment_id, submitted_at, optional_float(overall))
        point.scores[key] = optional_float(score)
    return list(points.values())


def _others_median(assessment: Assessment) -> dict[str, float]:
    """Median per area over the other teams of the organisation, each at its latest computed report as
    of this assessment's submission; aggregated by the database (one query).

    The latest report is looked up once per team (an index scan on team, status, submitted_at), not once
    per area score, and its id goes straight to the area scores' index."""
    latest = (
        Report.objects.filter(
            assessment__team=OuterRef("pk"),
            assessment__status=Assessment.Status.SUBMITTED,
            assessment__submitted_at__lte=assessment.submitted_at,
            generated_at__isnull=False,
        )
        .order_by("-assessment__submitted_at")
        .values("pk")[:1]
    )
    others_latest = (
        Team.objects.filter(organization_id=assessment.team.organization_id)
        .exclude(pk=assessment.team_id)
        .order_by()
        .annotate(latest=Subquery(latest))
        .values("latest")
    )
    medians = (
        AreaScore.objects.filter(report_id__in=others_latest, score__isnull=False)
        .values("area_key")
        .annotate(median=Median("score"))
        .order_by()
        .values_list("area_key", "median")
    )
    return {key: round(median, 2) for key, median in medians}


def report_for_assessment(*, assessment_id: int) -> Report | None:
    """For the report page, which shows content and figures: not the API's rendered copy of both."""
    return Report.objects.filter(assessment_id=assessment_id).defer("payload").first()


# The report endpoint is the API's most requested read; written by hand, its lookup skips the ORM's
# query compiler, which costs more than the query itself. The membership join is the tenancy check.
REPORT_OF_MEMBER = """
    SELECT r.id, r.assessment_id, r.status, r.payload, r.error, r.revision
    FROM reports_report r
    JOIN assessments_assessment a ON a.id = r.assessment_id
    JOIN assessments_team t ON t.id = a.team_id
    JOIN assessments_membership m ON m.organization_id = t.organization_id
    WHERE r.assessment_id = %s AND m.user_id = %s
"""
# In the model's field order, as Model.from_db takes a subset of them.
REPORT_OF_MEMBER_FIELDS = ("id", "assessment_id", "status", "payload", "error", "revision")


def report_for_user(*, user, assessment_id: int) -> Report | None:
    """The report of an assessment in one of the user's organisations (one query), with only what the
    API sends: a ready report's pre-rendered payload, or the status of one still in progress. Other fields
    load when read. A plain cursor: a raw queryset's machinery costs as much as the query."""
    if not 0 < assessment_id <= LARGEST_ID:  # a foreign-key lookup is not guarded against overflow
        return None
    with connection.cursor() as cursor:
        cursor.execute(REPORT_OF_MEMBER, [assessment_id, user.pk])
        row = cursor.fetchone()
    return None if row is None else Report.from_db(connection.alias, REPORT_OF_MEMBER_FIELDS, row)


LARGEST_ID = 2**63 - 1

TEAM_HISTORY_OF_MEMBER = """
    SELECT h.version, h.payload, (
        SELECT COUNT(*) || ':' || COALESCE(SUM(a.id), 0) || ':' || COUNT(r.id) || ':' || COALESCE(SUM(r.id), 0)
            || ':' || COALESCE(SUM(r.revision), 0)
        FROM assessments_assessment a
        LEFT JOIN reports_report r ON r.assessment_id = a.id
        WHERE a.team_id = t.id AND a.status = %s
    )
    FROM assessments_team t
    JOIN assessments_membership m ON m.organization_id = t.organization_id
    LEFT JOIN reports_teamhistory h ON h.team_id = t.id
    WHERE t.id = %s AND m.user_id = %s
"""


@dataclass(frozen=True)
class StoredTeamHistory:
    version: str  # of the team's reports now (TeamHistory)
    payload: str | None  # the stored body, if it is of that version


def stored_team_history_for_user(*, user, team_id: int) -> StoredTeamHistory | None:
    """The current version of the history of a team in one of the user's organisations and, when it is
    current, its stored body; None for any other team. One query, the membership join being the tenancy
    check."""
    if not 0 < team_id <= LARGEST_ID:
        return None
    with connection.cursor() as cursor:
        cursor.execute(TEAM_HISTORY_OF_MEMBER, [Assessment.Status.SUBMITTED.value, team_id, user.pk])
        row = cursor.fetchone()
    if row is None:
        return None
    stored_version, payload, version = row
    return StoredTeamHistory(version=version, payload=payload if stored_version == version else None)


IN_PROGRESS = (Report.Status.PENDING, Report.Status.RUNNING)


def reports_in_progress(*, organization_id: int | None = None, team_id: int | None = None) -> int:
    """How many reports of an organisation's (or a team's) assessments the worker has still to finish."""
    reports = Report.objects.filter(status__in=IN_PROGRESS)
    if team_id is not None:
        reports = reports.filter(assessment__team_id=team_id)
    if organization_id is not None:
        reports = reports.filter(assessment__team__organization_id=organization_id)
    return reports.count()
