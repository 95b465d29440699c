"""Scoring rule 3, "levels' worth" (maturity/SCORING.md), as pure functions on plain data.

Arithmetic is exact (`int` and `Fraction`); callers round only for display. An unanswered question
counts as 0 ("not in place"), and so does "unknown" (nothing is claimed without evidence), so a draft can be
previewed and adaptive depth can tell which questions are needed (`required_questions`).
"""

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

SCORING_RULE = 3
NA: Literal["na"] = "na"
UNKNOWN: Literal["unknown"] = "unknown"  # "don't know": scores as 0
FULLY_IN_PLACE = 3
MOSTLY_IN_PLACE = 2
STARTED = 1
TOP_LEVEL = 4
LEVELS = range(1, TOP_LEVEL + 1)
# Level L is reached when the area's levels' worth S >= LEVEL_STEP * L + LEVEL_OFFSET: with 1 and -2/3, once
# the practices add up to a third of a level past the level below (thresholds 1/3, 4/3, 7/3, 10/3), the offset
# the calibration corpus chose (SCORING.md, "How the threshold was chosen"). Tunable; the score keeps
# G <= score < G + 1 for any LEVEL_STEP > 0 (_level_and_score).
LEVEL_STEP = Fraction(1)
LEVEL_OFFSET = Fraction(-2, 3)

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
    """achieved = sum(w * a) and possible = sum(w) over the level's applicable questions (a "unknown" scores
    0); `exempt` when the level has questions and every one of them is "na"."""

    level: int
    achieved: int
    possible: int
    exempt: bool = False

    @property
    def met(self) -> bool:
        """Mostly in place on weighted average, coverage >= 2/3: rule 2's test of a level; under rule 3 a level
        with applicable questions that is not met is named as holding its area back."""
        return not self.possible or self.achieved >= MOSTLY_IN_PLACE * self.possible

    @property
    def coverage(self) -> Fraction:
        """Of its own applicable questions, 1 without any (AreaResult.coverages holds what rule 3 counts)."""
        return Fraction(self.achieved, FULLY_IN_PLACE * self.possible) if self.possible else Fraction(1)


@dataclass(frozen=True)
class NextStep:
    area: str
    question: str
    level: int
    value: int | Literal["unknown"]
    kind: StepKind


@dataclass(frozen=True)
class HeldBack:
    """A level up to the one above the area's, under 2/3 coverage, and its weakest practices (answered 0, 1
    or "unknown"), the most levels' worth gained per answer point first."""

    level: int
    coverage: Fraction
    questions: tuple[str, ...]


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
    levels_worth: Fraction | None = None  # S, the sum of `coverages`

    @property
    def applicable(self) -> bool:
        return self.level is not None

    @property
    def exempt_levels(self) -> tuple[int, ...]:
        return tuple(result.level for result in self.levels if result.exempt)

    @property
    def coverages(self) -> tuple[Fraction, ...]:
        """Levels 1..4 as S counts them: a level without an applicable question holds the mean of the others
        (so S is 4 times the mean of the levels that have one). Empty when the area is not applicable."""
        own = {result.level: result.coverage for result in self.levels if result.possible}
        if not own:
            return ()
        mean = sum(own.values(), Fraction(0)) / len(own)
        return tuple(own.get(level, mean) for level in LEVELS)

    @property
    def held_back(self) -> tuple[HeldBack, ...]:
        """The levels up to one above the area's (at most 4) with applicable questions under 2/3 coverage (not
        `met`), each with its practices answered 0, 1 or unknown, in the order of the steps (every one of them
        is a gap or, one level up, a next-level step)."""
        if self.level is None:
            return ()
        return tuple(
            HeldBack(
                result.level,
                result.coverage,
                tuple(s.question for s in self.next_steps if s.level == result.level and points(s.value) <= STARTED),
            )
            for result in self.levels
            if result.level <= self.level + 1 and result.possible and not result.met
        )

    @property
    def filled_levels(self) -> tuple[int, ...]:
        """The levels without an applicable question (every one "na", or none in the framework)."""
        return tuple(result.level for result in self.levels if not result.possible)

    @property
    def above(self) -> tuple[tuple[int, Fraction], ...]:
        """(level, coverage) of the levels above the area's that have applicable questions partly in place:
        what it already does above its level."""
        if self.level is None:
            return ()
        return tuple(
            (result.level, result.coverage)
            for result in self.levels
            if result.level > self.level and result.possible and result.achieved
        )

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
    values = {q.key: answers.get(q.key, 0) for q in questions}
    applicable = [q for q in questions if values[q.key] != NA]
    if not applicable:
        return AreaResult(area.key, None, None, (), (), area.counts_toward_level, target)
    scored = {key: points(value) for key, value in values.items() if value != NA}
    levels = _level_results(questions, applicable, scored)
    worth = _levels_worth(levels)
    reached, score = _level_and_score(worth)
    gaps, next_level = _gaps(reached, applicable, scored), _next_level(reached, applicable, scored)
    if len(gaps) > 1 or len(next_level) > 1:
        key = _by_gain(scored, levels)
        gaps.sort(key=key)
        next_level.sort(key=key)
    return AreaResult(
        key=area.key,
        level=reached,
        score=score,
        levels=levels,
        next_steps=_steps(area.key, gaps, values, "gap") + _steps(area.key, next_level, values, "next_level"),
        counts_toward_level=area.counts_toward_level,
        target=target,
        levels_worth=worth,
    )


def points(value: AnswerValue) -> int:
    """An applicable answer's value: "unknown" claims nothing, so it scores as "not in place"."""
    return 0 if value == UNKNOWN else int(value)


def _level_results(
    questions: list[QuestionDef], applicable: list[QuestionDef], scored: Mapping[str, int]
) -> tuple[LevelResult, ...]:
    achieved, possible, asked = [0] * (TOP_LEVEL + 1), [0] * (TOP_LEVEL + 1), [False] * (TOP_LEVEL + 1)
    for q in questions:
        asked[q.level] = True
    for q in applicable:
        achieved[q.level] += q.weight * scored[q.key]
        possible[q.level] += q.weight
    return tuple(
        LevelResult(level, achieved[level], possible[level], asked[level] and not possible[level]) for level in LEVELS
    )


def _levels_worth(levels: tuple[LevelResult, ...]) -> Fraction:
    """S, the sum of AreaResult.coverages: 4 times the mean coverage of the levels with an applicable question
    (the area has at least one), summed over a common denominator and made a Fraction once (scoring speed)."""
    numerator, denominator, counted = 0, 1, 0
    for result in levels:
        if result.possible:
            level_denominator = FULLY_IN_PLACE * result.possible
            numerator = numerator * level_denominator + result.achieved * denominator
            denominator *= level_denominator
            counted += 1
    return Fraction(TOP_LEVEL * numerator, counted * denominator)


def threshold(level: int) -> Fraction:
    """The levels' worth from which `level` is reached (0 for level 0)."""
    return LEVEL_STEP * level + LEVEL_OFFSET if level else Fraction(0)


def _level_and_score(worth: Fraction) -> tuple[int, Fraction]:
    """Level G, the highest L in 1..4 with S >= threshold(L) (else 0; thresholds rise with L, LEVEL_STEP > 0),
    and the score: 4 at level 4, else G + (S - threshold(G)) / (threshold(G+1) - threshold(G)), how far S has
    gone from G's threshold towards G+1's, so G <= score < G + 1 and the score rises with S. Above level 0 the
    thresholds are LEVEL_STEP apart, so the score is (S - LEVEL_OFFSET) / LEVEL_STEP, and G its floor; at
    level 0 it is S / threshold(1). With step 1 and offset -2/3: 3S below 1/3, S + 2/3 from there."""
    # In integers, one Fraction made at the end (scoring speed): (S - offset) / step = beyond / below.
    step, offset = LEVEL_STEP, LEVEL_OFFSET
    beyond = (worth.numerator * offset.denominator - offset.numerator * worth.denominator) * step.denominator
    below = worth.denominator * offset.denominator * step.numerator
    level = min(TOP_LEVEL, max(0, beyond // below))
    if level == TOP_LEVEL:
        return level, Fraction(TOP_LEVEL)
    return level, Fraction(beyond, below) if level else worth / threshold(1)


def _by_gain(scored: Mapping[str, int], levels: tuple[LevelResult, ...]) -> Callable[[QuestionDef], tuple[int, int]]:
    """The order of steps: by how much S one more answer point adds, w / (3 * sum(w) of its level), highest
    first; then value, lowest first; then framework order (the steps are in it, and sorting is stable). The
    gain is compared exactly as the integer w * (m / sum(w)), m the least common multiple of the levels' sums
    of weights."""
    possible = {result.level: result.possible for result in levels if result.possible}
    common = math.lcm(*possible.values())
    scale = {level: common // level_weight for level, level_weight in possible.items()}
    return lambda q: (-q.weight * scale[q.level], scored[q.key])


def _gaps(level: int, applicable: list[QuestionDef], scored: Mapping[str, int]) -> list[QuestionDef]:
    """Practices of the levels up to the area's that are not in place, only started, or unknown."""
    return [q for q in applicable if q.level <= level and scored[q.key] <= STARTED]


def _next_level(level: int, applicable: list[QuestionDef], scored: Mapping[str, int]) -> list[QuestionDef]:
    return [q for q in applicable if q.level == level + 1 and scored[q.key] < FULLY_IN_PLACE]


def _steps(
    area_key: str, chosen: list[QuestionDef], values: Mapping[str, AnswerValue], kind: StepKind
) -> tuple[NextStep, ...]:
    return tuple(NextStep(area_key, q.key, q.level, values[q.key], kind) for q in chosen)


def required_questions(
    framework: FrameworkDef, answers: Mapping[str, AnswerValue], *, scope: Mapping[str, bool | None] | None = None
) -> tuple[str, ...]:
    """Adaptive depth (design section 2, maturity/SCORING.md): the unanswered questions, in framework order,
    of the areas in scope at a level up to one above the area's level, that level computed with unanswered
    questions counted as 0. Questions further up may stay unanswered and then count as 0. Under rule 3 they
    still count towards the area's levels' worth, so answering one can change the result, but only upwards:
    any answer to it, a value, "unknown" or "na", leaves every area's level and score, and the headline's,
    where they were or raises them (a value or "unknown" is at least the 0 it replaces; "na" takes a 0 out
    of its level's mean, and a level left without applicable question takes the mean of the others)."""
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
