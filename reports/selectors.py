"""Reads of the reports app: what a report is computed from, and the data sets behind dashboards."""

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from django.db.models import OuterRef, Subquery

from assessments.models import Answer, Assessment
from assessments.selectors import team_current_targets
from maturity.framework_file import QuestionSpec
from maturity.models import Area, Level, Question
from maturity.scoring import NA, AreaDef, FrameworkDef, QuestionDef
from reports.content import FrameworkText
from reports.models import AreaScore, Report


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
    history: pd.DataFrame  # earlier submitted assessments of the team: see team_history_frame


def report_inputs(*, assessment_id: int) -> ReportInputs:
    assessment = Assessment.objects.select_related("team", "framework").get(pk=assessment_id)
    definition, text = framework_definition_and_text(assessment.framework_id)
    answers: dict[str, int | str] = {}
    comments: dict[str, str] = {}
    for key, value, not_applicable, comment in Answer.objects.filter(assessment=assessment).values_list(
        "question__key", "value", "not_applicable", "comment"
    ):
        answers[key] = NA if not_applicable else value
        comments[key] = comment
    history = team_history_frame(team_id=assessment.team_id, before=assessment.submitted_at)
    return ReportInputs(
        assessment=assessment,
        definition=definition,
        text=text,
        answers=answers,
        comments=comments,
        targets={key: target.level for key, target in team_current_targets(team=assessment.team).items()},
        previous_scores=_previous_scores(history),
        others_median=_others_median(assessment),
        history=history,
    )


def framework_definition_and_text(framework_id: int) -> tuple[FrameworkDef, FrameworkText]:
    levels = list(Level.objects.filter(framework_id=framework_id).values_list("number", "name", "description"))
    areas = list(
        Area.objects.filter(framework_id=framework_id).order_by("position").values_list("key", "name", "weight")
    )
    questions = [
        QuestionSpec(*row)
        for row in Question.objects.filter(framework_id=framework_id)
        .order_by("position")
        .values_list("key", "area__key", "level", "statement", "guidance", "recommendation", "weight")
    ]
    definition = FrameworkDef(
        areas=tuple(AreaDef(key=key, weight=weight) for key, _, weight in areas),
        questions=tuple(QuestionDef(key=q.key, area=q.area, level=q.level, weight=q.weight) for q in questions),
    )
    text = FrameworkText(
        level_names={number: name for number, name, _ in levels},
        level_descriptions={number: description for number, _, description in levels},
        area_names={key: name for key, name, _ in areas},
        questions={q.key: q for q in questions},
    )
    return definition, text


def team_history_frame(*, team_id: int, before: datetime | None = None) -> pd.DataFrame:
    """One row per submitted assessment of the team with a computed report, oldest first, indexed by
    `submitted_at`: columns `assessment_id`, `overall_level`, `overall_score`, then one score column
    per area key (NaN where not applicable). One query."""
    rows = AreaScore.objects.filter(report__assessment__team_id=team_id, report__generated_at__isnull=False)
    if before is not None:
        rows = rows.filter(report__assessment__submitted_at__lt=before)
    frame = pd.DataFrame.from_records(
        rows.values_list(
            "report__assessment_id", "report__assessment__submitted_at", "report__overall_level",
            "report__overall_score", "area_key", "score",
        ),
        columns=["assessment_id", "submitted_at", "overall_level", "overall_score", "area_key", "score"],
    )
    return _widen(frame, index=["submitted_at", "assessment_id", "overall_level", "overall_score"])


def _widen(frame: pd.DataFrame, *, index: list[str]) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(columns=index[1:], index=pd.DatetimeIndex([], name=index[0]))
    frame["score"] = frame["score"].astype(float)
    wide = frame.pivot(index=index, columns="area_key", values="score")
    wide.columns.name = None
    wide = wide.reset_index(level=index[1:]).sort_index()
    wide["overall_score"] = wide["overall_score"].astype(float)
    return wide


def _previous_scores(history: pd.DataFrame) -> dict[str, float | None]:
    if history.empty:
        return {}
    last = history.iloc[-1].drop(["assessment_id", "overall_level", "overall_score"])
    return {key: None if pd.isna(value) else float(value) for key, value in last.items()}


def _others_median(assessment: Assessment) -> dict[str, float]:
    """Median per area over the other teams of the organisation, each at its latest report as of this
    assessment's submission. One query."""
    latest = (
        Assessment.objects.filter(
            team=OuterRef("report__assessment__team"),
            status=Assessment.Status.SUBMITTED,
            submitted_at__lte=assessment.submitted_at,
            report__generated_at__isnull=False,
        )
        .order_by("-submitted_at")
        .values("pk")[:1]
    )
    scores = pd.DataFrame.from_records(
        AreaScore.objects.filter(
            report__assessment__team__organization_id=assessment.team.organization_id,
            report__assessment_id=Subquery(latest),
            score__isnull=False,
        )
        .exclude(report__assessment__team_id=assessment.team_id)
        .values_list("area_key", "score"),
        columns=["area_key", "score"],
    )
    if scores.empty:
        return {}
    return scores.astype({"score": float}).groupby("area_key")["score"].median().round(2).to_dict()


def report_for_assessment(*, assessment_id: int) -> Report | None:
    return Report.objects.filter(assessment_id=assessment_id).first()


def report_for_user(*, user, assessment_id: int) -> Report | None:
    """The report of an assessment in one of the user's organisations, in one simple query."""
    if not 0 < assessment_id <= LARGEST_ID:  # a foreign-key lookup is not guarded against overflow
        return None
    return Report.objects.filter(
        assessment_id=assessment_id, assessment__team__organization__memberships__user=user
    ).first()


LARGEST_ID = 2**63 - 1
IN_PROGRESS = (Report.Status.PENDING, Report.Status.RUNNING)


def reports_in_progress(*, organization_id: int | None = None, team_id: int | None = None) -> int:
    """How many reports of an organisation's (or a team's) assessments the worker has still to finish."""
    reports = Report.objects.filter(status__in=IN_PROGRESS)
    if team_id is not None:
        reports = reports.filter(assessment__team_id=team_id)
    if organization_id is not None:
        reports = reports.filter(assessment__team__organization_id=organization_id)
    return reports.count()
