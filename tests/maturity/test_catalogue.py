"""The catalogue of sources: validated on load, and a question citing an id it lacks is refused."""

from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from maturity.catalogue_file import CATALOGUE_PATH, CatalogueFileError, parse_catalogue, read_catalogue_file
from maturity.models import Framework, Source
from tests.conftest import MLOPS_V2_YAML, MLOPS_YAML


def catalogue_document() -> dict:
    return yaml.safe_load(CATALOGUE_PATH.read_text())


def problems_of(document) -> list[str]:
    with pytest.raises(CatalogueFileError) as error:
        parse_catalogue(yaml.safe_dump(document, sort_keys=False))
    return error.value.problems


def test_the_project_catalogue_holds_each_published_model_with_links():
    catalogue = read_catalogue_file()

    by_publication = {p.key: [s for s in catalogue.sources if s.publication == p.key] for p in catalogue.publications}
    assert len(by_publication["azure"]) == 36
    assert len(by_publication["mlts"]) == 28
    assert {source.level for source in by_publication["azure"]} == {1, 2, 3, 4}
    assert all(source.url.startswith("https://") for source in catalogue.sources)
    assert [p.key for p in catalogue.publications if p.cited_at_level] == ["azure"]


def test_it_lists_every_problem_of_a_bad_catalogue_at_once():
    document = catalogue_document()
    document["sources"][1]["id"] = document["sources"][0]["id"]
    document["sources"][2]["publication"] = "nobody"
    document["sources"][3]["url"] = "http://example.com/plain"
    del document["sources"][4]["level"]  # an azure criterion: its level is what the coverage checks
    document["sources"][5]["colour"] = "blue"

    problems = problems_of(document)

    assert any("sources[1]" in p and "used twice" in p for p in problems)
    assert any("sources[2]" in p and "'nobody' is not one of the publications" in p for p in problems)
    assert any("sources[3]" in p and "https://" in p for p in problems)
    assert any("sources[4]" in p and "needs its level" in p for p in problems)
    assert any("sources[5]" in p and "unknown key(s) colour" in p for p in problems)


@pytest.mark.django_db
def test_a_question_citing_an_unknown_source_is_refused_and_nothing_is_loaded(tmp_path):
    citing = tmp_path / "citing.yaml"
    citing.write_text(
        MLOPS_YAML.read_text().replace("    weight: 3\n", "    weight: 3\n    sources: [azure.l1.no-such-thing]\n", 1)
    )

    with pytest.raises(CommandError, match=r"cites 'azure.l1.no-such-thing', which the catalogue of sources does not"):
        call_command("load_framework", str(citing), stdout=StringIO())
    assert not Framework.objects.exists()
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_loading_brings_the_catalogue_up_to_date_in_place(tmp_path):
    call_command("load_framework", str(MLOPS_YAML), stdout=StringIO())
    document = catalogue_document()
    document["sources"][0]["description"] = "Said better."
    better = tmp_path / "sources.yaml"
    better.write_text(yaml.safe_dump(document, sort_keys=False))

    call_command("load_framework", str(MLOPS_YAML), "--sources", str(better), stdout=StringIO())

    assert Source.objects.count() == len(document["sources"])
    assert Source.objects.get(key=document["sources"][0]["id"]).description == "Said better."


@pytest.mark.django_db
def test_a_bad_catalogue_stops_the_command_with_its_problems(tmp_path):
    bad = tmp_path / "sources.yaml"
    bad.write_text("publications: []\nsources: []\n")

    with pytest.raises(CommandError, match="publications: must be a non-empty list"):
        call_command("load_framework", str(MLOPS_YAML), "--sources", str(bad), stdout=StringIO())
    assert not Framework.objects.exists()


@pytest.mark.django_db
def test_a_version_below_the_newest_loaded_is_refused(mlops_framework, tmp_path):
    third = tmp_path / "third.yaml"
    third.write_text(MLOPS_YAML.read_text().replace("version: 1", "version: 3", 1))
    call_command("load_framework", str(third), stdout=StringIO())

    with pytest.raises(CommandError, match="mlops version 3 is already loaded: versions load in increasing order"):
        call_command("load_framework", str(MLOPS_V2_YAML), stdout=StringIO())
    assert not Framework.objects.filter(version=2).exists()
