"""The model, readable: the framework page and the framework API, filtered by area and level, with sources."""

import pytest

from tests.api_helpers import api_as
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client):
    client.force_login(UserFactory())
    return client


def test_anyone_signed_in_reads_the_newest_version_with_levels_areas_and_linked_sources(mlops_v3, reader):
    response = reader.get("/frameworks/mlops/")

    page = response.content.decode()
    assert response.status_code == 200
    assert 'MLOps maturity model <small class="muted">version 3</small>' in page
    assert "129 questions in 12 areas" in page
    assert "Automated model deployment" in page
    assert "Asked only when the answer is yes to: Does the team build products on generative models" in page
    assert "Beside the headline: does not decide the level." in page
    assert 'href="https://learn.microsoft.com/azure/architecture/ai-ml/guide/mlops-maturity-model"' in page


def test_it_filters_by_area_and_level(mlops_v3, reader):
    response = reader.get("/frameworks/mlops/?version=2&area=deployment&level=4")

    views = response.context["areas"]
    assert [view.area.key for view in views] == ["deployment"]
    assert {item.question.level for item in views[0].questions} == {4}
    assert "3 of 129 questions" in response.content.decode()


def test_it_reads_an_older_version_on_request(mlops_v3, reader):
    response = reader.get("/frameworks/mlops/?version=1")

    assert response.context["framework"].version == 1
    assert response.context["question_count"] == 55


@pytest.mark.parametrize("query", ["version=9", "level=5", "area=astrology"])
def test_a_bad_filter_is_a_form_error_not_a_500(mlops_v3, reader, query):
    response = reader.get(f"/frameworks/mlops/?{query}")

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_an_unknown_framework_is_404(mlops_v3, reader):
    assert reader.get("/frameworks/itil/").status_code == 404


def test_a_visitor_who_is_not_signed_in_reads_the_model_as_a_user_does(mlops_v3, client):
    """The model holds no customer data: a prospect reads it before signing up."""
    assert client.get("/frameworks/").url == "/frameworks/mlops/"

    response = client.get("/frameworks/mlops/")

    assert response.status_code == 200
    assert "129 questions in 12 areas" in response.content.decode()


def test_it_says_what_each_version_changed_newest_first_from_the_same_diff_as_the_command(mlops_v3, client):
    response = client.get("/frameworks/mlops/")

    steps = response.context["changes"]
    assert [(step.previous, step.version) for step in steps] == [(2, 3), (1, 2)]
    version_2 = steps[1]
    assert (version_2.older_count, version_2.newer_count) == (55, 129)
    assert version_2.summary == "76 added, 4 removed, 2 split, 49 reworded or moved"
    groups = {group.title: group.questions for group in version_2.groups}
    removed = [question.key for question in groups["Removed"]]
    assert removed[:2] == ["people.documented_handover", "experiments.config_files"]
    moved = next(question for question in groups["Reworded or moved"] if question.key == "testing.model_validation")
    assert moved.area == "Testing and validation"
    assert moved.note == (
        "Key was experiments.automated_comparison; area experiments \u2192 testing; level 4 \u2192 2; "
        "weight 2 \u2192 3; reworded; guidance revised"
    )
    page = response.content.decode()
    assert "What changed in version 2</h3>" in page
    assert 'href="/frameworks/mlops/?version=2#q-testing.model_validation"' in page
    assert 'href="/frameworks/mlops/?version=1#q-people.documented_handover"' in page


def test_a_filtered_page_and_the_first_version_show_no_changes(mlops_v3, client):
    assert client.get("/frameworks/mlops/?area=data").context["changes"] == []
    assert client.get("/frameworks/mlops/?version=1").context["changes"] == []
    assert "What changed" not in client.get("/frameworks/mlops/?version=1").content.decode()


def test_it_reads_in_a_bounded_number_of_queries_and_answers_a_repeat_visit_with_304(
    mlops_v3, client, django_assert_max_num_queries
):
    client.get("/frameworks/mlops/")  # each version's content is read once per process
    with django_assert_max_num_queries(5):
        response = client.get("/frameworks/mlops/")

    assert client.get("/frameworks/mlops/", headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_the_menu_links_to_the_model(mlops_v3, reader):
    assert reader.get("/frameworks/").url == "/frameworks/mlops/"
    assert 'href="/frameworks/"' in reader.get("/").content.decode()


def test_the_api_narrows_to_one_area_and_level_and_lists_the_sources_it_cites(mlops_v3):
    body = api_as(UserFactory()).get("/api/frameworks/mlops/?area=eu_ai_act&level=1").json()

    assert [area["key"] for area in body["areas"]] == ["eu_ai_act"]
    questions = body["areas"][0]["questions"]
    assert {question["level"] for question in questions} == {1}
    cited = {source["id"]: source for source in body["cited_sources"]}
    assert set(cited) == {key for question in questions for key in question["sources"]}
    assert cited["euaia.art-4"]["url"].startswith("https://eur-lex.europa.eu/")
    assert cited["euaia.art-4"]["publication"].startswith("Regulation (EU) 2024/1689")


def test_an_unknown_area_of_the_version_is_a_404_like_an_unknown_version(mlops_v3):
    """The schema cannot list a version's areas: a well-formed key that names none is not found, not a 400."""
    response = api_as(UserFactory()).get("/api/frameworks/mlops/?version=1&area=security")

    assert (response.status_code, response.json()) == (404, {"detail": "mlops version 1 has no area 'security'."})


def test_the_api_reads_in_a_bounded_number_of_queries(mlops_v3, django_assert_max_num_queries):
    api = api_as(UserFactory())
    with django_assert_max_num_queries(12):
        api.get("/api/frameworks/mlops/")
