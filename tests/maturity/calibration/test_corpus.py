"""The calibration corpus is whole (every team described, judged before it was answered, and answered blind
twice on each questionnaire version) and the product's rule is measured on it. `pytest -s` prints the
headlines of rule 2 and of the product's rule beside the auditor's, the four figures issue 21 sets targets
for, and how each parameter of the rule would have moved them."""

from fractions import Fraction
from pathlib import Path

import pytest

from maturity.framework_file import FrameworkSpec, read_framework_file
from maturity.scoring import AreaDef, FrameworkDef, QuestionDef, score_assessment
from tests.maturity.calibration.corpus import (
    LIFECYCLE,
    RESPONDENTS,
    AnswerSet,
    Levels,
    agreement,
    figures,
    table,
    teams,
)
from tests.maturity.calibration.rules import LevelsWorth, rule_two

CORPUS = teams()
FRAMEWORKS = Path(__file__).resolve().parents[3] / "maturity" / "frameworks"
SPECS = {2: read_framework_file(FRAMEWORKS / "mlops-v2.yaml"), 3: read_framework_file(FRAMEWORKS / "mlops-v3.yaml")}
SHIPPED = 3  # the questionnaire version make run loads last


def product_rule(spec: FrameworkSpec):
    definition = FrameworkDef(
        areas=tuple(AreaDef(a.key, a.weight, a.counts_toward_level, a.scope) for a in spec.areas),
        questions=tuple(QuestionDef(q.key, q.area, q.level, q.weight) for q in spec.questions),
    )

    def levels(answers: AnswerSet) -> Levels:
        result = score_assessment(definition, answers.answers, scope=answers.scope)
        by_key = {area.key: area.level for area in result.areas}
        return Levels(result.overall_level, {area: by_key[area] for area in LIFECYCLE})

    return levels


def test_it_has_at_least_24_teams_each_described_judged_and_answered_twice_on_each_version():
    assert len(CORPUS) >= 24
    assert all(len(team.description.split()) >= 150 for team in CORPUS)
    assert all(set(team.answer_sets(version)) == set(RESPONDENTS) for team in CORPUS for version in SPECS)


def test_the_six_reference_teams_of_the_issue_are_in_it_with_their_auditors_headlines():
    """Issue 21's table: the six teams of shared/reference/calibration and the auditor's level for each."""
    reference = {
        "01-bank-credit-risk": 1,
        "02-llm-support-assistant": 1,
        "03-retail-recommender": 1,
        "04-motor-pricing-batch": 2,
        "05-cv-edge-inspection": 0,
        "06-payments-fraud": 3,
    }

    assert {team.name: team.verdict.headline for team in CORPUS if team.name in reference} == reference


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


@pytest.mark.parametrize("version", SPECS)
@pytest.mark.parametrize("team", CORPUS, ids=lambda team: team.name)
def test_every_answer_set_answers_each_question_in_its_scope_once(team, version):
    spec = SPECS[version]
    scoped = {area.key: area.scope for area in spec.areas}

    for answers in team.answer_sets(version).values():
        assert set(answers.scope) == {scope.key for scope in spec.scopes}
        asked = {q.key for q in spec.questions if scoped[q.area] is None or answers.scope.get(scoped[q.area])}
        assert set(answers.answers) == asked
        assert set(answers.answers.values()) <= {0, 1, 2, 3, "na", "unknown"}


@pytest.mark.parametrize("version", SPECS)
def test_the_family_at_the_shipped_parameters_is_the_products_rule(version):
    """So that the sensitivity table below measures the rule that ships, not a copy of it."""
    family, product = LevelsWorth()(SPECS[version]), product_rule(SPECS[version])

    for team in CORPUS:
        for answers in team.answer_sets(version).values():
            assert family(answers) == product(answers), team.name


def test_the_rule_on_the_corpus(capsys):
    shipped = product_rule(SPECS[SHIPPED])
    rules = {
        "rule 2, v2": (rule_two(SPECS[2]), 2),
        "rule 2, v3": (rule_two(SPECS[3]), 3),
        "rule 3, v2": (product_rule(SPECS[2]), 2),
        "rule 3, v3": (shipped, 3),
    }

    with capsys.disabled():
        print("\n\nHeadlines on the calibration corpus (~ within the auditor's range, ! outside it)\n")
        print(table(CORPUS, rules))
        print("\n" + figures(CORPUS, rules))
        print("\nSensitivity of rule 3 on version 3 answers (one parameter changed at a time)\n")
        print(figures(CORPUS, SENSITIVITY))
    measured = agreement(shipped, CORPUS, SHIPPED)
    assert measured.headline_exact[1] == len(CORPUS) * len(RESPONDENTS)


FIGURES = ("headline_exact", "headline_in_range", "headline_within_one", "areas_exact")


@pytest.mark.parametrize("respondent", RESPONDENTS)
def test_rule_three_agrees_with_the_auditors_at_least_as_well_as_when_it_shipped(respondent):
    """A floor under each figure, with each respondent, at what rule 3 and version 3 reached when they
    shipped (issue 21's targets, 80%, 90%, 100% and 70%, are not all met: maturity/SCORING.md says
    where they fall short); a change to the rule or the questions that loses agreement fails here."""
    shipped = _one_respondent(agreement(product_rule(SPECS[SHIPPED]), CORPUS, SHIPPED), respondent)
    baseline = _one_respondent(agreement(rule_two(SPECS[2]), CORPUS, 2), respondent)
    floors = dict(zip(FIGURES, (Fraction(3, 4), Fraction(5, 6), Fraction(11, 12), Fraction(1, 2)), strict=True))

    for figure, floor in floors.items():
        hits, total = getattr(shipped, figure)
        assert Fraction(hits, total) >= floor, figure
        assert hits > getattr(baseline, figure)[0], figure


def _one_respondent(measured, respondent: str):
    return type(measured)([row for row in measured.rows if row[1] == respondent])


def _family(**parameters) -> tuple:
    return (LevelsWorth(**parameters)(SPECS[SHIPPED]), SHIPPED)


SENSITIVITY = {
    "shipped: step 1, offset -2/3, all-na level = mean of the others, unknown = 0": _family(),
    **{f"offset {offset}": _family(offset=offset) for offset in map(Fraction, ("-1/2", "-7/12", "-3/4", "-1/3", "0"))},
    **{f"step {step}": _family(step=step) for step in map(Fraction, ("2/3", "3/4", "4/5"))},
    **{f"all-na level = {fill}": _family(exempt=fill) for fill in map(Fraction, ("0", "1/2", "1"))},
    "unknown = 1 (started)": _family(unknown=1),
}
