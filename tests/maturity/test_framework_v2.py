"""The MLOps maturity model, version 2: its shape, and its traceability to the catalogue of sources.

The coverage test walks the catalogue: every entry of the catalogue is cited by some question, so coverage
holds as content changes. What every version since 2 holds (each question cites a source, each criterion of
the published five-level model is cited at its level, adaptive depth) is in test_framework_since_v2.py.
"""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

from maturity.catalogue_file import read_catalogue_file
from maturity.models import Framework
from maturity.selectors import framework_for_new_assessment
from tests.conftest import MLOPS_V2_YAML, MLOPS_YAML, mlops_spec, mlops_v2_spec

LIFECYCLE = ("people", "data", "experiments", "training", "testing", "deployment", "monitoring")
BESIDE = ("governance", "security", "cost")
SCOPED = {"genai": "genai", "eu_ai_act": "eu_market"}


def questions_by_area_and_level():
    return Counter((question.area, question.level) for question in mlops_v2_spec().questions)


def test_it_has_seven_counting_lifecycle_areas_and_five_beside_the_headline():
    spec = mlops_v2_spec()

    assert [area.key for area in spec.areas if area.counts_toward_level] == list(LIFECYCLE)
    assert [area.key for area in spec.areas if not area.counts_toward_level] == [*BESIDE, *SCOPED]
    assert {area.key: area.scope for area in spec.areas if area.scope} == SCOPED
    assert [scope.key for scope in spec.scopes] == ["genai", "eu_market"]
    assert 90 <= len(spec.questions) <= 130


@pytest.mark.parametrize("area", LIFECYCLE)
def test_no_single_answer_decides_a_lifecycle_level(area):
    counts = questions_by_area_and_level()

    assert [counts[area, level] for level in range(1, 5)] == [max(2, counts[area, level]) for level in range(1, 5)], (
        f"{area} has a level with fewer than two questions"
    )
    assert sum(counts[area, level] >= 3 for level in range(1, 5)) >= 2, f"most levels of {area} hold three"


@pytest.mark.parametrize("area", [*BESIDE, *SCOPED])
def test_every_area_beside_the_headline_has_two_questions_at_each_level(area):
    counts = questions_by_area_and_level()

    assert all(counts[area, level] >= 2 for level in range(1, 5)), area


def test_every_entry_of_the_catalogue_is_cited_by_some_question():
    cited = {source for question in mlops_v2_spec().questions for source in question.sources}

    assert [source.id for source in read_catalogue_file().sources if source.id not in cited] == []


def test_every_earlier_key_it_replaces_is_a_version_one_question():
    version_one = {question.key for question in mlops_spec().questions}

    assert {key for q in mlops_v2_spec().questions for key in q.replaces} <= version_one


@pytest.mark.usefixtures("no_frameworks")
def test_both_versions_load_with_one_command_and_new_assessments_take_version_two():
    out = StringIO()

    call_command("load_framework", str(MLOPS_V2_YAML), str(MLOPS_YAML), stdout=out)

    assert list(Framework.objects.filter(slug="mlops").values_list("version", flat=True)) == [2, 1]
    assert out.getvalue().splitlines()[0].startswith("Loaded mlops v1")
    assert framework_for_new_assessment().version == 2
