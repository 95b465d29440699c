"""Hostile or broken request bodies and parameters get a 4xx that says what is wrong, never a 500, and
change nothing."""

import pytest

from assessments.inputs import MAX_COMMENT_LENGTH
from assessments.models import Answer, Organization, Team
from tests.security.conftest import World

pytestmark = pytest.mark.django_db

TOO_BIG_ID = 2**70
# The endpoints that take a JSON body (method, path).
JSON_WRITES = {
    "organization": ("post", "/api/organizations/"),
    "member": ("post", "/api/organizations/{organization}/members/"),
    "team": ("post", "/api/teams/"),
    "target": ("post", "/api/teams/{team}/targets/"),
    "assessment": ("post", "/api/assessments/"),
    "answers": ("patch", "/api/assessments/{assessment}/answers/"),
}
TOKEN = ("post", "/api/auth/token/")
# Every other operation that reads a JSON body, with the parsers of its own (the token endpoint) or ours.
MORE_JSON_WRITES = {
    "token": TOKEN,
    "invitation": ("post", "/api/organizations/{organization}/invitations/"),
    "scope": ("patch", "/api/assessments/{assessment}/scope/"),
    "respondent": ("post", "/api/assessments/{assessment}/respondents/"),
    "evidence": ("post", "/api/assessments/{assessment}/evidence/"),
    "evidence-settings": ("patch", "/api/assessments/{assessment}/settings/"),
    "assessment-details": ("patch", "/api/assessments/{assessment}/"),
}
MULTIPART = '--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nInitech\r\n--xyz--\r\n'


def path(world: World, template: str) -> str:
    cast = world.cast
    return template.format(organization=cast.organization.pk, team=cast.team.pk, assessment=cast.assessment.pk)


def send(client, world: World, method: str, template: str, body, content_type: str = "application/json"):
    return client.generic(method.upper(), path(world, template), body, content_type=content_type)


@pytest.fixture
def owner_client(client, world):
    client.force_login(world.cast.owner)
    return client


@pytest.mark.parametrize(("method", "template"), [*JSON_WRITES.values(), TOKEN], ids=[*JSON_WRITES, "token"])
def test_it_answers_400_to_malformed_json(owner_client, world, method, template):
    response = send(owner_client, world, method, template, '{"name": "Initech", ')

    assert response.status_code == 400
    assert response.json()["detail"].startswith("JSON parse error")


EVERY_JSON_WRITE = JSON_WRITES | MORE_JSON_WRITES


@pytest.mark.parametrize(("method", "template"), EVERY_JSON_WRITE.values(), ids=EVERY_JSON_WRITE)
@pytest.mark.parametrize("nested", ["[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000])
def test_it_answers_400_to_json_nested_too_deeply(owner_client, world, method, template, nested):
    response = send(owner_client, world, method, template, nested)

    assert response.status_code == 400
    assert response.json()["detail"] == "JSON parse error - nested too deeply."


# Raw JSON: `\ud800` is an escape that JSON allows and that decodes to half a character, no text at all.
LONE_SURROGATES = {
    "member-role": ("post", "/api/organizations/{organization}/members/", r'{"username": "viewer", "role": "\ud800"}'),
    "invitation-role": (
        "post",
        "/api/organizations/{organization}/invitations/",
        r'{"email": "a@x.org", "role": "\ud800"}',
    ),
    "mode": ("post", "/api/assessments/", r'{"team": TEAM, "mode": "\ud800"}'),
    "kind": ("post", "/api/assessments/", r'{"team": TEAM, "kind": "self\udfff"}'),
    "question": ("patch", "/api/assessments/{assessment}/answers/", r'[{"question": "\ud800", "value": 1}]'),
    "value": (
        "patch",
        "/api/assessments/{assessment}/answers/",
        r'[{"question": "data.versioning", "value": "\ud800"}]',
    ),
    "scope-key": ("patch", "/api/assessments/{assessment}/scope/", r'{"\ud800": true}'),
    "team-name": ("post", "/api/teams/", r'{"organization": ORGANIZATION, "name": "Ads \ud800"}'),
    "systems-covered": ("patch", "/api/assessments/{assessment}/", r'{"systems_covered": "Fraud \ud800"}'),
    "token": ("post", "/api/auth/token/", r'{"username": "\ud800", "password": "x"}'),
}
# Where each names the field: the path of the value in the body, with the half character as its escape.
SURROGATE_FIELDS = [
    "role",
    "role",
    "mode",
    "kind",
    "0.question",
    "0.value",
    r"\ud800",
    "name",
    "systems_covered",
    "username",
]


@pytest.mark.parametrize(
    ("method", "template", "body", "field"),
    [(*request, field) for request, field in zip(LONE_SURROGATES.values(), SURROGATE_FIELDS, strict=True)],
    ids=LONE_SURROGATES,
)
def test_it_answers_400_naming_the_field_to_a_lone_surrogate(owner_client, world, method, template, body, field):
    cast = world.cast
    body = body.replace("TEAM", str(cast.team.pk)).replace("ORGANIZATION", str(cast.organization.pk))
    before = Organization.objects.count(), Team.objects.count(), Answer.objects.count()

    response = send(owner_client, world, method, template, body)

    assert response.status_code == 400
    assert field in response.json()
    assert (Organization.objects.count(), Team.objects.count(), Answer.objects.count()) == before


@pytest.mark.parametrize("body", ["[1, 2]", '"Initech"', "null", "42", '{"name": {"$gt": ""}}', '{"name": ["a"]}'])
def test_it_answers_400_to_json_of_the_wrong_shape(owner_client, world, body):
    before = Organization.objects.count()

    response = send(owner_client, world, "post", "/api/organizations/", body)

    assert response.status_code == 400
    assert Organization.objects.count() == before


@pytest.mark.parametrize("body", ["{}", '"2"', "[]", '[["data.versioning", 2]]', '[{"question": ["x"], "value": {}}]'])
def test_it_answers_400_to_answers_of_the_wrong_shape(owner_client, world, body):
    response = send(owner_client, world, "patch", "/api/assessments/{assessment}/answers/", body)

    assert response.status_code == 400
    assert not Answer.objects.filter(assessment=world.cast.assessment).exists()


@pytest.mark.parametrize(("method", "template"), JSON_WRITES.values(), ids=JSON_WRITES)
@pytest.mark.parametrize(
    ("content_type", "raw"),
    [
        ("text/plain", "name=Initech"),
        ("application/x-www-form-urlencoded", "name=Initech&team=1"),
        ("multipart/form-data; boundary=xyz", MULTIPART),
    ],
    ids=["text", "form", "multipart"],
)
def test_it_answers_415_to_anything_but_json(owner_client, world, method, template, content_type, raw):
    response = send(owner_client, world, method, template, raw, content_type=content_type)

    assert response.status_code == 415


def test_it_answers_400_to_a_charset_that_is_no_text_encoding(owner_client, world):
    response = send(owner_client, world, "post", "/api/organizations/", b"x", "application/json; charset=bz2_codec")

    assert response.status_code == 400


@pytest.mark.parametrize(("method", "template"), [*JSON_WRITES.values(), TOKEN], ids=[*JSON_WRITES, "token"])
def test_it_answers_413_to_a_body_over_one_megabyte(owner_client, world, method, template):
    response = send(owner_client, world, method, template, '{"name": "' + "x" * 1024 * 1024 + '"}')

    assert response.status_code == 413
    assert "larger than the 1048576 bytes" in response.json()["detail"]


def test_it_answers_413_to_an_oversized_form(owner_client):
    response = owner_client.post("/organizations/new/", {"name": "x" * 1024 * 1024})

    assert response.status_code == 413
    assert not Organization.objects.filter(name__startswith="xxx").exists()


def test_it_takes_every_answer_with_the_longest_comments_under_the_limit(owner_client, world):
    keys = world.cast.framework.questions.values_list("key", flat=True)
    body = [{"question": key, "value": 3, "comment": "x" * MAX_COMMENT_LENGTH} for key in keys]

    response = owner_client.patch(path(world, "/api/assessments/{assessment}/answers/"), body, "application/json")

    assert response.status_code == 200
    assert len(response.json()["answers"]) == len(keys)


def test_it_refuses_a_nul_character_in_a_comment_over_the_api(owner_client, world):
    body = [{"question": world.question_key, "value": 2, "comment": "evidence\x00"}]

    response = owner_client.patch(path(world, "/api/assessments/{assessment}/answers/"), body, "application/json")

    assert response.json()["answers"][0]["errors"] == {"comment": ["Must not contain NUL characters."]}


def test_it_refuses_a_nul_character_in_a_comment_on_the_page(owner_client, world):
    page = path(world, "/assessments/{assessment}/answers/") + f"{world.question_key}/"

    response = owner_client.post(page, {"value": "2", "comment": "evidence\x00"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 422
    assert not Answer.objects.filter(assessment=world.cast.assessment).exists()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"/api/teams/?organization={TOO_BIG_ID}", 400),
        (f"/api/assessments/?team={TOO_BIG_ID}", 400),
        (f"/api/teams/{TOO_BIG_ID}/", 404),
        (f"/api/assessments/{TOO_BIG_ID}/report/", 404),
        (f"/api/frameworks/mlops/?version={TOO_BIG_ID}", 404),
        (f"/teams/{TOO_BIG_ID}/", 404),
        (f"/teams/{{team}}/compare/?a={TOO_BIG_ID}&b=1", 400),
        (f"/dashboards/progress/?organization={TOO_BIG_ID}", 404),
        ("/dashboards/progress/?team=%C2%B2", 400),  # "²" is a digit to str.isdigit(), not to int()
        ("/dashboards/progress/?team=-1", 400),
        ("/api/teams/?organization=1%00", 400),
        ("/assessments/{assessment}/areas/%3Cscript%3E/", 404),
    ],
)
def test_it_answers_4xx_to_out_of_range_or_odd_parameters(owner_client, world, url, expected):
    assert owner_client.get(path(world, url)).status_code == expected


@pytest.mark.parametrize(
    ("template", "body"),
    [("/api/teams/", {"organization": TOO_BIG_ID, "name": "Ranking"}), ("/api/assessments/", {"team": TOO_BIG_ID})],
)
def test_it_answers_400_to_ids_too_large_in_a_body(owner_client, world, template, body):
    assert owner_client.post(template, body, "application/json").status_code == 400


def test_it_takes_a_surrogate_pair_which_is_one_whole_character(owner_client, world):
    body = r'{"organization": ORGANIZATION, "name": "Ads \ud83d\ude00"}'.replace(
        "ORGANIZATION", str(world.cast.organization.pk)
    )

    response = send(owner_client, world, "post", "/api/teams/", body)

    assert response.status_code == 201
    assert Team.objects.get(pk=response.json()["id"]).name == "Ads 😀"


def test_a_page_reads_half_a_character_as_the_replacement_character_and_refuses_the_choice(owner_client, world):
    """A form (or a query string) is bytes, decoded leniently: the UTF-8 bytes of a lone surrogate become
    U+FFFD, never the surrogate itself, so a choice field refuses it as any unknown value."""
    url = f"/organizations/{world.cast.organization.pk}/members/"

    response = owner_client.post(url, b"user=viewer&role=%ED%A0%80", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200
    assert "role" in response.context["member_form"].errors
