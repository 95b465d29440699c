"""Level rules measured on the corpus beside the product's own (maturity.scoring): rule 2, the baseline
rule 3 replaced, and the levels'-worth family with its parameters open, for the sensitivity table.

Plain and exact, on a framework file's questions; `test_corpus.py` checks that the family at the shipped
parameters gives the product's levels on every answer set, so the table measures the rule that ships.
"""

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from maturity.framework_file import FrameworkSpec
from tests.maturity.calibration.corpus import LIFECYCLE, AnswerSet, Levels

LEVELS = (1, 2, 3, 4)
Coverages = dict[int, Fraction | None]  # level -> coverage, None when every question of the level is "na"


@dataclass(frozen=True)
class LevelsWorth:
    """Level L is reached when the area's levels' worth S (the sum of its four coverages) is at least
    step * L + offset; a level whose questions are all "na" counts as `exempt` (None: the mean of the
    area's other levels); "unknown" scores `unknown` (a value on the 0-3 scale)."""

    step: Fraction = Fraction(1)
    offset: Fraction = Fraction(-2, 3)
    exempt: Fraction | None = None
    unknown: int = 0

    def __call__(self, spec: FrameworkSpec) -> Callable[[AnswerSet], Levels]:
        def levels(answers: AnswerSet) -> Levels:
            areas = {}
            for area in _lifecycle_in_scope(spec, answers):
                coverages = _coverages(spec, area, answers, self.unknown)
                areas[area] = None if coverages is None else self._level(coverages)
            return _with_headline(areas)

        return levels

    def _level(self, coverages: Coverages) -> int:
        known = [value for value in coverages.values() if value is not None]
        fill = self.exempt if self.exempt is not None else sum(known) / len(known)
        worth = sum(fill if value is None else value for value in coverages.values())
        return max((level for level in LEVELS if worth >= self.step * level + self.offset), default=0)


def rule_two(spec: FrameworkSpec) -> Callable[[AnswerSet], Levels]:
    """Each level 1..L met in turn, at coverage >= 2/3; a level whose questions are all "na" is met."""

    def levels(answers: AnswerSet) -> Levels:
        areas = {}
        for area in _lifecycle_in_scope(spec, answers):
            coverages = _coverages(spec, area, answers, unknown=0)
            if coverages is None:
                areas[area] = None
                continue
            reached = 0
            for level in LEVELS:
                if coverages[level] is not None and coverages[level] < Fraction(2, 3):
                    break
                reached = level
            areas[area] = reached
        return _with_headline(areas)

    return levels


def _lifecycle_in_scope(spec: FrameworkSpec, answers: AnswerSet) -> list[str]:
    scoped = {area.key: area.scope for area in spec.areas}
    return [area for area in LIFECYCLE if scoped[area] is None or answers.scope.get(scoped[area]) is not False]


def _coverages(spec: FrameworkSpec, area: str, answers: AnswerSet, unknown: int) -> Coverages | None:
    """None when no question of the area applies."""
    coverages: Coverages = {}
    for level in LEVELS:
        achieved = possible = 0
        for question in spec.questions:
            if question.area != area or question.level != level:
                continue
            value = answers.answers.get(question.key, 0)
            if value == "na":
                continue
            achieved += question.weight * (unknown if value == "unknown" else value)
            possible += question.weight
        coverages[level] = Fraction(achieved, 3 * possible) if possible else None
    return None if all(value is None for value in coverages.values()) else coverages


def _with_headline(areas: dict[str, int | None]) -> Levels:
    counting = [level for level in areas.values() if level is not None]
    return Levels(min(counting) if counting else None, {area: areas.get(area) for area in LIFECYCLE})
