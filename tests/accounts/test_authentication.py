"""API tokens (django-rest-knox's TokenAuthentication, accounts/authentication.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.models import ApiToken
from tests.api_helpers import api_as, token_for

pytestmark = pytest.mark.django_db


def get_organizations(header: str):
    return APIClient().get("/api/organizations/", HTTP_AUTHORIZATION=header)


def test_a_valid_token_authenticates_its_user(cast):
    response = get_organizations(f"Token {token_for(cast.member)}")

    assert response.status_code == 200
    assert [org["id"] for org in response.json()["results"]] == [cast.organization.pk]


def test_only_a_hash_of_the_token_is_kept(cast):
    token = token_for(cast.member)

    kept = ApiToken.objects.get()

    assert token not in (kept.digest, kept.token_key)
    assert token.startswith(kept.token_key)


@pytest.mark.parametrize("key", ["0" * 64, "nope", "a\x00b", "é"])
def test_an_unknown_token_is_401(cast, key):
    token_for(cast.member)

    response = get_organizations(f"Token {key}")

    assert (response.status_code, response.json()) == (401, {"detail": "Invalid token."})


def test_a_token_that_differs_after_its_first_characters_is_401(cast):
    token = token_for(cast.member)

    response = get_organizations(f"Token {token[:-1]}{'0' if token[-1] != '0' else '1'}")

    assert (response.status_code, response.json()) == (401, {"detail": "Invalid token."})


def test_the_token_of_an_inactive_user_is_401(cast):
    token = token_for(cast.member)
    cast.member.is_active = False
    cast.member.save()

    response = get_organizations(f"Token {token}")

    assert (response.status_code, response.json()) == (401, {"detail": "User inactive or deleted."})


def test_a_token_costs_two_queries_and_a_write_a_minute(cast):
    """One for the token and its user, one for the user's other tokens (knox deletes their expired ones), and
    at most once a minute the time it was last used."""
    token = token_for(cast.member)
    path = "/api/organizations/"

    with CaptureQueriesContext(connection) as forced:
        api_as(cast.member).get(path)
    with CaptureQueriesContext(connection) as first_use:
        assert get_organizations(f"Token {token}").status_code == 200
    with CaptureQueriesContext(connection) as next_use:
        assert get_organizations(f"Token {token}").status_code == 200

    assert len(first_use) == len(forced) + 3
    assert len(next_use) == len(forced) + 2
