"""API tokens (DRF's TokenAuthentication)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.api_helpers import api_as

pytestmark = pytest.mark.django_db


def get_organizations(header: str):
    return APIClient().get("/api/organizations/", HTTP_AUTHORIZATION=header)


def test_a_valid_token_authenticates_its_user(cast):
    token = Token.objects.create(user=cast.member)

    response = get_organizations(f"Token {token.key}")

    assert response.status_code == 200
    assert [org["id"] for org in response.json()["results"]] == [cast.organization.pk]


@pytest.mark.parametrize("key", ["0" * 40, "nope", "a\x00b"])
def test_an_unknown_token_is_401(cast, key):
    Token.objects.create(user=cast.member)

    response = get_organizations(f"Token {key}")

    assert (response.status_code, response.json()) == (401, {"detail": "Invalid token."})


def test_the_token_of_an_inactive_user_is_401(cast):
    token = Token.objects.create(user=cast.member)
    cast.member.is_active = False
    cast.member.save()

    response = get_organizations(f"Token {token.key}")

    assert (response.status_code, response.json()) == (401, {"detail": "User inactive or deleted."})


def test_a_token_costs_one_query_for_the_token_and_its_user(cast):
    token = Token.objects.create(user=cast.member)
    path = "/api/organizations/"

    with CaptureQueriesContext(connection) as forced:
        api_as(cast.member).get(path)
    with CaptureQueriesContext(connection) as by_token:
        assert get_organizations(f"Token {token.key}").status_code == 200

    assert len(by_token) == len(forced) + 1
