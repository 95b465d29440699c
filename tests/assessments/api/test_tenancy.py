"""Every API endpoint inside an organisation, for every role: outsiders get 404, viewers may read
but get 403 on every write, and the roles that may write succeed (the draft answered in full, so that it can
be submitted, and a second team with no draft, where one can be started)."""

import pytest

from assessments.services.answers import answers_save
from tests.api_helpers import api_as
from tests.conftest import complete_answers
from tests.factories import TeamFactory

pytestmark = pytest.mark.django_db

READS = [
    "/api/organizations/{org}/",
    "/api/organizations/{org}/members/",
    "/api/teams/{team}/",
    "/api/teams/{team}/targets/",
    "/api/assessments/{assessment}/",
]
OWNERS = {"owner"}
WRITERS = {"owner", "assessor", "member"}
# (method, path, body, roles allowed, status they get); everyone else in the organisation gets 403.
WRITES = [
    ("post", "/api/organizations/{org}/members/", {"username": "viewer", "role": "viewer"}, OWNERS, 201),
    ("post", "/api/teams/", {"organization": "{org}", "name": "New team"}, OWNERS, 201),
    ("post", "/api/teams/{team}/targets/", {"area": "data", "level": 3}, WRITERS, 201),
    ("post", "/api/assessments/", {"team": "{free_team}"}, WRITERS, 201),
    ("patch", "/api/assessments/{assessment}/answers/", [{"question": "data.versioning", "value": 2}], WRITERS, 200),
    ("post", "/api/assessments/{assessment}/submit/", None, WRITERS, 202),
    ("delete", "/api/assessments/{assessment}/", None, {"owner", "assessor"}, 204),
    ("patch", "/api/teams/{team}/", {"name": "Renamed"}, OWNERS, 200),
    ("patch", "/api/organizations/{org}/", {"archived": True}, OWNERS, 200),
]
ROLES = ["owner", "assessor", "member", "viewer", "outsider"]


def fill(value, cast, free_team=None):
    ids = {"org": cast.organization.pk, "team": cast.team.pk, "assessment": cast.assessment.pk}
    if free_team is not None:
        ids["free_team"] = free_team.pk
    if isinstance(value, str):
        return ids.get(value.strip("{}")) if value.startswith("{") else value.format(**ids)
    if isinstance(value, list):
        return [fill(item, cast, free_team) for item in value]
    if isinstance(value, dict):
        return {key: fill(item, cast, free_team) for key, item in value.items()}
    return value


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", READS)
def test_reads(cast, role, path):
    response = api_as(cast.users[role]).get(fill(path, cast))

    assert response.status_code == (404 if role == "outsider" else 200)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "body", "allowed", "allowed_status"), WRITES)
def test_writes(cast, role, method, path, body, allowed, allowed_status):
    answers_save(assessment=cast.assessment, user=cast.owner, items=complete_answers(cast.framework))
    free_team = TeamFactory(organization=cast.organization, name="Platform")

    response = getattr(api_as(cast.users[role]), method)(fill(path, cast), fill(body, cast, free_team), format="json")

    expected = 404 if role == "outsider" else allowed_status if role in allowed else 403
    assert response.status_code == expected
