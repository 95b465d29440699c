"""Scoring rule 2 of design section 3, as pure functions on plain data.

Arithmetic is exact (`int` and `Fraction`); callers round only for display. An unanswered question
counts as 0 ("not in place"), so a draft can be previewed and adaptive depth can tell which questions
cannot change the result (`required_questions`).
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

SCORING_RULE = 2
NA: Literal["na"] = "na"
UNKNOWN: Literal["unknown"] = "unknown"
FULLY_IN_PLACE = 3
MOSTLY_IN_PLACE = 2
STARTED = 1
TOP_LEVEL = 4
LEVELS = range(1, TOP_LEVEL + 1)

AnswerValue = int | Literal["na", "unknown"]
StepKind = Literal["gap", "next_level"]
Movement = Literal["improved", "regressed", "unchanged"]


@dataclass(frozen=True)
class QuestionDef:
    key: str
    area: str
    level: int
    weight: int


@dataclass(frozen=True)
class AreaDef:
    key: str
    weight: int
    counts_toward_level: bool = True
    scope: str | None = None  # the key of the scope that must be answered yes for the area to apply


@dataclass(frozen=True)
class FrameworkDef:
    """Areas and questions in framework order."""

    areas: tuple[AreaDef, ...]
    questions: tuple[QuestionDef, ...]


@dataclass(frozen=True)
class LevelResult:
    """achieved = sum(w * a) and possible = sum(w) over the level's applicable questions; `exempt` when
    the level has questions and every one of them is "na"."""

    level: int
    achieved: int
    possible: int
    exempt: bool = False

    @property
    def met(self) -> bool:
        return not self.possible or self.achieved >= MOSTLY_IN_PLACE * self.possible

    @property
    def coverage(self) -> Fraction:
        return Fraction(self.achieved, FULLY_IN_PLACE * self.possible) if self.possible else Fraction(1)


@dataclass(frozen=True)
class NextStep:
    area: str
    question: str
    level: int
    value: int
    kind: StepKind


@dataclass(frozen=True)
class AreaResult:
    key: str
    level: int | None  # None: out of scope, or every question "na"
    score: Fraction | None
    levels: tuple[LevelResult, ...]
    next_steps: tuple[NextStep, ...]  # its gaps, then its next-level steps
    counts_toward_level: bool = True
    target: int | None = None
    in_scope: bool = True  # False: its scope was answered no (then level and score are None)

    @property
    def applicable(self) -> bool:
        return self.level is not None

    @property
    def exempt_levels(self) -> tuple[int, ...]:
        return tuple(result.level for result in self.levels if result.exempt)

    @property
    def gap(self) -> int | None:
        return None if self.target is None or self.level is None else max(0, self.target - self.level)


@dataclass(frozen=True)
class AssessmentResult:
    areas: tuple[AreaResult, ...]  # framework order
    overall_level: int | None  # None: no counting area applies
    overall_score: Fraction | None
    mean_score: Fraction | None  # the area-weighted mean of the counting areas' scores
    limited_by: tuple[str, ...]  # the counting areas at the overall level (none at level 4)
    roadmap: tuple[AreaResult, ...]  # applicable areas: largest gap, lowest level, lowest score first

    @property
    def next_steps(self) -> tuple[NextStep, ...]:
        return tuple(step for area in self.roadmap for step in area.next_steps)


def score_assessment(
    framework: FrameworkDef,
    answers: Mapping[str, AnswerValue],
    *,
    targets: Mapping[str, int] | None = None,
    scope: Mapping[str, bool | None] | None = None,
) -> AssessmentResult:
    """`targets`: area key -> target level; `scope`: scope key -> answer (unanswered counts as in scope,
    so a draft previews every area until the team says otherwise)."""
    targets, by_area = targets or {}, _questions_by_area(framework)
    areas = tuple(
        _score_area(area, by_area[area.key], answers, targets.get(area.key))
        if _in_scope(area, scope)
        else AreaResult(area.key, None, None, (), (), area.counts_toward_level, targets.get(area.key), in_scope=False)
        for area in framework.areas
    )
    weights = {area.key: area.weight for area in framework.areas}
    counting = [area for area in areas if area.applicable and area.counts_toward_level]
    position = {area.key: index for index, area in enumerate(areas)}
    roadmap = sorted(
        (area for area in areas if area.applicable),
        key=lambda area: (-(area.gap or 0), area.level, area.score, position[area.key]),
    )
    if not counting:
        return AssessmentResult(areas, None, None, None, (), tuple(roadmap))
    level = min(area.level for area in counting)
    return AssessmentResult(
        areas=areas,
        overall_level=level,
        overall_score=_headline_score(level, counting, weights),
        mean_score=_weighted_mean([(weights[area.key], area.score) for area in counting]),
        limited_by=() if level == TOP_LEVEL else tuple(area.key for area in counting if area.level == level),
        roadmap=tuple(roadmap),
    )


def _headline_score(level: int, counting: list[AreaResult], weights: Mapping[str, int]) -> Fraction:
    """Level G* and this far towards G*+1 across the counting areas."""
    if level == TOP_LEVEL:
        return Fraction(TOP_LEVEL)
    # min(1, score - G*): an area above G* is a whole level ahead; one at G* is its score's fraction.
    progress = [(weights[area.key], 1 if area.level > level else area.score - level) for area in counting]
    return level + _weighted_mean(progress)


def _weighted_mean(pairs: list[tuple[int, Fraction | int]]) -> Fraction:
    """Exact, with one Fraction made at the end: adding Fractions one by one reduces every partial sum,
    which was most of the time scoring took."""
    numerator, denominator, total_weight = 0, 1, 0
    for weight, value in pairs:
        numerator = numerator * value.denominator + weight * value.numerator * denominator
        denominator *= value.denominator
        total_weight += weight
    return Fraction(numerator, denominator * total_weight)


def _questions_by_area(framework: FrameworkDef) -> dict[str, list[QuestionDef]]:
    by_area: dict[str, list[QuestionDef]] = {area.key: [] for area in framework.areas}
    for question in framework.questions:
        by_area[question.area].append(question)
    return by_area


def _in_scope(area: AreaDef, scope: Mapping[str, bool | None] | None) -> bool:
    return area.scope is None or (scope or {}).get(area.scope) is not False


def _score_area(
    area: AreaDef, questions: list[QuestionDef], answers: Mapping[str, AnswerValue], target: int | None
) -> AreaResult:
    # "unknown" claims nothing without evidence: it scores, and is a next step, as 0.
    values = {q.key: 0 if answers.get(q.key) == UNKNOWN else answers.get(q.key, 0) for q in questions}
    applicable = [q for q in questions if values[q.key] != NA]
    if not applicable:
        return AreaResult(area.key, None, None, (), (), area.counts_toward_level, target)
    levels = _level_results(questions, applicable, values)
    reached = _level_reached(levels)
    score = Fraction(reached) if reached == TOP_LEVEL else reached + levels[reached].coverage
    return AreaResult(
        key=area.key,
        level=reached,
        score=score,
        levels=levels,
        next_steps=_gaps(area.key, reached, applicable, values) + _next_level(area.key, reached, applicable, values),
        counts_toward_level=area.counts_toward_level,
        target=target,
    )


def _level_results(
    questions: list[QuestionDef], applicable: list[QuestionDef], values: Mapping[str, AnswerValue]
) -> tuple[LevelResult, ...]:
    achieved, possible, asked = [0] * (TOP_LEVEL + 1), [0] * (TOP_LEVEL + 1), [False] * (TOP_LEVEL + 1)
    for q in questions:
        asked[q.level] = True
    for q in applicable:
        achieved[q.level] += q.weight * values[q.key]
        possible[q.level] += q.weight
    return tuple(
        LevelResult(level, achieved[level], possible[level], asked[level] and not possible[level]) for level in LEVELS
    )


def _level_reached(levels: Iterable[LevelResult]) -> int:
    """The highest level L such that every level 1..L is met (0 when level 1 is not)."""
    reached = 0
    for result in levels:
        if not result.met:
            break
        reached = result.level
    return reached


def _gaps(
    area_key: str, level: int, applicable: list[QuestionDef], values: Mapping[str, AnswerValue]
) -> tuple[NextStep, ...]:
    """Practices of the levels already reached that are not in place or only started."""
    chosen = [q for q in applicable if q.level <= level and values[q.key] <= STARTED]
    return _steps(area_key, chosen, values, "gap")


def _next_level(
    area_key: str, level: int, applicable: list[QuestionDef], values: Mapping[str, AnswerValue]
) -> tuple[NextStep, ...]:
    chosen = [q for q in applicable if q.level == level + 1 and values[q.key] < FULLY_IN_PLACE]
    return _steps(area_key, chosen, values, "next_level")


def _steps(
    area_key: str, chosen: list[QuestionDef], values: Mapping[str, AnswerValue], kind: StepKind
) -> tuple[NextStep, ...]:
    """By weight (highest first), then value (lowest first), then framework order (`chosen` is in it, and
    the sort is stable)."""
    chosen = sorted(chosen, key=lambda q: (-q.weight, values[q.key]))
    return tuple(NextStep(area_key, q.key, q.level, values[q.key], kind) for q in chosen)


def required_questions(
    framework: FrameworkDef, answers: Mapping[str, AnswerValue], *, scope: Mapping[str, bool | None] | None = None
) -> tuple[str, ...]:
    """Adaptive depth (design section 2): the unanswered questions, in framework order, of the areas in
    scope at a level up to one above the area's level (unanswered counted as 0). Questions further up
    cannot change any figure of the report."""
    by_area = _questions_by_area(framework)
    required: list[str] = []
    for area in framework.areas:
        if not _in_scope(area, scope):
            continue
        result = _score_area(area, by_area[area.key], answers, None)
        ceiling = TOP_LEVEL if result.level is None else result.level + 1
        required += [q.key for q in by_area[area.key] if q.key not in answers and q.level <= ceiling]
    return tuple(required)


def two_decimals(value: Fraction | float) -> Fraction:
    """A score as reports show it: rounded down to two decimals, so that a level-2 score of 2.996 reads
    2.99, never 3.00 beside "level 2". (A float is taken as the decimal it prints as.)"""
    exact = value if isinstance(value, Fraction) else Fraction(str(value))
    return Fraction(math.floor(exact * 100), 100)


def movement(before: float | Fraction | None, after: float | Fraction | None) -> Movement | None:
    """Between two assessments of a team, by the overall score at two decimals; None when either has no
    score. History, dashboards and the portfolio use this one definition. A fall in level is always a
    fall in score: a score is at least its level and, at two decimals, below the next one."""
    if before is None or after is None:
        return None
    change = two_decimals(after) - two_decimals(before)
    return "improved" if change > 0 else "regressed" if change < 0 else "unchanged"
