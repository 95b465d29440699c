"""Validation of a framework file before anything is written."""

import pytest
import yaml

from maturity.framework_file import FrameworkFileError, parse_framework
from tests.conftest import MLOPS_YAML


def mlops_document() -> dict:
    return yaml.safe_load(MLOPS_YAML.read_text())


def problems_of(document) -> list[str]:
    with pytest.raises(FrameworkFileError) as error:
        parse_framework(yaml.safe_dump(document, sort_keys=False))
    return error.value.problems


def test_it_reads_the_default_framework_in_file_order():
    spec = parse_framework(MLOPS_YAML.read_text())

    assert (spec.slug, spec.version) == ("mlops", 1)
    assert [area.key for area in spec.areas] == [
        "people",
        "data",
        "experiments",
        "training",
        "testing",
        "deployment",
        "monitoring",
        "governance",
    ]
    assert 40 <= len(spec.questions) <= 64


def test_the_default_framework_has_every_level_in_every_area():
    spec = parse_framework(MLOPS_YAML.read_text())

    for area in spec.areas:
        assert {q.level for q in spec.questions if q.area == area.key} == {1, 2, 3, 4}, area.key


def test_the_default_framework_names_the_five_levels():
    spec = parse_framework(MLOPS_YAML.read_text())

    assert [level.name for level in spec.levels] == [
        "No MLOps",
        "DevOps but no MLOps",
        "Automated training",
        "Automated model deployment",
        "Full MLOps automated operations",
    ]


def test_it_reports_every_problem_with_its_location():
    document = mlops_document()
    document["questions"][0]["level"] = 5
    document["questions"][1]["area"] = "nowhere"
    document["questions"][2]["weight"] = 0
    document["questions"][3]["statement"] = "  "
    duplicate = document["questions"][4]["key"] = document["questions"][5]["key"]

    problems = problems_of(document)

    assert len(problems) == 5
    assert problems[0].startswith("questions[0] (people.")
    assert "level must be an integer from 1 to 4 (got 5)" in problems[0]
    assert "area 'nowhere' is not one of the areas" in problems[1]
    assert "weight must be an integer >= 1 (got 0)" in problems[2]
    assert "statement must be non-empty text" in problems[3]
    assert problems[4] == f"questions[5]: key {duplicate!r} is used twice"


def test_it_requires_levels_0_to_4_exactly_once():
    document = mlops_document()
    document["levels"] = document["levels"][:4]

    assert problems_of(document) == ["levels: must define each level 0, 1, 2, 3, 4 exactly once (found [0, 1, 2, 3])"]


def test_it_refuses_duplicate_area_keys_and_areas_without_questions():
    document = mlops_document()
    document["areas"].append(dict(document["areas"][0]))
    document["areas"].append({"key": "empty", "name": "Empty", "description": "None yet.", "weight": 1})

    problems = problems_of(document)

    assert "areas[8]: key 'people' is used twice" in problems
    assert "areas (empty): has no questions" in problems


def test_it_refuses_unknown_keys_and_missing_fields():
    document = mlops_document()
    document["owner"] = "someone"
    del document["questions"][0]["recommendation"]

    problems = problems_of(document)

    assert any(p.startswith("top level: unknown key(s) owner") for p in problems)
    assert any("recommendation must be non-empty text" in p for p in problems)


def test_it_refuses_a_boolean_where_an_integer_belongs():
    document = mlops_document()
    document["version"] = True

    assert problems_of(document) == ["top level: version must be an integer >= 1 (got True)"]


def test_it_reports_invalid_yaml_with_its_line():
    with pytest.raises(FrameworkFileError) as error:
        parse_framework("slug: mlops\n  version: [1\n", source="broken.yaml")

    assert error.value.problems[0].startswith("not valid YAML: line 2")
    assert str(error.value).startswith("broken.yaml: 1 problem(s), nothing was loaded")


def test_it_refuses_a_document_that_is_not_a_mapping():
    with pytest.raises(FrameworkFileError):
        parse_framework("- just\n- a list\n")


def test_the_same_content_has_the_same_hash_and_other_content_another():
    text = MLOPS_YAML.read_text()

    assert parse_framework(text).content_hash == parse_framework(text).content_hash
    assert parse_framework(text).content_hash != parse_framework(text.replace("No MLOps", "No ML ops")).content_hash


def with_optional_fields(document: dict) -> dict:
    document["scopes"] = [
        {
            "key": "genai",
            "question": "Does the team build on generative models?",
            "description": "Large language models, image generation.",
        }
    ]
    document["areas"][0] |= {"counts_toward_level": False}
    document["areas"][1] |= {"scope": "genai"}
    document["questions"][0] |= {"sources": ["azure.l2.experiment-tracking", "mlts.infra-7"], "replaces": ["a.b"]}
    return document


def test_it_reads_scopes_counting_areas_sources_and_replaced_keys():
    spec = parse_framework(yaml.safe_dump(with_optional_fields(mlops_document()), sort_keys=False))

    assert [(scope.key, scope.question) for scope in spec.scopes] == [
        ("genai", "Does the team build on generative models?")
    ]
    assert (spec.areas[0].counts_toward_level, spec.areas[1].scope, spec.areas[2].scope) == (False, "genai", None)
    assert (spec.questions[0].sources, spec.questions[0].replaces) == (
        ("azure.l2.experiment-tracking", "mlts.infra-7"),
        ("a.b",),
    )


def test_it_locates_every_bad_optional_field():
    document = with_optional_fields(mlops_document())
    document["areas"][0]["counts_toward_level"] = "yes"
    document["areas"][2]["scope"] = "crypto"
    document["questions"][1]["sources"] = "azure.l2"
    document["questions"][2]["replaces"] = ["Not A Key", "Not A Key"]
    document["scopes"].append({"key": "genai", "question": "Again?"})

    problems = problems_of(document)

    assert "areas[0] (people): counts_toward_level must be true or false (got 'yes')" in problems
    assert "areas[2] (experiments): scope 'crypto' is not one of the scopes (genai)" in problems
    assert any(p.startswith("questions[1] (") and "sources must be a list of text" in p for p in problems)
    assert any(
        p.startswith("questions[2] (") and "replaces 'Not A Key', 'Not A Key' do(es) not match" in p for p in problems
    )
    assert any(p.startswith("questions[2] (") and "replaces lists an entry twice" in p for p in problems)
    assert "scopes[1]: key 'genai' is used twice" in problems
    assert "scopes[1] (genai): description must be non-empty text" in problems


def test_optional_fields_at_their_defaults_leave_the_hash_as_it_was():
    document = mlops_document()
    spelled_out = mlops_document()
    spelled_out["scopes"] = []
    for area in spelled_out["areas"]:
        area |= {"counts_toward_level": True}
    for question in spelled_out["questions"]:
        question |= {"sources": [], "replaces": []}

    plain = parse_framework(yaml.safe_dump(document, sort_keys=False))

    assert plain.content_hash == parse_framework(yaml.safe_dump(spelled_out, sort_keys=False)).content_hash
    assert (
        plain.content_hash
        != parse_framework(yaml.safe_dump(with_optional_fields(mlops_document()), sort_keys=False)).content_hash
    )
