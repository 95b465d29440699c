"""The calibration corpus is whole (every team described, judged before it was answered, and answered blind
twice) and the product's rule (maturity.scoring.SCORING_RULE) is measured on it: the table of headlines is
printed (pytest -s) with its agreement with the auditor's judgements."""

import pytest

from maturity.scoring import SCORING_RULE, score_assessment
from tests.maturity.calibration.corpus import LIFECYCLE, RESPONDENTS, AnswerSet, Levels, agreement, table, teams
from tests.maturity.test_profiles import definition

CORPUS = teams()


def product_rule(answers: AnswerSet) -> Levels:
    result = score_assessment(definition(), answers.answers, scope=answers.scope)
    by_key = {area.key: area.level for area in result.areas}
    return Levels(result.overall_level, {area: by_key[area] for area in LIFECYCLE})


def test_it_has_at_least_24_teams_each_described_judged_and_answered_twice():
    assert len(CORPUS) >= 24
    assert all(len(team.description.split()) >= 150 for team in CORPUS)
    assert all(set(team.answer_sets) == set(RESPONDENTS) for team in CORPUS)


@pytest.mark.parametrize("team", CORPUS, ids=lambda team: team.name)
def test_the_auditor_judged_every_lifecycle_area_with_a_range_around_it(team):
    verdict = team.verdict

    assert set(verdict.areas) == set(LIFECYCLE)
    assert verdict.headline == min(verdict.areas.values())
    assert set(verdict.ranges) == {"headline", *LIFECYCLE}
    assert all(
        low <= ({"headline": verdict.headline} | verdict.areas)[key] <= high
        for key, (low, high) in verdict.ranges.items()
    )


@pytest.mark.parametrize("team", CORPUS, ids=lambda team: team.name)
def test_every_answer_set_answers_each_question_in_its_scope_once(team):
    questions = definition().questions
    scoped = {area.key: area.scope for area in definition().areas}

    for answers in team.answer_sets.values():
        asked = {q.key for q in questions if scoped[q.area] is None or answers.scope.get(scoped[q.area])}
        assert set(answers.answers) == asked
        assert set(answers.answers.values()) <= {0, 1, 2, 3, "na"}
        assert all(answers.answers[key] == 0 for key in answers.unknown)


def test_the_product_rule_on_the_corpus(capsys):
    measured = agreement(product_rule, CORPUS)

    with capsys.disabled():
        name = f"rule {SCORING_RULE}"
        print(
            f"\n{name.capitalize()} on the calibration corpus (headline per respondent)\n"
            + table(CORPUS, {name: product_rule})
        )
        for name in ("headline_exact", "headline_in_range", "headline_within_one", "areas_exact"):
            hits, total = getattr(measured, name)
            print(f"{name}: {hits} of {total}")
    assert measured.headline_exact[1] == sum(len(team.answer_sets) for team in CORPUS)
