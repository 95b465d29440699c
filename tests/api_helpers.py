from rest_framework.test import APIClient

from accounts.services import api_token_create


def api_as(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def token_for(user) -> str:
    """A new API token of the user, as `POST /api/auth/token/` issues it: the secret to send."""
    return api_token_create(user=user)[1]
