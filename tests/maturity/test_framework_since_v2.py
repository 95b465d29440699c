"""What every version of the MLOps model since 2 holds: each question traced to the catalogue of sources, every
criterion of the published five-level model cited at its level, and adaptive depth."""

import pytest

from maturity.catalogue_file import read_catalogue_file
from maturity.scoring import AreaDef, FrameworkDef, QuestionDef, required_questions
from tests.conftest import mlops_v2_spec, mlops_v3_spec

VERSIONS = pytest.mark.parametrize("spec", [mlops_v2_spec, mlops_v3_spec], ids=["version 2", "version 3"])


@VERSIONS
def test_every_question_cites_a_source_of_the_catalogue(spec):
    known = read_catalogue_file().ids

    for question in spec().questions:
        assert question.sources, f"{question.key} cites no source"
        assert set(question.sources) <= known, question.key


@VERSIONS
def test_every_criterion_of_the_published_model_is_cited_at_its_level(spec):
    catalogue = read_catalogue_file()
    at_level = {p.key for p in catalogue.publications if p.cited_at_level}
    counting = {area.key for area in spec().areas if area.counts_toward_level}
    cited = {
        (source, question.level)
        for question in spec().questions
        if question.area in counting
        for source in question.sources
    }

    missing = [s.id for s in catalogue.sources if s.publication in at_level and (s.id, s.level) not in cited]
    assert missing == []


@VERSIONS
def test_a_level_one_team_answers_about_half_the_questions(spec):
    """Adaptive depth: a team with every level-1 practice in place and nothing else is asked levels 1 and 2."""
    framework = spec()
    definition = FrameworkDef(
        areas=tuple(AreaDef(a.key, a.weight, a.counts_toward_level, a.scope) for a in framework.areas),
        questions=tuple(QuestionDef(q.key, q.area, q.level, q.weight) for q in framework.questions),
    )
    answers = {q.key: 3 for q in framework.questions if q.level == 1}

    asked = len(answers) + len(required_questions(definition, answers, scope={"genai": True, "eu_market": True}))

    assert 0.4 <= asked / len(framework.questions) <= 0.6
