"""A domain error of an accounts service reaches the client through core.api's exception handler, with its status
and body; no view catches it."""

import pytest

from tests.api_helpers import api_as

pytestmark = pytest.mark.django_db


def add_member(cast, body: dict):
    return api_as(cast.owner).post(f"/api/organizations/{cast.organization.pk}/members/", body, format="json")


def test_it_answers_demoting_the_last_owner_with_a_400_on_the_role(cast):
    response = add_member(cast, {"username": "owner", "role": "viewer"})

    assert (response.status_code, response.json()) == (
        400,
        {"role": ["owner is the only owner of Acme; add another first"]},
    )


def test_it_answers_an_unknown_username_with_a_400_on_the_username(cast):
    response = add_member(cast, {"username": "nobody", "role": "viewer"})

    assert (response.status_code, response.json()) == (400, {"username": ["No account has this username."]})
