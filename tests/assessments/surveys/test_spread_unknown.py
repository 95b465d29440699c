""" "unknown" (don't know) in a survey's spread, worked by hand: left out of min, median and max, and counted."""

from fractions import Fraction

from assessments.rules.spread import spread_of


def test_it_leaves_unknown_out_of_the_median_and_the_spread():
    spread = spread_of([3, "unknown", 1])

    # Over 3 and 1 only: median (1 + 3) / 2 = 2, not 1 (0 for unknown would make it 0 1 3).
    assert (spread.minimum, spread.median, spread.maximum) == (1, Fraction(2), 3)
    assert (spread.numeric, spread.unknown, spread.answered) == (2, 1, 3)
    assert spread.counts == {0: 0, 1: 1, 2: 0, 3: 1}
    assert spread.disagreement  # 3 - 1 = 2 steps apart


def test_everyone_unknown_has_no_median_and_suggests_nothing():
    spread = spread_of(["unknown", "unknown", "na"])

    assert (spread.median, spread.suggested, spread.minimum) == (None, None, None)
    assert (spread.unknown, spread.not_applicable, spread.answered) == (2, 1, 3)
    assert not spread.disagreement
