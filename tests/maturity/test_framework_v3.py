"""The MLOps maturity model, version 3: version 2 rewritten where the calibration corpus showed questions failing
real teams (tests/maturity/calibration/V3-CHANGES.md). Its shape, its traceability to the catalogue of sources,
and the invariants the rewrite was made for: no lifecycle level rests on one weight-1 question once the
questions that allow "not applicable" are "na", and no question assumes an online service without saying how
a batch job answers it. What it shares with version 2 is in test_framework_since_v2.py.
"""

import re
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from maturity.catalogue_file import read_catalogue_file
from maturity.models import Framework
from maturity.selectors import framework_for_new_assessment
from tests.conftest import MLOPS_V2_YAML, MLOPS_V3_YAML, MLOPS_YAML, mlops_v2_spec, mlops_v3_spec

LIFECYCLE = ("people", "data", "experiments", "training", "testing", "deployment", "monitoring")
BESIDE = ("governance", "security", "cost", "genai", "eu_ai_act")
# The two practices version 3 dropped (nobody in the corpus recognised them) were the only ones citing these.
NO_LONGER_CITED = {"mlts.infra-5", "mlts.monitor-1"}
ALLOWS_NA = re.compile(r'answers? "not applicable"')
ASSUMES_AN_ONLINE_SERVICE = re.compile(r"prediction service|online service")
CHANGES = Path(__file__).resolve().parent / "calibration" / "V3-CHANGES.md"


def lifecycle_questions(spec):
    return [question for question in spec.questions if question.area in LIFECYCLE]


def weights_left_when_na(spec, area: str, level: int) -> list[int]:
    """The weights of an area-level's questions that stay applicable when every question whose guidance allows
    "not applicable" is answered so."""
    at_level = [q for q in spec.questions if (q.area, q.level) == (area, level)]
    return [q.weight for q in at_level if not ALLOWS_NA.search(" ".join(q.guidance.split()))]


def test_it_is_version_three_of_mlops_with_the_areas_and_size_of_version_two():
    spec, before = mlops_v3_spec(), mlops_v2_spec()

    def shape(area):
        return (area.key, area.weight, area.counts_toward_level, area.scope)

    assert (spec.slug, spec.version, spec.levels, spec.scopes) == ("mlops", 3, before.levels, before.scopes)
    assert [shape(area) for area in spec.areas] == [shape(area) for area in before.areas]
    assert len(spec.questions) == len(before.questions)


def test_the_description_says_whose_practices_are_assessed_and_when_to_answer_dont_know():
    description = mlops_v3_spec().description

    assert "answer every question for those systems" in description
    assert "3 (fully in place) for all of them, 2 (mostly in place) for most of them" in description
    assert "1 (started) for one or a few, 0 (not in place) for none" in description
    assert 'answer "Don\'t know" rather than guess' in description


@pytest.mark.parametrize("area", LIFECYCLE)
def test_every_lifecycle_level_has_two_questions_and_level_one_none_of_weight_one(area):
    counts = Counter((q.area, q.level) for q in mlops_v3_spec().questions)

    assert all(counts[area, level] >= 2 for level in range(1, 5)), area
    assert all(q.weight >= 2 for q in mlops_v3_spec().questions if (q.area, q.level) == (area, 1)), area


@pytest.mark.parametrize("area", LIFECYCLE)
def test_no_level_rests_on_one_weight_one_question_when_the_questions_that_allow_na_are_na(area):
    spec = mlops_v3_spec()

    for level in range(1, 5):
        left = weights_left_when_na(spec, area, level)
        assert left, f"{area} level {level} can be all 'na'"
        assert left != [1], f"{area} level {level} rests on one weight-1 question"


def test_every_question_that_names_an_online_service_says_how_a_batch_job_answers():
    """Version 2 failed this for on_call_rota, managed_environment, service_metrics and alerting, which batch
    teams answered "na" or 0."""
    silent = [
        q.key
        for q in lifecycle_questions(mlops_v3_spec())
        if ASSUMES_AN_ONLINE_SERVICE.search(f"{q.statement} {q.guidance}")
        and not ("batch" in q.guidance or ALLOWS_NA.search(q.guidance))
    ]

    assert silent == []


def test_every_training_question_says_how_a_team_on_hosted_models_answers():
    """Version 2's training area was all "na" for the corpus' hosted-model teams (08 and 19)."""
    training = [q for q in mlops_v3_spec().questions if q.area == "training"]

    assert [q.key for q in training if "only uses hosted models" not in " ".join(q.guidance.split())] == []


def test_kept_practices_keep_their_area_level_and_weight():
    """Same key, same practice: version 3 rewords, it does not move practices between levels."""

    def placement(question):
        return (question.area, question.level, question.weight)

    before = {q.key: placement(q) for q in mlops_v2_spec().questions}

    assert [q.key for q in mlops_v3_spec().questions if before.get(q.key, placement(q)) != placement(q)] == []


def test_it_adds_and_removes_exactly_the_practices_its_changes_note_names():
    old = {q.key for q in mlops_v2_spec().questions}
    new = {q.key for q in mlops_v3_spec().questions}

    assert new - old == {"testing.release_acceptance_check", "monitoring.performance_review"}
    assert old - new == {"testing.single_example_debugging", "monitoring.dependency_notifications"}


def test_the_changes_note_lists_every_new_or_reworded_question_as_changed():
    changed = yaml.safe_load(CHANGES.read_text().split("```yaml\n", 1)[1].split("```", 1)[0])["changed_keys"]
    before = {q.key: q for q in mlops_v2_spec().questions}

    assert changed == [
        q.key
        for q in mlops_v3_spec().questions
        if q.key not in before or (q.statement, q.guidance) != (before[q.key].statement, before[q.key].guidance)
    ]


def test_it_replaces_nothing_so_every_kept_key_carries_over_by_itself():
    assert [q.key for q in mlops_v3_spec().questions if q.replaces] == []


def test_every_entry_of_the_catalogue_but_the_two_dropped_practices_is_cited():
    cited = {source for question in mlops_v3_spec().questions for source in question.sources}

    assert {source.id for source in read_catalogue_file().sources if source.id not in cited} == NO_LONGER_CITED


@pytest.mark.usefixtures("no_frameworks")
def test_the_three_versions_load_with_one_command_and_new_assessments_take_version_three():
    out = StringIO()

    call_command("load_framework", str(MLOPS_YAML), str(MLOPS_V2_YAML), str(MLOPS_V3_YAML), stdout=out)

    assert list(Framework.objects.filter(slug="mlops").values_list("version", flat=True)) == [3, 2, 1]
    assert out.getvalue().splitlines()[2] == "Loaded mlops v3: 12 areas, 129 questions."
    assert framework_for_new_assessment().version == 3


def test_the_areas_beside_the_headline_change_only_where_a_wording_note_named_them():
    """privacy, endpoint_auth, and the EU questions whose applicability the respondents could not settle."""
    before = {q.key: q for q in mlops_v2_spec().questions}

    def content(question):
        return (question.statement, question.guidance, question.recommendation, question.level, question.weight)

    touched = {q.key for q in mlops_v3_spec().questions if q.area in BESIDE and content(q) != content(before[q.key])}
    outside_the_eu_area = {key for key in touched if not key.startswith("eu_ai_act.")}
    assert outside_the_eu_area == {"governance.privacy", "security.endpoint_auth"}
    assert not any(key.startswith(("cost.", "genai.")) for key in touched)
