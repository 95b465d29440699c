import pytest
from rest_framework.test import APIClient

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_it_exchanges_credentials_for_a_token_that_authenticates():
    UserFactory(username="ada")
    client = APIClient()

    token = client.post("/api/auth/token/", {"username": "ada", "password": PASSWORD}, format="json").json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    assert client.get("/api/organizations/").status_code == 200


def test_it_refuses_a_wrong_password():
    UserFactory(username="ada")

    response = APIClient().post("/api/auth/token/", {"username": "ada", "password": "wrong"}, format="json")

    assert response.status_code == 400
    assert "token" not in response.json()
