"""Scoring rule 3, "levels' worth" (maturity/SCORING.md): the worked examples of the calibration
corpus (tests/maturity/calibration/FINDINGS.md section 2) and of SCORING.md computed by hand, then the
properties issue 21 asks of the rule."""

from fractions import Fraction
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maturity import scoring
from maturity.scoring import NA, UNKNOWN, score_assessment, threshold
from tests.maturity.calibration.corpus import teams
from tests.maturity.test_profiles import definition
from tests.maturity.test_scoring import RAISED, answer_values, area, framework, frameworks_with_answers

CORPUS = {team.name: team for team in teams()}


def corpus_area(team: str, key: str):
    answers = CORPUS[team].answer_sets(2)["a"]  # version 2, as FINDINGS.md section 2 worked them
    return area(score_assessment(definition(), answers.answers, scope=answers.scope), key)


# --- the corpus's worked examples (respondent a) -------------------------------------------------


def test_payments_fraud_monitoring_is_shown_at_level_3_not_hidden_at_1():
    monitoring = corpus_area("06-payments-fraud", "monitoring")

    # Level 1: service_metrics (3: 3), alerting (2: 2), dependency_notifications (1: unknown, 0):
    #   (9 + 4 + 0) / (3 * 6) = 13/18.
    # Level 2: prediction_logging (3: 2), serving_input_checks (2: 1): (6 + 2) / (3 * 5) = 8/15.
    # Level 3: output_sanity_checks (2: 0), data_drift (3: 3), label_feedback (3: 2), model_staleness (2: 0):
    #   (0 + 9 + 6 + 0) / (3 * 10) = 1/2.
    # Level 4: central_model_metrics (3: 2), model_alerts (3: 3), feature_freshness (2: 3): (6 + 9 + 6) / 24 = 7/8.
    # S = 13/18 + 8/15 + 1/2 + 7/8 = (260 + 192 + 180 + 315) / 360 = 947/360 (2.63): level 3
    # (7/3 = 840/360 <= S < 10/3 = 1200/360), score S + 2/3 = (947 + 240) / 360 = 1187/360 (3.29). Rule 2 stopped
    # at level 2 (8/15 < 2/3): level 1.
    assert monitoring.coverages == (Fraction(13, 18), Fraction(8, 15), Fraction(1, 2), Fraction(7, 8))
    assert monitoring.levels_worth == Fraction(947, 360)
    assert (monitoring.level, monitoring.score) == (3, Fraction(1187, 360))
    assert [(h.level, h.questions) for h in monitoring.held_back] == [
        (2, ("monitoring.serving_input_checks",)),
        (3, ("monitoring.output_sanity_checks", "monitoring.model_staleness")),  # same weight: framework order
    ]
    assert monitoring.above == ((4, Fraction(7, 8)),)


def test_motor_pricing_testing_carries_a_weak_level_1():
    testing = corpus_area("04-motor-pricing-batch", "testing")

    # Level 1: app_unit_tests (3: unknown), model_smoke_test (2: 3), single_example_debugging (1: unknown):
    #   (0 + 6 + 0) / 18 = 1/3.
    # Level 2: scoring_script_tests (3: 2), model_validation (3: 3), data_unit_tests (2: 3): (6 + 9 + 6) / 24 = 7/8.
    # Level 3: release_test_gate (3: 2), quality_gate (3: 2), online_comparison (2: 2): 16/24 = 2/3.
    # Level 4: pipeline_integration_test (3: 2), offline_online_agreement (2: 2), load_test_gate (2: unknown):
    #   (6 + 4 + 0) / 21 = 10/21.
    # S = 1/3 + 7/8 + 2/3 + 10/21 = (56 + 147 + 112 + 80) / 168 = 395/168 (2.35), just past level 3's threshold
    # 7/3 = 392/168: level 3, score S + 2/3 = (395 + 112) / 168 = 507/168 (3.01). Rule 2: level 0.
    assert testing.levels_worth == Fraction(395, 168)
    assert (testing.level, testing.score) == (3, Fraction(507, 168))
    # Held back at level 1 (1/3): app_unit_tests gains 3 / (3 * 6) = 1/6 of S per answer point,
    # single_example_debugging 1/18; level 3 (2/3) is not under 2/3; level 4 (10/21) by load_test_gate, its one
    # practice answered 0, 1 or unknown.
    assert [(h.level, h.questions) for h in testing.held_back] == [
        (1, ("testing.app_unit_tests", "testing.single_example_debugging")),
        (4, ("testing.load_test_gate",)),
    ]
    assert testing.above == ((4, Fraction(10, 21)),)


def test_llm_assistant_training_is_decided_by_its_one_applicable_question():
    training = corpus_area("02-llm-support-assistant", "training")

    # Only model_artefact_stored (2: 1) applies: level 1 at 2/6 = 1/3; levels 2-4 are all "na" and count the
    # mean of the others, 1/3 each. S = 4/3, exactly level 2's threshold 2 - 2/3: level 2, score 4/3 + 2/3 = 2.
    # Rule 2: level 0.
    assert training.coverages == (Fraction(1, 3),) * 4
    assert training.exempt_levels == (2, 3, 4)
    assert (training.level, training.score) == (2, 2)


# --- SCORING.md's headline example ----------------------------------------------------------------

SEVEN_WEIGHTS = {
    "people": 1,
    "data": 2,
    "experiments": 1,
    "training": 2,
    "testing": 1,
    "deployment": 2,
    "monitoring": 2,
}
SEVEN_AREAS = framework(
    [(f"{key}.l{level}", level, 1) for key in SEVEN_WEIGHTS for level in (1, 2, 3, 4)], area_weights=SEVEN_WEIGHTS
)
SEVEN_ANSWERS = {
    f"{key}.l{level}": value
    for key, values in {
        "people": (3, 2, 1, 0),
        "data": (3, 3, 2, 1),
        "experiments": (2, 1, 0, 0),
        "training": (3, NA, 2, 0),
        "testing": (1, 3, 3, 2),
        "deployment": (3, 3, 3, 3),
        "monitoring": (2, UNKNOWN, 0, 0),
    }.items()
    for level, value in zip((1, 2, 3, 4), values, strict=True)
}


def test_the_headline_example_of_scoring_md():
    result = score_assessment(SEVEN_AREAS, SEVEN_ANSWERS)

    # Thresholds 1/3, 4/3, 7/3, 10/3; score S + 2/3 from level 1 to 3.
    # people 1 + 2/3 + 1/3 + 0 = 2 -> 2, 8/3; data 1 + 1 + 2/3 + 1/3 = 3 -> 3, 11/3; experiments 2/3 + 1/3 = 1
    # -> 1, 5/3; training 1 + (1 + 2/3 + 0)/3 + 2/3 + 0 = 20/9 (< 21/9) -> 2, 26/9; testing 1/3 + 1 + 1 + 2/3 = 3
    # -> 3, 11/3; deployment 4 -> 4, 4; monitoring 2/3 + 0 + 0 + 0 = 2/3 -> 1, 4/3.
    assert [(a.key, a.levels_worth, a.level, a.score) for a in result.areas] == [
        ("people", 2, 2, Fraction(8, 3)),
        ("data", 3, 3, Fraction(11, 3)),
        ("experiments", 1, 1, Fraction(5, 3)),
        ("training", Fraction(20, 9), 2, Fraction(26, 9)),
        ("testing", 3, 3, Fraction(11, 3)),
        ("deployment", 4, 4, 4),
        ("monitoring", Fraction(2, 3), 1, Fraction(4, 3)),
    ]
    # Headline level 1; towards 2: min(1, score - 1) is 1 for all but experiments (2/3) and monitoring (1/3):
    # (1 + 2 + 2/3 + 2 + 1 + 2 + 2 * 1/3) / 11 = (28/3) / 11 = 28/33. Mean area score, in ninths:
    # (24 + 2 * 33 + 15 + 2 * 26 + 33 + 2 * 36 + 2 * 12) / 9 / 11 = 286/99 = 26/9.
    assert (result.overall_level, result.limited_by) == (1, ("experiments", "monitoring"))
    assert result.overall_score == 1 + Fraction(28, 33)
    assert result.mean_score == Fraction(26, 9)
    # monitoring: level 1 at 2/3 is no gap; level 2's unknown practice is its next step and holds it back.
    monitoring = area(result, "monitoring")
    assert [(s.question, s.value, s.kind) for s in monitoring.next_steps] == [("monitoring.l2", UNKNOWN, "next_level")]
    assert [(h.level, h.coverage, h.questions) for h in monitoring.held_back] == [(2, 0, ("monitoring.l2",))]


def test_unknown_scores_as_not_in_place():
    unknown = score_assessment(SEVEN_AREAS, SEVEN_ANSWERS)
    zero = score_assessment(SEVEN_AREAS, SEVEN_ANSWERS | {"monitoring.l2": 0})

    assert area(unknown, "monitoring").score == area(zero, "monitoring").score
    assert unknown.overall_score == zero.overall_score


# --- properties ------------------------------------------------------------------------------------


@given(frameworks_with_answers())
def test_every_figure_is_exact(case):
    fw, answers = case
    result = score_assessment(fw, answers)
    for result_area in result.areas:
        if result_area.applicable:
            assert type(result_area.level) is int
            assert all(type(value) is Fraction for value in (result_area.score, result_area.levels_worth))
            assert all(type(value) is Fraction for value in result_area.coverages)
    if result.overall_level is not None:
        assert type(result.overall_score) is Fraction
        assert type(result.mean_score) is Fraction


@given(frameworks_with_answers())
def test_the_level_is_the_highest_whose_threshold_the_levels_worth_reaches_and_the_score_agrees_with_it(case):
    fw, answers = case
    result = score_assessment(fw, answers)
    for result_area in result.areas:
        if not result_area.applicable:
            continue
        worth, level, score = result_area.levels_worth, result_area.level, result_area.score
        assert 0 <= worth <= 4
        # Thresholds L - 2/3: 1/3, 4/3, 7/3, 10/3.
        assert level == max(reached for reached in (0, 1, 2, 3, 4) if worth >= reached - Fraction(2, 3))
        assert level <= score < level + 1 or score == level == 4
        assert (score == 4) == (level == 4)
        if level < 4:
            assert score == (3 * worth if level == 0 else worth + Fraction(2, 3))
    if result.overall_level is not None:
        assert result.overall_level <= result.overall_score < result.overall_level + 1 or result.overall_score == 4
        assert (result.overall_score == 4) == (result.overall_level == 4)


STEPS_AND_OFFSETS = [(Fraction(1), Fraction(-1, 2)), (Fraction(4, 5), Fraction(-1, 4)), (Fraction(1), Fraction(-2, 3))]
STEPS_AND_OFFSETS += [(Fraction(6, 5), Fraction(-1, 3)), (Fraction(1, 2), Fraction(0))]


@pytest.mark.parametrize(("step", "offset"), STEPS_AND_OFFSETS)
@given(case=frameworks_with_answers(), data=st.data())
def test_tuned_constants_keep_level_and_score_in_agreement_and_monotone(step, offset, case, data):
    fw, answers = case
    raisable = sorted(key for key, value in answers.items() if value in RAISED)
    raised_answers = answers
    if raisable:
        key = data.draw(st.sampled_from(raisable))
        raised_answers = answers | {key: RAISED[answers[key]]}
    with mock.patch.object(scoring, "LEVEL_STEP", step), mock.patch.object(scoring, "LEVEL_OFFSET", offset):
        result, raised = score_assessment(fw, answers), score_assessment(fw, raised_answers)
        for before, after in zip(result.areas, raised.areas, strict=True):
            if not before.applicable:
                continue
            level, score = before.level, before.score
            assert level <= score < level + 1 or score == level == 4
            assert before.levels_worth >= threshold(level)
            assert level == 4 or before.levels_worth < threshold(level + 1)
            assert (after.level, after.score) >= (level, score)


@st.composite
def one_weak_practice(draw):
    """One area with 1-4 questions at each level; levels 1..L fully in place but for one question answered
    started (or mostly) at a level with another question; anything above L."""
    reached = draw(st.integers(min_value=1, max_value=4))
    questions = [
        (f"a.q{level}_{index}", level, draw(st.integers(min_value=1, max_value=3)))
        for level in (1, 2, 3, 4)
        for index in range(draw(st.integers(min_value=2 if level <= reached else 1, max_value=4)))
    ]
    answers = {key: 3 if level <= reached else draw(answer_values) for key, level, _ in questions}
    weak = draw(st.sampled_from([key for key, level, _ in questions if level <= reached]))
    return framework(questions), answers | {weak: draw(st.sampled_from([1, 2]))}, reached


@given(one_weak_practice())
def test_one_weak_practice_in_an_otherwise_fully_reached_level_does_not_fail_it(case):
    """Answered 1 instead of 3, a question of weight w in a level of total weight W >= w + 1 costs that level
    2w / 3W <= 1/2 of coverage; levels above L count at least 0 (or the mean of levels 1..L when all "na"),
    so S >= L - 1/2 >= L - 2/3 and the area reaches L."""
    fw, answers, reached = case

    assert area(score_assessment(fw, answers)).level >= reached


def test_one_started_practice_among_three_fully_in_place_keeps_the_level():
    weighted = framework(
        [(f"a.l{level}_{i}", level, weight) for level in (1, 2, 3, 4) for i, weight in enumerate((3, 1, 1))]
    )
    answers = {f"a.l{level}_{i}": 3 if level <= 3 else 0 for level in (1, 2, 3, 4) for i in range(3)}

    result = score_assessment(weighted, answers | {"a.l2_0": 1})

    # Level 2: (3*1 + 1*3 + 1*3) / 15 = 3/5, under 2/3, so rule 2 stopped at level 1.
    # S = 1 + 3/5 + 1 + 0 = 13/5 (2.6): level 3 (7/3 <= S < 10/3).
    assert (area(result).levels_worth, area(result).level) == (Fraction(13, 5), 3)


@given(frameworks_with_answers(), st.data())
def test_a_level_above_put_fully_in_place_lifts_the_area_at_least_one_level(case, data):
    """A strong level above a weak one is shown: raising only answers above the area's level raises it."""
    fw, answers = case
    result = score_assessment(fw, answers)
    empty_above = [
        (result_area.key, result_level.level)
        for result_area in result.areas
        if result_area.applicable and result_area.level < 4
        for result_level in result_area.levels
        if result_level.level > result_area.level and result_level.possible and not result_level.achieved
    ]
    if not empty_above:
        return
    key, level = data.draw(st.sampled_from(empty_above))
    lifted = {q.key: 3 for q in fw.questions if q.area == key and q.level == level and answers[q.key] != NA}

    after = score_assessment(fw, answers | lifted)

    assert area(after, key).level >= area(result, key).level + 1


@given(frameworks_with_answers())
def test_the_explanation_adds_up_to_the_levels_worth(case):
    fw, answers = case
    by_key = {q.key: q for q in fw.questions}
    for result_area in score_assessment(fw, answers).areas:
        if not result_area.applicable:
            continue
        own = {r.level: r.coverage for r in result_area.levels if r.possible}
        mean = sum(own.values()) / len(own)
        assert sum(result_area.coverages) == result_area.levels_worth
        assert result_area.coverages == tuple(own.get(level, mean) for level in (1, 2, 3, 4))
        assert [h.level for h in result_area.held_back] == [
            level for level, coverage in own.items() if level <= result_area.level + 1 and coverage < Fraction(2, 3)
        ]
        for held in result_area.held_back:
            weak = {
                key
                for key, q in by_key.items()
                if q.area == result_area.key and q.level == held.level and answers[key] in (0, 1, UNKNOWN)
            }
            assert held.coverage == own[held.level]
            assert set(held.questions) == weak != set()
        assert result_area.above == tuple(
            (level, coverage) for level, coverage in own.items() if level > result_area.level and coverage > 0
        )
