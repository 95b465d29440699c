"""core/fields.py through the API: a request the schema calls invalid is a 400 naming the field (a JSON value of
another type, a blank query value), and a schema-valid query or form value keeps working."""

import pytest

from tests.api_helpers import api_as

pytestmark = pytest.mark.django_db


def test_it_refuses_a_number_where_the_schema_says_a_string(cast):
    response = api_as(cast.owner).post("/api/teams/", {"organization": cast.organization.pk, "name": 0}, format="json")

    assert response.status_code == 400
    assert response.json() == {"name": ["Not a valid string."]}


def test_it_refuses_a_number_where_the_schema_says_a_boolean(cast):
    response = api_as(cast.owner).patch(
        f"/api/organizations/{cast.organization.pk}/", {"review_required": 0}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"review_required": ["Must be a valid boolean."]}


def test_it_refuses_a_string_where_the_schema_says_an_integer(cast):
    response = api_as(cast.owner).post(
        "/api/teams/", {"organization": str(cast.organization.pk), "name": "Ranking"}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"organization": ["A valid integer is required."]}


def test_it_takes_an_integral_number_as_an_integer_as_json_schema_does(cast):
    response = api_as(cast.owner).post(
        "/api/teams/", {"organization": float(cast.organization.pk), "name": "Ranking"}, format="json"
    )

    assert response.status_code == 201


def test_it_refuses_a_null_character_with_a_pattern_the_schema_shows(cast):
    response = api_as(cast.owner).post(
        "/api/teams/", {"organization": cast.organization.pk, "name": "a\x00b"}, format="json"
    )
    schema = api_as(cast.owner).get("/api/schema/?format=json").json()

    assert response.status_code == 400
    assert response.json() == {"name": ["Null characters are not allowed."]}
    assert schema["components"]["schemas"]["TeamInputRequest"]["properties"]["name"]["pattern"] == "^[^\\u0000]*$"


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/organizations/{organization}/dashboard/?framework=", "framework"),
        ("/api/teams/{team}/targets/?framework=", "framework"),
        ("/api/assessments/{assessment}/evidence/?question=", "question"),
        ("/api/teams/?organization=", "organization"),
    ],
)
def test_it_refuses_a_blank_query_value_rather_than_reading_it_as_not_given(cast, path, parameter):
    url = path.format(organization=cast.organization.pk, team=cast.team.pk, assessment=cast.assessment.pk)

    response = api_as(cast.owner).get(url)

    assert response.status_code == 400
    assert list(response.json()) == [parameter]


def test_a_query_value_is_still_read_from_its_text(cast):
    response = api_as(cast.owner).get(f"/api/teams/?organization={cast.organization.pk}")

    assert response.status_code == 200
    assert [team["name"] for team in response.json()["results"]] == ["Search"]


def test_a_date_query_value_is_still_read_from_its_text(cast):
    response = api_as(cast.owner).get(f"/api/organizations/{cast.organization.pk}/activity/?since=2020-01-01")

    assert response.status_code == 200


def test_it_refuses_a_date_that_is_no_string_with_a_400_not_a_500(cast):
    question = cast.framework.questions.values_list("key", flat=True).first()

    response = api_as(cast.owner).post(
        f"/api/assessments/{cast.assessment.pk}/evidence/",
        {"question": question, "url": "https://ci.example.com", "valid_until": {}},
        format="json",
    )

    assert (response.status_code, list(response.json())) == (400, ["valid_until"])
