"""POST /api/organizations/{id}/members/: an owner changes a member's role directly, and invites anyone else,
who joins only by accepting. A username is looked up only as a username, an address only as a verified one."""

import pytest

from accounts.models import Invitation
from assessments.models import Membership
from tests.api_helpers import api_as
from tests.factories import MembershipFactory, UserFactory, verified

pytestmark = pytest.mark.django_db


def url(cast) -> str:
    return f"/api/organizations/{cast.organization.pk}/members/"


def post(cast, body: dict, user=None):
    return api_as(user or cast.owner).post(url(cast), body, format="json")


def test_it_lists_members_with_roles(cast):
    body = api_as(cast.viewer).get(url(cast)).json()

    assert [(m["username"], m["role"]) for m in body["results"]] == [
        ("assessor", "assessor"),
        ("member", "member"),
        ("owner", "owner"),
        ("viewer", "viewer"),
    ]


def test_it_shows_addresses_to_owners_only(cast):
    verified(cast.member)

    seen_by_owner = {m["username"]: m["email"] for m in api_as(cast.owner).get(url(cast)).json()["results"]}
    seen_by_viewer = {m["username"]: m["email"] for m in api_as(cast.viewer).get(url(cast)).json()["results"]}

    assert seen_by_owner["member"] == "member@example.com"
    assert seen_by_owner["viewer"] is None  # not verified: no address to show
    assert set(seen_by_viewer.values()) == {None}


def test_it_changes_the_role_of_a_member_directly(cast):
    response = post(cast, {"username": "viewer", "role": "assessor"})

    assert response.status_code == 201
    assert (response.json()["username"], response.json()["role"]) == ("viewer", "assessor")
    assert Membership.objects.get(organization=cast.organization, user=cast.viewer).role == "assessor"


def test_it_invites_a_user_who_is_not_a_member_by_username_at_their_verified_address(cast, smtp, mail_worker):
    verified(UserFactory(username="grace", email="grace@example.com"))

    response = post(cast, {"username": "grace", "role": "assessor"})

    assert response.status_code == 202
    body = response.json()
    assert (body["username"], body["email"], body["role"], body["status"]) == ("grace", None, "assessor", "pending")
    assert Invitation.objects.get().email == "grace@example.com"
    mail_worker()
    assert len(smtp.to("grace@example.com")) == 1
    assert not Membership.objects.filter(organization=cast.organization, user__username="grace").exists()


def test_it_refuses_a_username_without_a_verified_address(cast):
    UserFactory(username="grace", email="grace@example.com")

    response = post(cast, {"username": "grace", "role": "member"})

    assert response.status_code == 400
    assert list(response.json()) == ["username"]
    assert not Invitation.objects.exists()


def test_it_invites_an_address_that_no_member_has_verified(cast, smtp):
    mallory = UserFactory(username="mallory", email="grace@example.com")  # claims it, unverified
    MembershipFactory(user=mallory, organization=cast.organization, role="viewer")

    response = post(cast, {"email": "Grace@Example.com", "role": "owner"})

    assert response.status_code == 202
    assert (response.json()["email"], response.json()["username"]) == ("Grace@example.com", None)
    assert Membership.objects.get(organization=cast.organization, user__username="mallory").role == "viewer"


def test_it_changes_the_role_of_the_member_whose_verified_address_it_is(cast):
    verified(cast.viewer)

    response = post(cast, {"email": "VIEWER@example.com", "role": "member"})

    assert response.status_code == 201
    assert Membership.objects.get(organization=cast.organization, user=cast.viewer).role == "member"


def test_a_username_that_looks_like_an_address_is_only_a_username(cast, smtp):
    """An account named like a colleague's address does not get the role meant for that address."""
    impostor = UserFactory.build(username="newhire@corp.example", email="mallory@example.com")
    impostor.save()  # made before usernames were refused an @

    response = post(cast, {"email": "newhire@corp.example", "role": "assessor"})

    assert response.status_code == 202
    assert not Membership.objects.filter(organization=cast.organization, user=impostor).exists()
    assert Invitation.objects.get().email == "newhire@corp.example"


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"username": "nobody", "role": "member"}, ["username"]),
        ({"username": "viewer", "role": "king"}, ["role"]),
        ({"role": "member"}, ["username"]),
        ({"username": "viewer", "email": "viewer@example.com", "role": "member"}, ["username"]),
        ({"email": "@nohost", "role": "member"}, ["email"]),
        ({"email": "a@example.com\nBcc: b@example.com", "role": "member"}, ["email"]),
    ],
)
def test_it_names_each_bad_field(cast, body, fields):
    response = post(cast, body)

    assert (response.status_code, list(response.json())) == (400, fields)
    assert not Invitation.objects.exists()


def test_the_last_owner_cannot_demote_themselves(cast):
    response = post(cast, {"username": "owner", "role": "viewer"})

    assert response.status_code == 400
    assert "only owner" in response.json()["role"][0]


@pytest.mark.parametrize("role", ["assessor", "member", "viewer"])
def test_only_owners_manage_members(cast, role):
    response = post(cast, {"username": "viewer", "role": "owner"}, user=cast.users[role])

    assert response.status_code == 403


def test_an_outsider_gets_404(cast):
    assert api_as(cast.outsider).get(url(cast)).status_code == 404
    assert post(cast, {"username": "viewer", "role": "owner"}, user=cast.outsider).status_code == 404
