from rest_framework.test import APIClient

from activity.models import ActivityEntry
from tests.api_helpers import token_for


def token_client(user) -> APIClient:
    """A client that authenticates as the API's users do, with a token (DRF authenticates in the view)."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(user)}")
    return client


def entries_of(model: str, **filters) -> list[ActivityEntry]:
    return list(ActivityEntry.objects.filter(content_type__model=model, **filters).order_by("id"))


def last_of(model: str) -> ActivityEntry:
    return entries_of(model)[-1]
