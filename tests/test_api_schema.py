import re

import pytest
from django.test import Client

from tests.api_helpers import api_as
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CONTRACT_PATHS = [
    "/api/auth/token/",
    "/api/frameworks/",
    "/api/frameworks/{slug}/",
    "/api/organizations/",
    "/api/organizations/{organization_id}/members/",
    "/api/teams/",
    "/api/assessments/",
    "/api/assessments/{assessment_id}/",
    "/api/assessments/{assessment_id}/answers/",
    "/api/assessments/{assessment_id}/submit/",
]


def test_the_schema_documents_every_contract_path():
    schema = api_as(UserFactory()).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    assert set(CONTRACT_PATHS) <= set(schema["paths"])


def test_the_answers_patch_documents_its_errors():
    schema = api_as(UserFactory()).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    assert set(schema["paths"]["/api/assessments/{assessment_id}/answers/"]["patch"]["responses"]) == {
        "200",
        "400",
        "403",
        "404",
        "409",
    }


def test_the_docs_load_nothing_from_outside(client):
    client.force_login(UserFactory())

    page = client.get("/api/docs/").content.decode()

    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert any("swagger-ui" in asset for asset in assets)
    assert [asset for asset in assets if not asset.startswith("/")] == []


def test_the_schema_documents_one_draft_per_team_discarding_and_renaming():
    schema = api_as(UserFactory()).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    paths = schema["paths"]

    assert "409" in paths["/api/assessments/"]["post"]["responses"]
    assert set(paths["/api/assessments/{assessment_id}/"]["delete"]["responses"]) == {"204", "403", "404", "409"}
    for path in ("/api/teams/{team_id}/", "/api/organizations/{organization_id}/"):
        assert set(paths[path]["patch"]["responses"]) == {"200", "400", "403", "404"}


def test_the_schema_documents_the_systems_an_assessment_covers():
    schema = api_as(UserFactory()).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    schemas = schema["components"]["schemas"]
    detail = schema["paths"]["/api/assessments/{assessment_id}/"]

    for name in (
        "AssessmentInputRequest",
        "AssessmentDetailOutput",
        "ReportOutput",
        "PatchedAssessmentUpdateInputRequest",
    ):
        field = schemas[name]["properties"]["systems_covered"]
        assert "systems" in field["description"]
    text, blank = schemas["AssessmentInputRequest"]["properties"]["systems_covered"]["oneOf"]
    assert (text["maxLength"], blank["maxLength"]) == (500, 0)
    assert set(detail["patch"]["responses"]) == {"200", "400", "403", "404", "409"}


@pytest.mark.parametrize(
    "path", ["/api/assessments/null,null/export.csv", "/api/teams/-1/", "/api/no/such/", "/api/evidence/x/download/"]
)
@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_an_api_path_that_names_nothing_is_a_json_404(method, path):
    client = Client(enforce_csrf_checks=True)  # as a token client is: no CSRF cookie, and not needed for a 404
    client.force_login(UserFactory())

    response = getattr(client, method)(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}


CSV_PATHS = [
    "/api/assessments/{assessment_id}/export.csv",
    "/api/teams/{team_id}/history.csv",
    "/api/assessments/{assessment_id}/activity.csv",
    "/api/organizations/{organization_id}/activity.csv",
]


@pytest.mark.parametrize("path", CSV_PATHS)
def test_the_csv_exports_document_their_text_csv_body(path):
    schema = api_as(UserFactory()).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    responses = schema["paths"][path]["get"]["responses"]
    assert set(responses["200"]["content"]) == {"text/csv"}
    assert set(responses["404"]["content"]) == {"application/json"}


def test_the_evidence_download_documents_every_type_a_file_is_served_as(settings):
    schema = api_as(UserFactory()).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    content = schema["paths"]["/api/evidence/{evidence_id}/download/"]["get"]["responses"]["200"]["content"]
    assert set(settings.EVIDENCE_ALLOWED_TYPES) <= set(content)


def test_the_answer_value_lists_unknown_beside_na_in_and_out():
    schema = api_as(UserFactory()).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    components = schema["components"]["schemas"]

    for name in ("AnswerInputRequest", "AnswerOutput"):
        value = components[name]["properties"]["value"]
        assert {"type": "string", "enum": ["na", "unknown"]} in value["oneOf"], name
    assert "unknown" in components["ConsensusQuestion"]["properties"]
    assert "to_verify" in components["ReportOutput"]["properties"]
