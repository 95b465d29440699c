"""The answer scale (AnswerScale) is the scoring rule's: the same values, as pages and the API write them."""

from assessments.models import AnswerScale
from maturity import scoring


def test_it_holds_the_scoring_rules_values_in_order():
    assert list(AnswerScale.labels_by_value()) == [
        0,
        scoring.STARTED,
        scoring.MOSTLY_IN_PLACE,
        scoring.FULLY_IN_PLACE,
        scoring.NA,
        scoring.UNKNOWN,
    ]


def test_it_reads_a_radio_value_as_answers_store_it():
    assert [AnswerScale.value_of(choice) for choice in ("0", "3", "na", "unknown")] == [0, 3, "na", "unknown"]


def test_its_points_are_the_numeric_values():
    assert AnswerScale.points() == [0, 1, 2, 3]
