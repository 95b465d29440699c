"""The organisation page's "Invite a member or change a role": an owner changes a member's role at once and
invites anyone else, by username (at their verified address) or by address; they join only by accepting."""

import pytest

from accounts.models import Invitation
from assessments.models import Membership, Role
from tests.factories import UserFactory, verified

pytestmark = pytest.mark.django_db


def members_url(cast) -> str:
    return f"/organizations/{cast.organization.pk}/members/"


def add(client, cast, login: str, role: str = Role.MEMBER):
    client.force_login(cast.owner)
    return client.post(members_url(cast), {"user": login, "role": role})


def test_owner_changes_a_role(client, cast):
    response = add(client, cast, "viewer")

    assert response.url == f"/organizations/{cast.organization.pk}/"
    assert Membership.objects.get(user=cast.viewer).role == Role.MEMBER


def test_owner_invites_a_user_by_username_and_they_are_not_a_member_until_they_accept(client, cast):
    zoe = verified(UserFactory(username="zoe", email="zoe@example.com"))

    response = add(client, cast, "zoe", Role.VIEWER)

    assert response.url == f"/organizations/{cast.organization.pk}/"
    assert not Membership.objects.filter(user=zoe).exists()
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.user, invitation.role) == ("zoe@example.com", zoe, Role.VIEWER)
    page = client.get(response.url).content.decode()
    assert "Invited zoe as viewer" in page
    assert "zoe@example.com" not in page


def test_owner_invites_an_address(client, cast):
    zoe = UserFactory(username="zoe", email="zoe@example.com")  # claims it, unverified

    add(client, cast, "Zoe@Example.com", Role.VIEWER)

    assert not Membership.objects.filter(user=zoe).exists()
    assert Invitation.objects.get().email == "Zoe@example.com"


def test_owner_changes_the_role_of_the_member_whose_verified_address_it_is(client, cast):
    verified(cast.viewer)

    add(client, cast, "Viewer@Example.com")

    assert Membership.objects.get(user=cast.viewer).role == Role.MEMBER
    assert not Invitation.objects.exists()


def test_a_username_shaped_like_an_address_is_never_taken_for_it(client, cast):
    impostor = UserFactory.build(username="newhire@corp.example", email="mallory@example.com")
    impostor.save()  # made before usernames were refused an @

    add(client, cast, "newhire@corp.example", Role.ASSESSOR)

    assert not Membership.objects.filter(user=impostor).exists()
    assert Invitation.objects.get().email == "newhire@corp.example"


@pytest.mark.parametrize(
    ("login", "message"),
    [
        ("nobody", "No account has this username."),
        ("unverified", "unverified has no verified email address"),
        ("@nohost", "Enter a valid email address."),
    ],
)
def test_it_says_what_it_cannot_do_in_the_form(client, cast, login, message):
    UserFactory(username="unverified")

    response = add(client, cast, login)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Invitation.objects.exists()
    assert Membership.objects.filter(organization=cast.organization).count() == 4


@pytest.mark.parametrize("role", ["assessor", "member", "viewer"])
def test_only_owners_manage(client, cast, role):
    client.force_login(cast.users[role])

    assert client.post(members_url(cast), {"user": role, "role": Role.OWNER}).status_code == 403


def test_the_last_owner_stepping_down_is_a_form_error(client, cast):
    response = add(client, cast, "owner", Role.VIEWER)

    assert response.status_code == 200
    assert "only owner" in response.content.decode()
