"""The scoring rule of design section 3: hand-worked cases for each rule, then properties."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from maturity.scoring import NA, AreaDef, FrameworkDef, QuestionDef, score_assessment


def framework(questions: list[tuple[str, int, int]], area_weights: dict[str, int] | None = None) -> FrameworkDef:
    """questions: (key "area.name", level, weight) in framework order."""
    area_keys = list(dict.fromkeys(key.split(".")[0] for key, _, _ in questions))
    weights = area_weights or {}
    return FrameworkDef(
        areas=tuple(AreaDef(key=area, weight=weights.get(area, 1)) for area in area_keys),
        questions=tuple(QuestionDef(key=key, area=key.split(".")[0], level=level, weight=weight)
                        for key, level, weight in questions),
    )


ONE_PER_LEVEL = framework([("a.l1", 1, 1), ("a.l2", 2, 1), ("a.l3", 3, 1), ("a.l4", 4, 1)])


def area(result, key="a"):
    return next(area for area in result.areas if area.key == key)


def test_it_reaches_the_highest_level_whose_staircase_is_met():
    result = score_assessment(ONE_PER_LEVEL, {"a.l1": 3, "a.l2": 2, "a.l3": 1, "a.l4": 0})

    assert area(result).level == 2
    assert area(result).score == 2 + Fraction(1, 3)


def test_it_weighs_answers_by_question_weight():
    heavy_started = framework([("a.heavy", 1, 3), ("a.light", 1, 1)])

    # 3*1 + 1*3 = 6 < 2 * 4: not met; coverage 6 / 12.
    not_met = score_assessment(heavy_started, {"a.heavy": 1, "a.light": 3})
    # 3*3 + 1*1 = 10 >= 8: met, and level 2..4 are empty, so the area is at level 4.
    met = score_assessment(heavy_started, {"a.heavy": 3, "a.light": 1})

    assert (area(not_met).level, area(not_met).score) == (0, Fraction(1, 2))
    assert (area(met).level, area(met).score) == (4, 4)


def test_it_leaves_na_answers_out_of_the_level():
    fw = framework([("a.yes", 1, 1), ("a.skip", 1, 3), ("a.next", 2, 1)])

    result = score_assessment(fw, {"a.yes": 2, "a.skip": NA, "a.next": 0})

    assert area(result).level == 1
    assert area(result).score == 1


def test_it_counts_a_level_without_questions_as_met():
    fw = framework([("a.l1", 1, 1), ("a.l3", 3, 1), ("a.l4", 4, 1)])

    result = score_assessment(fw, {"a.l1": 2, "a.l3": 2, "a.l4": 1})

    assert area(result).level == 3
    assert area(result).score == 3 + Fraction(1, 3)


def test_it_counts_a_level_whose_questions_are_all_na_as_met():
    fw = framework([("a.l1", 1, 1), ("a.l2", 2, 1), ("a.l3", 3, 1)])

    result = score_assessment(fw, {"a.l1": 3, "a.l2": NA, "a.l3": 0})

    assert area(result).level == 2


def test_it_gates_higher_levels_on_lower_ones():
    result = score_assessment(ONE_PER_LEVEL, {"a.l1": 1, "a.l2": 3, "a.l3": 3, "a.l4": 3})

    assert area(result).level == 0
    assert area(result).score == Fraction(1, 3)


def test_it_caps_the_score_at_level_4():
    result = score_assessment(ONE_PER_LEVEL, {"a.l1": 3, "a.l2": 3, "a.l3": 3, "a.l4": 3})

    assert area(result).level == 4
    assert area(result).score == 4
    assert area(result).next_steps == ()


def test_it_makes_an_all_na_area_not_applicable_and_leaves_it_out_of_the_overall():
    fw = framework([("a.l1", 1, 1), ("b.l1", 1, 1), ("b.l2", 2, 1)], area_weights={"a": 5})

    result = score_assessment(fw, {"a.l1": NA, "b.l1": 3, "b.l2": 1})

    assert (area(result).level, area(result).score) == (None, None)
    assert result.overall_level == 1
    assert result.overall_score == 1 + Fraction(1, 3)
    assert [a.key for a in result.roadmap] == ["b"]


def test_it_has_no_overall_figures_when_every_area_is_na():
    result = score_assessment(ONE_PER_LEVEL, dict.fromkeys(("a.l1", "a.l2", "a.l3", "a.l4"), NA))

    assert (result.overall_level, result.overall_score, result.roadmap) == (None, None, ())


def test_it_takes_the_weakest_area_as_overall_level_and_weights_the_overall_score():
    fw = framework([("a.l1", 1, 1), ("a.l2", 2, 1), ("b.l1", 1, 1)], area_weights={"a": 1, "b": 3})

    # a: levels 1 and 2 met, levels 3 and 4 have no questions: level 4, score 4.
    # b: level 0, coverage 1/3.
    result = score_assessment(fw, {"a.l1": 3, "a.l2": 3, "b.l1": 1})

    assert result.overall_level == 0
    assert result.overall_score == (1 * 4 + 3 * Fraction(1, 3)) / 4


def test_it_counts_an_unanswered_question_as_not_in_place():
    assert score_assessment(ONE_PER_LEVEL, {}) == score_assessment(ONE_PER_LEVEL, dict.fromkeys(
        ("a.l1", "a.l2", "a.l3", "a.l4"), 0))


def test_it_orders_next_steps_by_weight_then_value_then_framework_order():
    fw = framework([
        ("a.base", 1, 1),
        ("a.first", 2, 1), ("a.second", 2, 1), ("a.heavy", 2, 3), ("a.done", 2, 3), ("a.skip", 2, 2),
        ("a.higher", 3, 1),
    ])
    # Level 2: 1*1 + 1*0 + 3*1 + 3*3 = 13 < 2 * 8, so the area is at level 1 and level 2 is next.
    answers = {"a.base": 3, "a.first": 1, "a.second": 0, "a.heavy": 1, "a.done": 3, "a.skip": NA, "a.higher": 0}

    steps = score_assessment(fw, answers).areas[0].next_steps

    assert [(s.question, s.value, s.level) for s in steps] == [("a.heavy", 1, 2), ("a.second", 0, 2), ("a.first", 1, 2)]


def test_it_lists_the_roadmap_from_lowest_level_then_lowest_score():
    fw = framework([("a.l1", 1, 1), ("b.l1", 1, 1), ("c.l1", 1, 1), ("c.l2", 2, 1)])

    result = score_assessment(fw, {"a.l1": 1, "b.l1": 0, "c.l1": 3, "c.l2": 0})

    assert [a.key for a in result.roadmap] == ["b", "a", "c"]
    assert [s.question for s in result.next_steps] == ["b.l1", "a.l1", "c.l2"]


# --- properties ---------------------------------------------------------------------------------

answer_values = st.sampled_from([0, 1, 2, 3, NA])


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
    fw = framework(questions, area_weights)
    answers = {key: draw(answer_values) for key, _, _ in questions}
    return fw, answers


@given(frameworks_with_answers())
def test_scores_stay_in_range_and_agree_with_levels(case):
    fw, answers = case
    for result in score_assessment(fw, answers).areas:
        if result.applicable:
            assert 0 <= result.score <= 4
            assert result.level <= result.score < result.level + 1 or result.level == result.score == 4


@given(frameworks_with_answers(), st.data())
def test_raising_one_answer_never_lowers_any_area(case, data):
    fw, answers = case
    raisable = sorted(key for key, value in answers.items() if value != NA and value < 3)
    if not raisable:
        return
    key = data.draw(st.sampled_from(raisable))
    before = score_assessment(fw, answers)
    after = score_assessment(fw, {**answers, key: answers[key] + 1})
    for old, new in zip(before.areas, after.areas, strict=True):
        if old.applicable:
            assert new.level >= old.level
            assert new.score >= old.score


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
def test_overall_level_is_the_minimum_and_overall_score_lies_between_area_scores(case):
    fw, answers = case
    result = score_assessment(fw, answers)
    applicable = [a for a in result.areas if a.applicable]
    if not applicable:
        assert result.overall_level is None
        return
    assert result.overall_level == min(a.level for a in applicable)
    assert min(a.score for a in applicable) <= result.overall_score <= max(a.score for a in applicable)


@given(frameworks_with_answers())
def test_next_steps_are_the_unfinished_practices_of_the_next_level(case):
    fw, answers = case
    levels = {q.key: q.level for q in fw.questions}
    for result in score_assessment(fw, answers).areas:
        for step in result.next_steps:
            assert levels[step.question] == step.level == result.level + 1
            assert answers[step.question] != NA
            assert answers[step.question] < 3
