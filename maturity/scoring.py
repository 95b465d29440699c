"""The scoring rule of design section 3, as a pure function on plain data.

Arithmetic is exact (`int` and `Fraction`); callers round only for display. An unanswered question
counts as 0 ("not in place"), so a draft can be previewed; submitted assessments have every answer.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

NA: Literal["na"] = "na"
FULLY_IN_PLACE = 3
MOSTLY_IN_PLACE = 2
TOP_LEVEL = 4

AnswerValue = int | Literal["na"]


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


@dataclass(frozen=True)
class FrameworkDef:
    """Areas and questions in framework order."""

    areas: tuple[AreaDef, ...]
    questions: tuple[QuestionDef, ...]


@dataclass(frozen=True)
class LevelResult:
    """achieved = sum(w * a) and possible = sum(w) over the level's applicable questions."""

    level: int
    achieved: int
    possible: int

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


@dataclass(frozen=True)
class AreaResult:
    key: str
    level: int | None  # None: every question of the area is "na"
    score: Fraction | None
    levels: tuple[LevelResult, ...]
    next_steps: tuple[NextStep, ...]

    @property
    def applicable(self) -> bool:
        return self.level is not None


@dataclass(frozen=True)
class AssessmentResult:
    areas: tuple[AreaResult, ...]  # framework order
    overall_level: int | None
    overall_score: Fraction | None
    roadmap: tuple[AreaResult, ...]  # applicable areas, weakest first

    @property
    def next_steps(self) -> tuple[NextStep, ...]:
        return tuple(step for area in self.roadmap for step in area.next_steps)


def score_assessment(framework: FrameworkDef, answers: Mapping[str, AnswerValue]) -> AssessmentResult:
    by_area: dict[str, list[QuestionDef]] = {area.key: [] for area in framework.areas}
    for question in framework.questions:
        by_area[question.area].append(question)
    areas = tuple(_score_area(area, by_area[area.key], answers) for area in framework.areas)
    weights = {area.key: area.weight for area in framework.areas}
    applicable = [area for area in areas if area.applicable]
    if not applicable:
        return AssessmentResult(areas=areas, overall_level=None, overall_score=None, roadmap=())
    total_weight = sum(weights[area.key] for area in applicable)
    overall_score = sum((weights[area.key] * area.score for area in applicable), Fraction(0)) / total_weight
    position = {area.key: index for index, area in enumerate(areas)}
    roadmap = sorted(applicable, key=lambda area: (area.level, area.score, position[area.key]))
    return AssessmentResult(
        areas=areas,
        overall_level=min(area.level for area in applicable),
        overall_score=overall_score,
        roadmap=tuple(roadmap),
    )


def _score_area(area: AreaDef, questions: list[QuestionDef], answers: Mapping[str, AnswerValue]) -> AreaResult:
    values = {q.key: answers.get(q.key, 0) for q in questions}
    applicable = [q for q in questions if values[q.key] != NA]
    if not applicable:
        return AreaResult(key=area.key, level=None, score=None, levels=(), next_steps=())
    achieved = [0] * (TOP_LEVEL + 1)
    possible = [0] * (TOP_LEVEL + 1)
    for q in applicable:
        achieved[q.level] += q.weight * values[q.key]
        possible[q.level] += q.weight
    levels = tuple(LevelResult(level, achieved[level], possible[level]) for level in range(1, TOP_LEVEL + 1))
    reached = 0
    for result in levels:
        if not result.met:
            break
        reached = result.level
    score = Fraction(reached) if reached == TOP_LEVEL else reached + levels[reached].coverage
    return AreaResult(
        key=area.key,
        level=reached,
        score=score,
        levels=levels,
        next_steps=_next_steps(area.key, reached + 1, applicable, values),
    )


def _next_steps(
    area_key: str, level: int, applicable: list[QuestionDef], values: Mapping[str, AnswerValue]
) -> tuple[NextStep, ...]:
    if level > TOP_LEVEL:
        return ()
    candidates = [
        (position, q)
        for position, q in enumerate(applicable)
        if q.level == level and values[q.key] < FULLY_IN_PLACE
    ]
    candidates.sort(key=lambda item: (-item[1].weight, values[item[1].key], item[0]))
    return tuple(NextStep(area=area_key, question=q.key, level=level, value=values[q.key]) for _, q in candidates)
