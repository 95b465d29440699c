"""Scoring rule 3 (maturity/SCORING.md): hand-worked cases for each rule, then properties. The rule's own
properties and the calibration corpus's worked examples are in test_scoring_rule3.py."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from maturity.scoring import (
    NA,
    UNKNOWN,
    AreaDef,
    FrameworkDef,
    QuestionDef,
    movement,
    required_questions,
    score_assessment,
    two_decimals,
)


def framework(
    questions: list[tuple[str, int, int]],
    area_weights: dict[str, int] | None = None,
    not_counting: frozenset[str] = frozenset(),
    scopes: dict[str, str] | None = None,
) -> FrameworkDef:
    """questions: (key "area.name", level, weight) in framework order; `scopes`: area key -> scope key."""
    area_keys = list(dict.fromkeys(key.split(".")[0] for key, _, _ in questions))
    weights, scopes = area_weights or {}, scopes or {}
    return FrameworkDef(
        areas=tuple(
            AreaDef(
                key=area,
                weight=weights.get(area, 1),
                counts_toward_level=area not in not_counting,
                scope=scopes.get(area),
            )
            for area in area_keys
        ),
        questions=tuple(
            QuestionDef(key=key, area=key.split(".")[0], level=level, weight=weight) for key, level, weight in questions
        ),
    )


ONE_PER_LEVEL = framework([("a.l1", 1, 1), ("a.l2", 2, 1), ("a.l3", 3, 1), ("a.l4", 4, 1)])


def area(result, key="a"):
    return next(area for area in result.areas if area.key == key)


def test_an_area_reaches_a_level_a_third_of_a_level_past_the_one_below():
    result = score_assessment(ONE_PER_LEVEL, {"a.l1": 3, "a.l2": 2, "a.l3": 1, "a.l4": 0})
    reached = score_assessment(ONE_PER_LEVEL, {"a.l1": 3, "a.l2": 3, "a.l3": 1, "a.l4": 0})

    # S = 3/3 + 2/3 + 1/3 + 0/3 = 2, so level 2 (4/3 <= S < 7/3), score S + 2/3 = 8/3.
    assert area(result).levels_worth == 2
    assert area(result).level == 2
    assert area(result).score == Fraction(8, 3)
    # S = 1 + 1 + 1/3 + 0 = 7/3, exactly level 3's threshold 3 - 2/3: level 3, score 7/3 + 2/3 = 3.
    assert (area(reached).levels_worth, area(reached).level, area(reached).score) == (Fraction(7, 3), 3, 3)


def test_it_weighs_answers_by_question_weight():
    heavy_started = framework([("a.heavy", 1, 3), ("a.light", 1, 1), ("a.l2", 2, 1), ("a.l3", 3, 1), ("a.l4", 4, 1)])
    upper = {"a.l2": 0, "a.l3": 0, "a.l4": 0}

    # Level 1: (3*1 + 1*3) / (3 * 4) = 1/2 = S: level 1 (1/3 <= S < 4/3), score S + 2/3 = 7/6.
    heavy_low = score_assessment(heavy_started, {"a.heavy": 1, "a.light": 3} | upper)
    # Level 1: (3*3 + 1*1) / 12 = 5/6 = S: level 1, score 5/6 + 2/3 = 3/2.
    heavy_high = score_assessment(heavy_started, {"a.heavy": 3, "a.light": 1} | upper)

    assert (area(heavy_low).level, area(heavy_low).score) == (1, Fraction(7, 6))
    assert (area(heavy_high).level, area(heavy_high).score) == (1, Fraction(3, 2))


def test_it_leaves_na_answers_out_of_the_level():
    fw = framework([("a.yes", 1, 1), ("a.skip", 1, 3), ("a.next", 2, 1)])

    result = score_assessment(fw, {"a.yes": 2, "a.skip": NA, "a.next": 0})

    # Level 1: 2/3 (a.skip left out); level 2: 0; levels 3 and 4 have no question: the mean of those two, 1/3.
    # S = 2/3 + 0 + 1/3 + 1/3 = 4/3, exactly level 2's threshold 2 - 2/3: level 2, score 4/3 + 2/3 = 2.
    assert area(result).coverages == (Fraction(2, 3), 0, Fraction(1, 3), Fraction(1, 3))
    assert area(result).level == 2
    assert area(result).score == 2


def test_it_counts_a_level_without_questions_as_the_mean_of_the_others():
    fw = framework([("a.l1", 1, 1), ("a.l3", 3, 1), ("a.l4", 4, 1)])

    result = score_assessment(fw, {"a.l1": 2, "a.l3": 2, "a.l4": 1})

    # Level 2 counts (2/3 + 2/3 + 1/3) / 3 = 5/9; S = 2/3 + 5/9 + 2/3 + 1/3 = 20/9: level 2 (12/9 <= S < 21/9),
    # score 20/9 + 6/9 = 26/9.
    assert area(result).coverages[1] == Fraction(5, 9)
    assert area(result).levels_worth == Fraction(20, 9)
    assert area(result).level == 2
    assert area(result).score == Fraction(26, 9)
    assert (area(result).exempt_levels, area(result).filled_levels) == ((), (2,))


def test_it_counts_a_level_whose_questions_are_all_na_as_the_mean_of_the_others_and_lists_it_exempt():
    fw = framework([("a.l1", 1, 1), ("a.l2", 2, 1), ("a.l3", 3, 1)])

    result = score_assessment(fw, {"a.l1": 3, "a.l2": NA, "a.l3": 0})

    # Levels 2 and 4 count the mean of levels 1 and 3, 1/2: S = 1 + 1/2 + 0 + 1/2 = 2, level 2.
    assert area(result).levels_worth == 2
    assert area(result).level == 2
    assert area(result).exempt_levels == (2,)  # level 4 has no question at all: filled, not exempt
    assert area(result).filled_levels == (2, 4)


def test_a_weak_lower_level_does_not_hide_strong_upper_ones():
    result = score_assessment(ONE_PER_LEVEL, {"a.l1": 1, "a.l2": 3, "a.l3": 3, "a.l4": 3})

    # Rule 2 stopped at level 1 (level 0). S = 1/3 + 1 + 1 + 1 = 10/3, level 4's threshold 4 - 2/3: level 4,
    # score 4; level 1 (coverage 1/3) is still named as holding it back, and nothing is above level 4.
    assert area(result).level == 4
    assert area(result).score == 4
    assert [(h.level, h.coverage, h.questions) for h in area(result).held_back] == [(1, Fraction(1, 3), ("a.l1",))]
    assert area(result).above == ()


def test_it_caps_the_score_at_level_4():
    result = score_assessment(ONE_PER_LEVEL, {"a.l1": 3, "a.l2": 3, "a.l3": 3, "a.l4": 3})

    assert area(result).level == 4
    assert area(result).score == 4
    assert area(result).next_steps == ()


def test_it_makes_an_all_na_area_not_applicable_and_leaves_it_out_of_the_overall():
    fw = framework([("a.l1", 1, 1), ("b.l1", 1, 1), ("b.l2", 2, 1)], area_weights={"a": 5})

    result = score_assessment(fw, {"a.l1": NA, "b.l1": 3, "b.l2": 1})

    # b: 1 + 1/3, and levels 3 and 4 the mean 2/3 each: S = 8/3, level 3 (7/3 <= S < 10/3), score
    # 8/3 + 2/3 = 10/3; the headline is b's alone: 3 + (10/3 - 3) = 10/3.
    assert (area(result).level, area(result).score) == (None, None)
    assert result.overall_level == 3
    assert result.overall_score == Fraction(10, 3)
    assert [a.key for a in result.roadmap] == ["b"]


def test_it_has_no_overall_figures_when_every_area_is_na():
    result = score_assessment(ONE_PER_LEVEL, dict.fromkeys(("a.l1", "a.l2", "a.l3", "a.l4"), NA))

    assert (result.overall_level, result.overall_score, result.mean_score, result.limited_by) == (None, None, None, ())
    assert result.roadmap == ()


def test_the_headline_is_the_weakest_level_and_how_far_the_areas_are_towards_the_next():
    fw = framework([("a.l1", 1, 1), ("a.l2", 2, 1), ("b.l1", 1, 1)], area_weights={"a": 1, "b": 3})

    # a: levels 1 and 2 fully in place, levels 3 and 4 without question count their mean, 1: S = 4, level 4.
    # b: level 1 at 1/3, the other three levels the same: S = 4/3, level 2 (4/3 <= S < 7/3), score 4/3 + 2/3 = 2.
    # Headline level 2; towards 3: a min(1, 4 - 2) = 1, b 2 - 2 = 0; weighted (1 * 1 + 3 * 0) / 4 = 1/4.
    result = score_assessment(fw, {"a.l1": 3, "a.l2": 3, "b.l1": 1})

    assert (result.overall_level, result.limited_by) == (2, ("b",))
    assert result.overall_score == 2 + Fraction(1, 4)
    assert result.mean_score == Fraction(1 * 4 + 3 * 2, 4)


def test_four_areas_at_level_3_and_one_at_2_read_level_2_and_a_score_below_3():
    """The demo team that read "Level 0, score 2.4" under rule 1: level and score agree."""
    questions = [(f"{key}.l{level}", level, 1) for key in "abcde" for level in (1, 2, 3, 4)]
    answers = {f"{key}.l{level}": 3 if level <= 3 else 0 for key in "abcd" for level in (1, 2, 3, 4)}
    answers |= {"e.l1": 3, "e.l2": 1, "e.l3": 0, "e.l4": 0}

    result = score_assessment(framework(questions), answers)

    # a..d: S = 3, level 3 (7/3 <= S < 10/3), score 3 + 2/3 = 11/3. e: S = 1 + 1/3 = 4/3, level 2, score 2.
    # towards level 3: a..d min(1, 11/3 - 2) = 1 each, e 0; weighted mean (4 + 0) / 5 = 4/5.
    assert (result.overall_level, result.limited_by) == (2, ("e",))
    assert result.overall_score == 2 + Fraction(4, 5)
    assert result.mean_score == (4 * Fraction(11, 3) + 2) / 5


def test_an_area_that_does_not_count_stands_beside_the_headline():
    fw = framework([("a.l1", 1, 1), ("gov.l1", 1, 1)], not_counting=frozenset({"gov"}))

    result = score_assessment(fw, {"a.l1": 3, "gov.l1": 0})

    assert (result.overall_level, result.overall_score, result.limited_by) == (4, 4, ())
    assert (area(result, "gov").level, area(result, "gov").counts_toward_level) == (0, False)
    assert [a.key for a in result.roadmap] == ["gov", "a"]


def test_an_area_out_of_scope_is_not_applicable_and_needs_no_answer():
    fw = framework([("a.l1", 1, 1), ("genai.l1", 1, 1)], scopes={"genai": "genai"})

    out = score_assessment(fw, {"a.l1": 3}, scope={"genai": False})
    unanswered_scope = score_assessment(fw, {"a.l1": 3}, scope={})

    assert area(out, "genai").level is None
    assert out.overall_level == 4
    assert area(unanswered_scope, "genai").level == 0  # previewed until the team says no
    assert required_questions(fw, {"a.l1": 3}, scope={"genai": False}) == ()


def test_targets_give_each_area_its_gap_and_order_the_roadmap():
    fw = framework([("a.l1", 1, 1), ("a.l2", 2, 1), ("b.l1", 1, 1), ("b.l2", 2, 1), ("c.l1", 1, 1)])
    answers = {"a.l1": 3, "a.l2": 3, "b.l1": 3, "b.l2": 0, "c.l1": 1}

    result = score_assessment(fw, answers, targets={"a": 3, "b": 3})

    # a: S = 4 (levels 3 and 4 count the mean, 1), level 4, gap 0; b: S = 1 + 0 + 1/2 + 1/2 = 2, level 2,
    # gap 1; c: S = 4 * 1/3 = 4/3, level 2 (4/3 <= S < 7/3), no target.
    assert [(x.key, x.target, x.gap) for x in result.areas] == [("a", 3, 0), ("b", 3, 1), ("c", None, None)]
    assert [x.key for x in result.roadmap] == ["b", "c", "a"]


def test_next_steps_are_the_gaps_first_then_the_next_level():
    fw = framework([("a.l1a", 1, 1), ("a.l1b", 1, 1), ("a.l1c", 1, 2), ("a.l2", 2, 1), ("a.l3", 3, 1)])
    # Level 1: (1*3 + 1*1 + 2*3) / 12 = 5/6; levels 2 and 3: 0; level 4 (no question): the mean, 5/18.
    # S = 5/6 + 5/18 = 10/9: level 1 (1/3 <= S < 4/3), gap a.l1b, next level a.l2.
    answers = {"a.l1a": 3, "a.l1b": 1, "a.l1c": 3, "a.l2": 0, "a.l3": 0}

    steps = score_assessment(fw, answers).areas[0].next_steps

    assert [(s.question, s.kind) for s in steps] == [("a.l1b", "gap"), ("a.l2", "next_level")]


def test_required_questions_reach_one_level_above_the_area():
    fw = framework([("a.l1", 1, 1), ("a.l2", 2, 1), ("a.l3", 3, 1), ("a.l4", 4, 1)])

    assert required_questions(fw, {}) == ("a.l1",)
    assert required_questions(fw, {"a.l1": 3}) == ("a.l2",)
    assert required_questions(fw, {"a.l1": 3, "a.l2": 2}) == ("a.l3",)
    assert required_questions(fw, {"a.l1": 3, "a.l2": 2, "a.l3": 3}) == ("a.l4",)


def test_movement_reads_the_score_at_two_decimals():
    assert movement(Fraction(2), Fraction(201, 100)) == "improved"
    assert movement(Fraction(2), Fraction(2001, 1000)) == "unchanged"
    assert movement(2.4, 2.08) == "regressed"
    assert movement(None, 2.0) is None


def test_two_decimals_round_down_so_a_score_never_reaches_the_next_level():
    assert two_decimals(Fraction(2999, 1000)) == Fraction(299, 100)
    assert two_decimals(2.4) == Fraction(24, 10)


def test_it_counts_an_unanswered_question_as_not_in_place():
    assert score_assessment(ONE_PER_LEVEL, {}) == score_assessment(
        ONE_PER_LEVEL, dict.fromkeys(("a.l1", "a.l2", "a.l3", "a.l4"), 0)
    )


def test_it_orders_each_group_of_steps_by_the_levels_worth_a_step_gains_then_value_then_framework_order():
    fw = framework(
        [
            ("a.check", 1, 1),
            ("a.core", 1, 1),
            ("a.heavy", 2, 3),
            ("a.zero", 2, 3),
            ("a.zero_too", 2, 3),
            ("a.solid", 2, 3),
            ("a.skip", 2, 2),
            ("a.l3", 3, 1),
            ("a.l4", 4, 1),
        ]
    )
    answers = {"a.check": 0, "a.core": 3, "a.heavy": 1, "a.zero": 0, "a.zero_too": 0, "a.solid": 3, "a.skip": NA}
    answers |= {"a.l3": 3, "a.l4": 3}

    steps = score_assessment(fw, answers).areas[0].next_steps

    # Level 1: 3/6 = 1/2; level 2: (3 + 0 + 0 + 9) / 36 = 1/3 (a.skip left out); levels 3 and 4: 1.
    # S = 17/6: level 3, so every step is a gap. One answer point gains 1 / (3 * 2) = 1/6 of S at level 1 and
    # 3 / (3 * 12) = 1/12 at level 2, so a.check comes first although its weight is the lowest; at level 2,
    # value 0 before 1, and a.zero before a.zero_too in framework order.
    assert [(s.question, s.value, s.level) for s in steps] == [
        ("a.check", 0, 1),
        ("a.zero", 0, 2),
        ("a.zero_too", 0, 2),
        ("a.heavy", 1, 2),
    ]
    assert {s.kind for s in steps} == {"gap"}


def test_without_targets_the_roadmap_goes_from_lowest_level_then_lowest_score():
    fw = framework([("a.l1", 1, 1), ("b.l1", 1, 1), ("c.l1", 1, 1), ("c.l2", 2, 1)])

    result = score_assessment(fw, {"a.l1": 1, "b.l1": 0, "c.l1": 3, "c.l2": 0})

    # a: S = 4/3, level 2, score 2; b: S = 0, level 0; c: S = 1 + 0 + 1/2 + 1/2 = 2, level 2, score 8/3.
    assert [a.key for a in result.roadmap] == ["b", "a", "c"]
    assert [s.question for s in result.next_steps] == ["b.l1", "a.l1", "c.l2"]


# --- properties ---------------------------------------------------------------------------------

answer_values = st.sampled_from([0, 1, 2, 3, NA, UNKNOWN])
RAISED = {UNKNOWN: 1, 0: 1, 1: 2, 2: 3}  # one step up the order unknown < 1 < 2 < 3 (0 and unknown score alike)


@st.composite
def frameworks_with_answers(draw):
    area_count = draw(st.integers(min_value=1, max_value=4))
    questions = []
    for area_index in range(area_count):
        for question_index in range(draw(st.integers(min_value=1, max_value=8))):
            level = draw(st.integers(min_value=1, max_value=4))
            weight = draw(st.integers(min_value=1, max_value=3))
            questions.append((f"a{area_index}.q{question_index}", level, weight))
    area_weights = {f"a{i}": draw(st.integers(min_value=1, max_value=3)) for i in range(area_count)}
    not_counting = frozenset(f"a{i}" for i in range(area_count) if draw(st.integers(0, 3)) == 0)
    fw = framework(questions, area_weights, not_counting)
    answers = {key: draw(answer_values) for key, _, _ in questions}
    return fw, answers


def in_range(level, score) -> bool:
    """level <= score < level + 1, or 4 at level 4; at two decimals too."""
    if level == 4:
        return score == 4
    return level <= score < level + 1 and level <= two_decimals(score) < level + 1


@given(frameworks_with_answers())
def test_scores_stay_in_range_and_agree_with_levels(case):
    fw, answers = case
    result = score_assessment(fw, answers)
    for area_result in result.areas:
        if area_result.applicable:
            assert in_range(area_result.level, area_result.score)
    if result.overall_level is not None:
        assert in_range(result.overall_level, result.overall_score)


@given(frameworks_with_answers(), st.data())
def test_raising_one_answer_never_lowers_any_level_or_score(case, data):
    fw, answers = case
    raisable = sorted(key for key, value in answers.items() if value in RAISED)
    if not raisable:
        return
    key = data.draw(st.sampled_from(raisable))
    before = score_assessment(fw, answers)
    after = score_assessment(fw, {**answers, key: RAISED[answers[key]]})
    for old, new in zip(before.areas, after.areas, strict=True):
        if old.applicable:
            assert (new.level, new.score) >= (old.level, old.score)
            assert new.level >= old.level
    if before.overall_level is not None:
        assert after.overall_level >= before.overall_level
        assert after.overall_score >= before.overall_score
        assert after.mean_score >= before.mean_score


@given(frameworks_with_answers(), st.data())
def test_an_answer_in_an_area_that_does_not_count_never_changes_the_headline(case, data):
    fw, answers = case
    not_counting = {area.key for area in fw.areas if not area.counts_toward_level}
    keys = sorted(key for key in answers if key.split(".")[0] in not_counting)
    if not keys:
        return
    key, value = data.draw(st.sampled_from(keys)), data.draw(answer_values)
    before = score_assessment(fw, answers)
    after = score_assessment(fw, {**answers, key: value})
    headline = ("overall_level", "overall_score", "mean_score", "limited_by")
    assert [getattr(after, name) for name in headline] == [getattr(before, name) for name in headline]


@given(frameworks_with_answers())
def test_limited_by_is_empty_exactly_when_the_level_is_4_or_null(case):
    fw, answers = case
    result = score_assessment(fw, answers)

    assert (result.limited_by == ()) == (result.overall_level in (4, None))


@given(frameworks_with_answers(), frameworks_with_answers())
def test_a_fall_in_level_always_reads_regressed(first, second):
    (fw, answers), (_, other) = first, second
    before = score_assessment(fw, answers)
    after = score_assessment(fw, {key: other.get(key, value) for key, value in answers.items()})
    if None in (before.overall_level, after.overall_level) or after.overall_level >= before.overall_level:
        return
    assert movement(before.overall_score, after.overall_score) == "regressed"


@given(frameworks_with_answers(), st.data())
def test_marking_a_question_na_never_changes_other_areas(case, data):
    fw, answers = case
    key = data.draw(st.sampled_from(sorted(answers)))
    before = score_assessment(fw, answers)
    after = score_assessment(fw, {**answers, key: NA})
    changed_area = key.split(".")[0]
    for old, new in zip(before.areas, after.areas, strict=True):
        if old.key != changed_area:
            assert old == new


@given(frameworks_with_answers())
def test_the_overall_level_is_the_minimum_over_the_counting_areas(case):
    fw, answers = case
    result = score_assessment(fw, answers)
    counting = [a for a in result.areas if a.applicable and a.counts_toward_level]
    if not counting:
        assert result.overall_level is None
        return
    assert result.overall_level == min(a.level for a in counting)
    assert set(result.limited_by) <= {a.key for a in counting if a.level == result.overall_level}


@given(frameworks_with_answers())
def test_next_steps_are_gaps_below_the_level_then_the_unfinished_practices_of_the_next(case):
    fw, answers = case
    levels = {q.key: q.level for q in fw.questions}
    for result in score_assessment(fw, answers).areas:
        kinds = [step.kind for step in result.next_steps]
        assert kinds == sorted(kinds)  # "gap" before "next_level"
        for step in result.next_steps:
            assert answers[step.question] != NA
            if step.kind == "gap":
                assert levels[step.question] == step.level <= result.level
                assert answers[step.question] in (0, 1, UNKNOWN)
            else:
                assert levels[step.question] == step.level == result.level + 1
                assert answers[step.question] in (0, 1, 2, UNKNOWN)


@given(frameworks_with_answers())
def test_the_questions_adaptive_depth_leaves_unanswered_can_only_raise_the_result(case):
    fw, answers = case
    settled: dict = {}
    while required := required_questions(fw, settled):  # a team answering only what is asked
        settled |= {key: answers[key] for key in required}

    asked, full = score_assessment(fw, settled), score_assessment(fw, answers)

    for before, after in zip(asked.areas, full.areas, strict=True):
        if before.applicable and after.applicable:
            assert (after.level, after.score) >= (before.level, before.score)
    if asked.overall_level is not None and full.overall_level is not None:
        assert (full.overall_level, full.overall_score) >= (asked.overall_level, asked.overall_score)
