import pytest

from maturity.api.serializers import FrameworkDetailOutputSerializer
from maturity.framework_file import parse_framework
from maturity.services import framework_load
from tests.api_helpers import api_as
from tests.conftest import MLOPS_YAML
from tests.documented import assert_documented
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_versions(mlops_framework):
    newer = MLOPS_YAML.read_text().replace("version: 1", "version: 2", 1).replace("No MLOps", "Nothing")
    framework_load(spec=parse_framework(newer))


def test_it_lists_every_loaded_version(two_versions):
    response = api_as(UserFactory()).get("/api/frameworks/")

    assert response.status_code == 200
    assert [(f["slug"], f["version"]) for f in response.json()["results"]] == [("mlops", 2), ("mlops", 1)]
    assert set(response.json()["results"][0]) == {"slug", "version", "name", "description"}


def test_it_answers_the_newest_version_with_levels_areas_and_questions(two_versions):
    body = api_as(UserFactory()).get("/api/frameworks/mlops/").json()

    assert body["version"] == 2
    assert body["levels"][0] == {"level": 0, "name": "Nothing", "description": body["levels"][0]["description"]}
    assert [area["key"] for area in body["areas"]][:2] == ["people", "data"]
    assert body["scopes"] == []
    assert {key: body["areas"][0][key] for key in ("counts_toward_level", "scope")} == {
        "counts_toward_level": True,
        "scope": None,
    }
    assert body["areas"][0]["questions"][0]["sources"] == []
    assert set(body["areas"][0]["questions"][0]) == {
        "key",
        "level",
        "statement",
        "guidance",
        "recommendation",
        "weight",
        "sources",
        "replaces",
    }


def test_the_body_is_what_its_serializer_documents(two_versions):
    body = api_as(UserFactory()).get("/api/frameworks/mlops/").json()

    assert_documented(body, FrameworkDetailOutputSerializer())


def test_it_answers_an_older_version_on_request(two_versions):
    body = api_as(UserFactory()).get("/api/frameworks/mlops/?version=1").json()

    assert (body["version"], body["levels"][0]["name"]) == (1, "No MLOps")


def test_it_refuses_a_malformed_version(mlops_framework):
    response = api_as(UserFactory()).get("/api/frameworks/mlops/?version=one")

    assert response.status_code == 400
    assert "version" in response.json()


@pytest.mark.parametrize("path", ["/api/frameworks/nope/", "/api/frameworks/mlops/?version=9"])
def test_it_answers_404_for_unknown_frameworks(mlops_framework, path):
    assert api_as(UserFactory()).get(path).status_code == 404


def test_it_needs_authentication(mlops_framework):
    assert api_as(None).get("/api/frameworks/").status_code == 401


def test_the_detail_makes_a_fixed_number_of_queries(mlops_framework, django_assert_max_num_queries):
    client = api_as(UserFactory())

    with django_assert_max_num_queries(6):
        client.get("/api/frameworks/mlops/")
