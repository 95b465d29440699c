"""Reads of an assessment's answers: its rows, progress, scope and provisional result."""

from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction

from assessments.models import Answer, Assessment, answer_value
from maturity import scoring
from maturity.selectors import (
    FrameworkQuestion,
    framework_content,
    version_mapping_between,
)


@dataclass(frozen=True)
class AnswerRow:
    """One question of an assessment with its answer, if any (value None: unanswered)."""

    question: FrameworkQuestion
    value: int | str | None  # 0..3, "na", "unknown" or None
    comment: str
    answered_by: str | None
    updated_at: datetime | None


def assessment_answer_rows(*, assessment: Assessment) -> list[AnswerRow]:
    """Every question of the assessment's framework in framework order, with its answer (one query; the
    framework's questions are read once per process)."""
    answers = {
        question_id: (answer_value(value, not_applicable, unknown), comment, answered_by, updated_at)
        for question_id, value, not_applicable, unknown, comment, answered_by, updated_at in Answer.objects.filter(
            assessment=assessment
        ).values_list(
            "question_id", "value", "not_applicable", "unknown", "comment", "answered_by__username", "updated_at"
        )
    }
    questions = framework_content(framework=assessment.framework).questions
    return [_answer_row(question, answers.get(question.pk)) for question in questions]


def _answer_row(question: FrameworkQuestion, answer: tuple | None) -> AnswerRow:
    if answer is None:
        return AnswerRow(question=question, value=None, comment="", answered_by=None, updated_at=None)
    value, comment, answered_by, updated_at = answer
    return AnswerRow(
        question=question,
        value=value,
        comment=comment,
        answered_by=answered_by,
        updated_at=updated_at,
    )


def assessment_scope(*, assessment: Assessment) -> dict[str, bool | None]:
    """Every scope of the assessment's framework, in framework order, with its answer (None: not yet)."""
    scopes = framework_content(framework=assessment.framework).scopes
    return {scope.key: assessment.scope.get(scope.key) for scope in scopes}


@dataclass(frozen=True)
class Provisional:
    """The assessment as scored now, unanswered questions counting as 0 (design section 2)."""

    levels: dict[str, int | None]  # area key -> level (None: out of scope or all "not applicable")
    required: tuple[str, ...]  # unanswered questions that can still change the result, framework order
    out_of_scope: frozenset[str]  # area keys whose scope was answered no
    scores: dict[str, Fraction | None] = field(default_factory=dict)  # area key -> score, like `levels`
    overall_level: int | None = None  # the headline (maturity/SCORING.md); None: no counting area applies
    overall_score: Fraction | None = None
    limited_by: tuple[str, ...] = ()  # area keys at the overall level


def provisional(*, assessment: Assessment, rows: list[AnswerRow]) -> Provisional:
    """From rows already fetched; no query. `required` is adaptive depth (design section 2): what must be
    answered before submitting; the other unanswered questions cannot change the result yet."""
    answers = {row.question.key: row.value for row in rows if row.value is not None}
    definition = framework_content(framework=assessment.framework).definition
    result = scoring.score_assessment(definition, answers, scope=assessment.scope)
    return Provisional(
        levels={area.key: area.level for area in result.areas},
        required=scoring.required_questions(definition, answers, scope=assessment.scope),
        out_of_scope=frozenset(area.key for area in result.areas if not area.in_scope),
        scores={area.key: area.score for area in result.areas},
        overall_level=result.overall_level,
        overall_score=result.overall_score,
        limited_by=result.limited_by,
    )


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int
    optional: int = 0  # unanswered questions left out of `total`: they may stay unanswered for now

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 100

    @property
    def complete(self) -> bool:
        return self.answered == self.total

    @property
    def left(self) -> int:
        return self.total - self.answered


def progress_by_area(*, rows: list[AnswerRow], now: Provisional) -> dict[str, Progress]:
    """Per area key (framework order), from rows already fetched, over the work that submitting needs (design
    section 2): the questions in scope that are answered or required. The other unanswered questions are
    `optional`; an area out of scope has no work at all."""
    required = set(now.required)
    counts: dict[str, list[int]] = {}
    for row in rows:
        answered_total_optional = counts.setdefault(row.question.area.key, [0, 0, 0])
        if row.question.area.key in now.out_of_scope:
            continue
        answered, needed = row.value is not None, row.question.key in required
        answered_total_optional[0] += answered
        answered_total_optional[1] += answered or needed
        answered_total_optional[2] += not (answered or needed)
    return {key: Progress(*counts) for key, counts in counts.items()}


def overall_progress(*, rows: list[AnswerRow], now: Provisional) -> Progress:
    """progress_by_area's counts over every area."""
    by_area = progress_by_area(rows=rows, now=now).values()
    return Progress(*(sum(getattr(area, name) for area in by_area) for name in ("answered", "total", "optional")))


def earlier_answers(*, assessment: Assessment) -> dict[str, list[AnswerRow]]:
    """Question key -> the answers of the assessment this one was started from to the earlier-version
    questions it merges, or of which it is one part of a split: shown beside it, since they cannot carry
    over as they are. Empty when it was started afresh or on the same version (bounded queries)."""
    previous = assessment.carried_from
    if previous is None or previous.framework_id == assessment.framework_id or previous.team_id != assessment.team_id:
        return {}
    mapping = version_mapping_between(older=previous.framework, newer=assessment.framework)
    wanted = {key: mapping.earlier_keys(key) for key in mapping.predecessors if mapping.earlier_keys(key)}
    if not wanted:
        return {}
    rows = {row.question.key: row for row in assessment_answer_rows(assessment=previous)}
    return {key: [rows[old] for old in old_keys if old in rows] for key, old_keys in wanted.items()}


@dataclass(frozen=True)
class AnswerSheet:
    """An assessment's answers as its detail shows them: every row, the earlier answers beside them, the scope,
    and the questions that must still be answered before submitting (the scoring rule's, computed here so that
    the API's serializer only shapes it)."""

    rows: list[AnswerRow]
    earlier: dict[str, list[AnswerRow]]
    scope: dict[str, bool | None]
    required: list[str]


def answer_sheet(*, assessment: Assessment) -> AnswerSheet:
    rows = assessment_answer_rows(assessment=assessment)
    return AnswerSheet(
        rows=rows,
        earlier=earlier_answers(assessment=assessment),
        scope=assessment_scope(assessment=assessment),
        required=list(provisional(assessment=assessment, rows=rows).required),
    )
