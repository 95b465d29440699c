"""The spread of the respondents' answers to one question (pure, no database): used by the consensus view
and by the report's disagreements."""

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from math import floor

from maturity.scoring import FULLY_IN_PLACE, NA, UNKNOWN

# Respondents disagree when their numeric answers are this many steps apart or more.
DISAGREEMENT_STEPS = 2


@dataclass(frozen=True)
class Spread:
    counts: dict[int, int]  # value 0..3 -> how many respondents chose it (every value present)
    not_applicable: int  # how many answered "na" (left out of min, median and max)
    unknown: int  # how many answered "unknown", don't know (left out of min, median and max)
    minimum: int | None  # None: no numeric answer
    median: Fraction | None  # of the numeric answers; the mean of the middle two for an even count
    maximum: int | None

    @property
    def numeric(self) -> int:
        """How many answered with a value 0..3: those the minimum, median and maximum are of."""
        return sum(self.counts.values())

    @property
    def answered(self) -> int:
        return self.numeric + self.not_applicable + self.unknown

    @property
    def disagreement(self) -> bool:
        return self.minimum is not None and self.maximum - self.minimum >= DISAGREEMENT_STEPS

    @property
    def suggested(self) -> int | None:
        """What the agreed answer is pre-filled with: the median rounded down."""
        return None if self.median is None else floor(self.median)


def spread_of(values: Iterable[int | str]) -> Spread:
    """`values`: the respondents' answers, each 0..3, "na" or "unknown" (unanswered ones left out)."""
    values = list(values)
    numbers = sorted(value for value in values if value not in (NA, UNKNOWN))
    return Spread(
        counts={value: numbers.count(value) for value in range(FULLY_IN_PLACE + 1)},
        not_applicable=values.count(NA),
        unknown=values.count(UNKNOWN),
        minimum=numbers[0] if numbers else None,
        median=_median(numbers),
        maximum=numbers[-1] if numbers else None,
    )


def _median(numbers: list[int]) -> Fraction | None:
    if not numbers:
        return None
    middle = len(numbers) // 2
    if len(numbers) % 2:
        return Fraction(numbers[middle])
    return Fraction(numbers[middle - 1] + numbers[middle], 2)
