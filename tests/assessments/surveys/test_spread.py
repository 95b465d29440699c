"""The spread of the respondents' answers, worked by hand."""

from fractions import Fraction

import pytest

from assessments.rules.spread import spread_of


@pytest.mark.parametrize(
    ("values", "median", "suggested"),
    [
        ([2], Fraction(2), 2),
        ([0, 3, 1], Fraction(1), 1),  # sorted 0 1 3: the middle one
        ([0, 3], Fraction(3, 2), 1),  # even: (0 + 3) / 2 = 1.5, rounded down 1
        ([1, 2, 2, 3], Fraction(2), 2),  # (2 + 2) / 2
        ([0, 1, 2, 3], Fraction(3, 2), 1),  # (1 + 2) / 2 = 1.5 -> 1
        ([3, 2], Fraction(5, 2), 2),  # 2.5 -> 2
        ([0, 0, 1, 3, 3, 3], Fraction(2), 2),  # (1 + 3) / 2
        ([1, "na", 2], Fraction(3, 2), 1),  # "na" left out: 1 and 2
        (["na", 3, "na"], Fraction(3), 3),
    ],
)
def test_it_takes_the_median_of_the_numbers_and_rounds_it_down(values, median, suggested):
    spread = spread_of(values)

    assert (spread.median, spread.suggested) == (median, suggested)


def test_it_counts_each_value_and_not_applicable_apart():
    spread = spread_of([0, 3, "na", 3, "na"])

    assert spread.counts == {0: 1, 1: 0, 2: 0, 3: 2}
    assert (spread.not_applicable, spread.answered) == (2, 5)
    assert (spread.minimum, spread.maximum) == (0, 3)


@pytest.mark.parametrize(
    ("values", "disagreement"),
    [([1, 2], False), ([1, 3], True), ([0, 2, 1], True), ([2, 2, 3], False), ([0, "na"], False), ([3, 1, "na"], True)],
)
def test_it_flags_a_disagreement_at_two_steps_or_more(values, disagreement):
    assert spread_of(values).disagreement is disagreement


def test_it_has_no_median_without_a_number():
    spread = spread_of(["na", "na"])

    assert (spread.minimum, spread.median, spread.maximum, spread.suggested) == (None, None, None, None)
    assert not spread.disagreement
    assert spread_of([]).answered == 0
