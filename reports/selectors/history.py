"""A team over time: its submitted assessments with their results, oldest first. Each read is one query,
with its area results in the same query (LEFT JOINs), whatever the length of the history."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet

from assessments.models import Assessment, Team
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
    number: int  # within the team: "Self-assessment 3"
    kind: str
    framework: str  # slug: versions of one framework line up by area key, other frameworks never mix
    framework_version: int
    submitted_at: datetime
    submitted_by: str
    report_status: str | None
    level: int | None
    score: float | None
    areas: dict[str, AreaResult] = field(default_factory=dict)  # area key -> result, when fetched
    systems_covered: str = ""  # the ML systems it covers, as it names them

    @property
    def report_ready(self) -> bool:
        return self.report_status == Report.Status.READY

    @property
    def kind_label(self) -> str:
        return Assessment.Kind(self.kind).label

    @property
    def short_title(self) -> str:
        return f"{self.kind_label} {self.number}"


OVERALL_COLUMNS = (
    "id",
    "number",
    "kind",
    "framework__slug",
    "framework__version",
    "submitted_at",
    "submitted_by__username",
    "report__status",
    "report__overall_level",
    "report__overall_score",
    "systems_covered",
)
AREA_COLUMNS = ("report__area_scores__area_key", "report__area_scores__level", "report__area_scores__score")


def _submitted(team_id: int, framework_slug: str | None) -> QuerySet[Assessment]:
    assessments = Assessment.objects.filter(team_id=team_id, status=Assessment.Status.SUBMITTED)
    if framework_slug is not None:
        assessments = assessments.filter(framework__slug=framework_slug)
    return assessments


def _entry(row: tuple) -> SubmittedAssessment:
    pk, number, kind, slug, version, submitted_at, by, status, level, score, systems_covered = row
    score = optional_float(score)
    return SubmittedAssessment(
        pk, number, kind, slug, version, submitted_at, by or "", status, level, score, systems_covered=systems_covered
    )


def submitted_assessments(*, team: Team, framework_slug: str | None = None) -> list[SubmittedAssessment]:
    """The team's submitted assessments (on one framework, if given) with their overall result, oldest
    first (one query)."""
    rows = _submitted(team.pk, framework_slug).order_by("submitted_at", "id").values_list(*OVERALL_COLUMNS)
    return [_entry(row) for row in rows]


def team_history(*, team_id: int, framework_slug: str | None = None) -> list[SubmittedAssessment]:
    """submitted_assessments with each one's area results, in the order of its framework version (one
    query: a row per assessment and area, and one row without area for a report not computed yet)."""
    rows = (
        _submitted(team_id, framework_slug)
        .order_by("submitted_at", "id", "report__area_scores__id")
        .values_list(*OVERALL_COLUMNS, *AREA_COLUMNS)
    )
    history: dict[int, SubmittedAssessment] = {}
    for row in rows:
        overall, (area_key, area_level, area_score) = row[: len(OVERALL_COLUMNS)], row[len(OVERALL_COLUMNS) :]
        entry = history.setdefault(overall[0], _entry(overall))
        if area_key is not None:
            entry.areas[area_key] = AreaResult(area_level, optional_float(area_score))
    return list(history.values())


def latest_computed_report(*, team: Team, framework_slug: str) -> Report | None:
    """The report of the team's most recent submitted assessment on the framework that has been computed
    (not one in review: it is provisional), even while it is being computed again (after a change of
    targets, a regeneration): its content stays until replaced (one query)."""
    return (
        Report.objects.filter(
            assessment__team=team,
            assessment__framework__slug=framework_slug,
            assessment__status=Assessment.Status.SUBMITTED,
            generated_at__isnull=False,
        )
        .select_related("assessment")
        .defer("figures")
        .order_by("-assessment__submitted_at", "-assessment_id")
        .first()
    )


def submitted_by_id(*, team: Team, assessment_ids: list[int]) -> dict[int, Assessment]:
    """The team's submitted assessments among `assessment_ids`, by id, each with its framework, submitter
    and report (without figures) (one query)."""
    assessments = (
        Assessment.objects.filter(team=team, status=Assessment.Status.SUBMITTED, pk__in=assessment_ids)
        .select_related("framework", "report", "submitted_by")
        .defer("report__figures")
    )
    return {assessment.pk: assessment for assessment in assessments}
