"""GET /api/auth/tokens/ and DELETE /api/auth/tokens/{id}/: a user's own API tokens, never their secret."""

import pytest
from rest_framework.test import APIClient

from tests.api_helpers import obtain_token
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def as_token(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_it_lists_the_users_tokens_newest_first_without_their_secret(ada):
    first, second = obtain_token(), obtain_token()

    response = as_token(first["token"]).get("/api/auth/tokens/")

    body = response.json()
    assert response.status_code == 200
    assert [(token["id"], token["prefix"]) for token in body["results"]] == [
        (second["id"], second["token"][:8]),
        (first["id"], first["token"][:8]),
    ]
    assert first["token"] not in response.content.decode()
    assert set(body["results"][0]) == {"id", "prefix", "created", "expiry", "last_used"}
    assert body["results"][0]["expiry"] == second["expiry"]


def test_it_lists_none_of_another_users_tokens(ada):
    UserFactory(username="bob")
    obtain_token("bob")

    adas = obtain_token()

    response = as_token(adas["token"]).get("/api/auth/tokens/")

    assert [token["id"] for token in response.json()["results"]] == [adas["id"]]


def test_it_says_when_a_token_was_last_used(ada):
    token = obtain_token()["token"]
    as_token(token).get("/api/organizations/")

    listed = as_token(token).get("/api/auth/tokens/").json()["results"]

    assert listed[0]["last_used"] is not None


def test_it_revokes_a_token(ada):
    kept, revoked = obtain_token(), obtain_token()

    response = as_token(kept["token"]).delete(f"/api/auth/tokens/{revoked['id']}/")

    assert response.status_code == 204
    assert as_token(revoked["token"]).get("/api/organizations/").status_code == 401
    assert as_token(kept["token"]).get("/api/organizations/").status_code == 200


def test_a_token_can_revoke_itself(ada):
    token = obtain_token()

    assert as_token(token["token"]).delete(f"/api/auth/tokens/{token['id']}/").status_code == 204
    assert as_token(token["token"]).get("/api/organizations/").status_code == 401


def test_it_answers_404_for_another_users_token(ada):
    UserFactory(username="bob")
    bobs = obtain_token("bob")

    response = as_token(obtain_token()["token"]).delete(f"/api/auth/tokens/{bobs['id']}/")

    assert response.status_code == 404
    assert as_token(bobs["token"]).get("/api/organizations/").status_code == 200


def test_it_answers_404_for_a_token_that_does_not_exist(ada):
    assert as_token(obtain_token()["token"]).delete("/api/auth/tokens/999999/").status_code == 404


def test_it_works_with_a_session_too(client, ada):
    token = obtain_token()
    client.force_login(ada)

    assert [row["id"] for row in client.get("/api/auth/tokens/").json()["results"]] == [token["id"]]


@pytest.mark.parametrize(("method", "path"), [("get", "/api/auth/tokens/"), ("delete", "/api/auth/tokens/1/")])
def test_it_asks_anonymous_callers_to_authenticate(method, path):
    assert getattr(APIClient(), method)(path).status_code == 401


def test_an_id_past_the_largest_integer_is_404(ada):
    client = as_token(obtain_token()["token"])

    assert client.delete(f"/api/auth/tokens/{2**70}/").status_code == 404
