"""What a report is computed from, and the report lookups of the API and pages."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from assessments.models import Answer, Assessment, Team, answer_value
from assessments.selectors.access import visible_assessments
from assessments.selectors.evidence import evidence_dates
from assessments.selectors.surveys import submitted_responses
from assessments.selectors.targets import team_current_targets
from maturity.models import Framework
from maturity.scoring import FrameworkDef
from maturity.selectors import framework_content
from reports.aggregates import Median
from reports.builders.content import FrameworkText, QuestionText
from reports.models import AreaScore, Report
from reports.selectors.history import optional_float


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
    scope: dict[str, bool]  # scope key -> answer (design section 2)
    previous_scores: dict[str, float | None]  # area key -> score of the team's previous assessment
    others_median: dict[str, float]  # area key -> median of the other teams' latest scores
    history: list[HistoryPoint]  # oldest first
    # Survey mode: question key -> the submitted respondents' answers (empty in workshop mode)
    responses: dict[str, list[int | str]] = field(default_factory=dict)
    # Question key -> the valid_until of each piece of evidence on its answer (assessments.evidence), and the
    # day the claims are judged on: the day it was submitted, so recomputing the report never changes them.
    evidence: dict[str, list[date | None]] = field(default_factory=dict)
    judged_on: date | None = None
    answered_by: dict[str, str] = field(default_factory=dict)  # question key -> username of its answer's author


def report_inputs(*, assessment_id: int) -> ReportInputs:
    assessment = Assessment.objects.select_related("team", "framework").get(pk=assessment_id)
    definition, text = framework_definition_and_text(assessment.framework)
    answers: dict[str, int | str] = {}
    comments: dict[str, str] = {}
    answered_by: dict[str, str] = {}
    for key, value, not_applicable, unknown, comment, username in Answer.objects.filter(
        assessment=assessment
    ).values_list("question__key", "value", "not_applicable", "unknown", "comment", "answered_by__username"):
        comments[key] = comment
        if (answer := answer_value(value, not_applicable, unknown)) is not None:  # else a comment before the answer
            answers[key] = answer
            answered_by[key] = username
    slug = assessment.framework.slug
    history = team_history_points(team_id=assessment.team_id, framework_slug=slug, before=assessment.submitted_at)
    targets = team_current_targets(team=assessment.team, framework_slug=slug)
    return ReportInputs(
        assessment=assessment,
        definition=definition,
        text=text,
        answers=answers,
        comments=comments,
        targets={key: target.level for key, target in targets.items()},
        scope=assessment.scope,
        previous_scores=history[-1].scores if history else {},
        others_median=_others_median(assessment),
        history=history,
        responses=submitted_responses(assessment_id=assessment.pk) if assessment.mode == Assessment.Mode.SURVEY else {},
        evidence=evidence_dates(assessment_id=assessment.pk),
        judged_on=timezone.localdate(assessment.submitted_at) if assessment.submitted_at else timezone.localdate(),
        answered_by=answered_by,
    )


def framework_definition_and_text(framework: Framework) -> tuple[FrameworkDef, FrameworkText]:
    """From the framework content, which is read once per process; the text is built on each call (once per
    report computed)."""
    return framework_content(framework=framework).definition, _framework_text(framework)


def _framework_text(framework: Framework) -> FrameworkText:
    content = framework_content(framework=framework)
    questions = [
        QuestionText(q.key, q.area.key, q.level, q.statement, q.guidance, q.recommendation, q.weight)
        for q in content.questions
    ]
    return FrameworkText(
        level_names=content.level_names,
        level_descriptions={level.number: level.description for level in content.levels},
        area_names={area.key: area.name for area in content.areas},
        questions={q.key: q for q in questions},
    )


def team_history_points(*, team_id: int, framework_slug: str, before: datetime | None = None) -> list[HistoryPoint]:
    """The team's submitted assessments on the framework (any version) with a computed report, oldest
    first (one query)."""
    rows = AreaScore.objects.filter(
        report__assessment__team_id=team_id,
        report__assessment__framework__slug=framework_slug,
        report__assessment__status=Assessment.Status.SUBMITTED,  # not one in review (provisional)
        report__generated_at__isnull=False,
    )
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
    """Median per area over the other teams of the organisation, each at its latest computed report on the
    same framework (any version) as of this assessment's submission; aggregated by the database (one query).

    The latest report is looked up once per team (an index scan on team, status, submitted_at), not once
    per area score, and its id goes straight to the area scores' index."""
    latest = (
        Report.objects.filter(
            assessment__team=OuterRef("pk"),
            assessment__framework__slug=assessment.framework.slug,
            assessment__status=Assessment.Status.SUBMITTED,
            assessment__submitted_at__lte=assessment.submitted_at,
            generated_at__isnull=False,
        )
        .order_by("-assessment__submitted_at", "-assessment_id")
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
    return Report.objects.filter(assessment_id=assessment_id).first()


def report_status(*, assessment_id: int) -> str:
    """Where the report of a submitted assessment stands: it exists from the submission on."""
    return Report.objects.filter(assessment_id=assessment_id).values_list("status", flat=True).get()


def report_for_user(*, user: AbstractBaseUser, assessment_id: int) -> Report | None:
    """The report of an assessment in one of the user's organisations, with only what the API sends: its
    status, content and figures, and where its assessment stands on review (one query)."""
    return (
        # The id filters the assessments, whose primary key lookup answers "none" to an id out of range.
        Report.objects.filter(assessment__in=visible_assessments(user=user).filter(pk=assessment_id))
        .select_related("assessment__reviewed_by")
        .only(
            "assessment_id",
            "status",
            "content",
            "figures",
            "error",
            "generated_at",
            *(f"assessment__{name}" for name in ("status", "review_required", "reviewed_at", "reviewed_by")),
            "assessment__reviewed_by__username",
        )
        .first()
    )


IN_PROGRESS = (Report.Status.PENDING, Report.Status.RUNNING)


def reports_in_progress(*, organization_id: int | None = None, team_id: int | None = None) -> int:
    """How many reports of an organisation's (or a team's) assessments the worker has still to finish."""
    reports = Report.objects.filter(status__in=IN_PROGRESS)
    if team_id is not None:
        reports = reports.filter(assessment__team_id=team_id)
    if organization_id is not None:
        reports = reports.filter(assessment__team__organization_id=organization_id)
    return reports.count()
