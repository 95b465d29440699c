"""API tokens: the hand-written lookup answers as DRF's TokenAuthentication does."""

import pytest
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from config.authentication import USER_FIELDS, USER_OF_API_KEY, user_for_token

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


def test_the_user_of_a_token_is_the_user_with_the_fields_it_did_not_read_loading_when_read(cast):
    token = Token.objects.create(user=cast.member)

    user = user_for_token(token.key)

    assert user == cast.member
    assert (user.username, user.is_staff, user.is_active) == (cast.member.username, False, True)
    assert user.get_deferred_fields() == {"password", "last_login", "date_joined"}
    assert user.date_joined == cast.member.date_joined  # aware, as the ORM gives it


def test_the_token_lookup_lists_its_columns_in_the_models_field_order():
    order = [field.attname for field in get_user_model()._meta.concrete_fields]

    assert sorted(USER_FIELDS, key=order.index) == list(USER_FIELDS)
    selected = USER_OF_API_KEY.split("FROM")[0].removeprefix("\n    SELECT").replace("u.", "")
    assert [column.strip() for column in selected.split(",")] == list(USER_FIELDS)
