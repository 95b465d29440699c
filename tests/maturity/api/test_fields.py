"""maturity/api/fields.py: the schema lists the loaded frameworks wherever a body or query takes a slug."""

import pytest

from tests.api_helpers import api_as

pytestmark = pytest.mark.django_db


def test_the_schema_lists_the_loaded_frameworks_slugs(cast, other_framework):
    schema = api_as(cast.owner).get("/api/schema/?format=json").json()
    body = schema["components"]["schemas"]["AssessmentInputRequest"]["properties"]["framework"]
    body_enum = schema["components"]["schemas"][body["allOf"][0]["$ref"].rsplit("/", 1)[1]]["enum"]
    query = next(
        parameter
        for parameter in schema["paths"]["/api/teams/{team_id}/history/"]["get"]["parameters"]
        if parameter["name"] == "framework"
    )

    assert body_enum == query["schema"]["enum"] == sorted({cast.framework.slug, other_framework.slug})


def test_an_unknown_slug_is_still_a_400_naming_it(cast):
    response = api_as(cast.owner).post("/api/assessments/", {"team": cast.team.pk, "framework": "nope"}, format="json")

    assert (response.status_code, list(response.json())) == (400, ["framework"])
