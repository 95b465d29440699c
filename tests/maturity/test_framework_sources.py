"""The catalogue of sources: every publication and criterion the practices cite, each with the practices of the
framework's newest version that cite it, for anyone, signed in or not."""

import pytest

from maturity.catalogue_file import read_catalogue_file

pytestmark = pytest.mark.django_db


def test_it_lists_every_criterion_of_the_catalogue_by_publication_in_the_files_order(client, mlops_v3):
    catalogue = read_catalogue_file()

    response = client.get("/frameworks/mlops/sources/")

    assert response.status_code == 200
    listed = response.context["catalogue"]
    assert [publication.key for publication, _ in listed] == [publication.key for publication in catalogue.publications]
    assert [entry.source.key for _, entries in listed for entry in entries] == [s.id for s in catalogue.sources]
    assert f"{len(catalogue.sources)} criteria from {len(catalogue.publications)} publications" in (
        response.content.decode()
    )


def test_each_criterion_links_the_practices_that_cite_it(client, mlops_v3):
    response = client.get("/frameworks/mlops/sources/")

    entries = {entry.source.key: entry for _, entries in response.context["catalogue"] for entry in entries}
    citing = [question.key for question in entries["euaia.art-14"].cited_by]
    assert citing
    assert all(question.startswith("eu_ai_act.") for question in citing)
    assert f'href="/frameworks/mlops/?version=3#q-{citing[0]}"' in response.content.decode()


def test_the_model_page_links_it(client, mlops_v3):
    assert 'href="/frameworks/mlops/sources/"' in client.get("/frameworks/mlops/").content.decode()


def test_an_unknown_framework_is_404(client, mlops_v3):
    assert client.get("/frameworks/itil/sources/").status_code == 404


def test_it_reads_in_a_bounded_number_of_queries(client, mlops_v3, django_assert_max_num_queries):
    client.get("/frameworks/mlops/sources/")  # the version's content is read once per process
    with django_assert_max_num_queries(2):
        client.get("/frameworks/mlops/sources/")
