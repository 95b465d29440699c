""" "unknown" (don't know) in scoring: nothing is claimed without evidence, so it counts as 0 everywhere."""

from maturity.scoring import UNKNOWN, AreaDef, FrameworkDef, QuestionDef, required_questions, score_assessment

ONE_PER_LEVEL = FrameworkDef(
    areas=(AreaDef("a", 1),),
    questions=tuple(QuestionDef(f"a.l{level}", "a", level, 1) for level in (1, 2, 3, 4)),
)


def test_it_scores_unknown_exactly_as_not_in_place():
    answers = {"a.l1": 3, "a.l2": 2, "a.l3": 1}

    assert score_assessment(ONE_PER_LEVEL, answers | {"a.l4": UNKNOWN}) == score_assessment(
        ONE_PER_LEVEL, answers | {"a.l4": 0}
    )


def test_an_unknown_practice_is_a_gap_or_a_next_step_like_a_0_and_says_it_is_unknown():
    # Coverages 1, 0 (unknown), 1, 1: S = 3, level 3; l2 is a gap below it, like a practice not in place,
    # and the step keeps the answer so the report can say "don't know".
    result = score_assessment(ONE_PER_LEVEL, {"a.l1": 3, "a.l2": UNKNOWN, "a.l3": 3, "a.l4": 3})

    assert result.areas[0].level == 3
    assert [(s.question, s.value, s.kind) for s in result.next_steps] == [("a.l2", UNKNOWN, "gap")]


def test_an_unknown_answer_is_an_answer_so_it_is_not_required_again():
    assert required_questions(ONE_PER_LEVEL, {"a.l1": UNKNOWN}) == ()
    assert required_questions(ONE_PER_LEVEL, {}) == ("a.l1",)
