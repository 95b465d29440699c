from rest_framework.test import APIClient

from accounts.services import api_token_create
from tests.factories import PASSWORD


def api_as(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def token_for(user) -> str:
    """A new API token of the user, as `POST /api/auth/token/` issues it: the secret to send."""
    return api_token_create(user=user)[1]


def obtain_token(username: str = "ada", password: str = PASSWORD) -> dict:
    """A new API token as `POST /api/auth/token/` answers a username and password: its id and secret."""
    response = APIClient().post("/api/auth/token/", {"username": username, "password": password}, format="json")
    assert response.status_code == 200, response.content
    return response.json()
