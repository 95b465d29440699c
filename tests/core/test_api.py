"""core/api.py: the schema says what the API refuses, so that a request valid by the schema is accepted."""

import pytest

from tests.api_helpers import api_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(cast) -> dict:
    return api_as(cast.owner).get("/api/schema/?format=json").json()


def request_schema(schema: dict, path: str) -> dict:
    body = schema["paths"][path]["patch"]["requestBody"]["content"]["application/json"]["schema"]
    return schema["components"]["schemas"][body["$ref"].rsplit("/", 1)[1]] if "$ref" in body else body


@pytest.mark.parametrize(
    "path",
    ["/api/teams/{team_id}/", "/api/organizations/{organization_id}/", "/api/assessments/{assessment_id}/settings/"],
)
def test_a_patch_body_is_documented_as_at_least_one_of_its_own_fields(schema, path):
    body = request_schema(schema, path)

    assert (body["minProperties"], body["additionalProperties"]) == (1, False)


@pytest.mark.parametrize(
    "path", ["/api/assessments/{assessment_id}/answers/", "/api/assessments/{assessment_id}/my-answers/"]
)
def test_a_list_body_is_documented_as_not_empty(schema, path):
    assert request_schema(schema, path)["minItems"] == 1


@pytest.mark.parametrize("path", ["/api/organizations/{organization_id}/", "/api/assessments/{assessment_id}/answers/"])
def test_a_body_that_must_not_be_empty_is_required(schema, path):
    assert schema["paths"][path]["patch"]["requestBody"]["required"] is True


def test_an_empty_patch_is_still_a_400(cast):
    response = api_as(cast.owner).patch(f"/api/teams/{cast.team.pk}/", {}, format="json")

    assert response.status_code == 400
