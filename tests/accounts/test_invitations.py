"""Invitations by email: an owner invites an address with a role; the link, read from a real SMTP server,
signs the invited person up (or in) into the organisation, once."""

import time
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from accounts.models import Invitation
from accounts.tokens import invitation_token
from assessments.models import Membership, Role
from tests.accounts.conftest import mail_link
from tests.factories import UserFactory, verified

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "correct-horse-battery"


def invite(client, cast, email="grace@example.com", role="assessor"):
    client.force_login(cast.owner)
    response = client.post(f"/organizations/{cast.organization.pk}/invitations/", {"email": email, "role": role})
    client.logout()
    return response


def signup(client, link, username="grace"):
    return client.post(link, {"username": username, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})


def link_of(invitation) -> str:
    return f"/invitations/{invitation_token(invitation.pk)}/"


def test_it_signs_up_the_invited_person_through_the_mailed_link_with_the_role(client, cast, smtp, mail_worker):
    invite(client, cast)
    mail_worker()

    (message,) = smtp.to("grace@example.com")
    response = signup(client, mail_link(message, "/invitations/"))

    membership = Membership.objects.get(organization=cast.organization, user__username="grace")
    assert response.url == f"/organizations/{cast.organization.pk}/"
    assert (membership.role, membership.user.email) == (Role.ASSESSOR, "grace@example.com")
    assert client.get(response.url).status_code == 200  # signed in, and a member


def test_it_counts_the_followed_link_as_a_verified_address(client, cast, smtp, mail_worker):
    invite(client, cast)
    mail_worker()

    signup(client, mail_link(smtp.to("grace@example.com")[0], "/invitations/"))

    assert EmailAddress.objects.get(email="grace@example.com").verified


def test_it_names_the_organisation_the_inviter_and_the_role_in_the_body_only(client, cast, smtp, mail_worker):
    invite(client, cast)
    mail_worker()

    message = smtp.to("grace@example.com")[0]
    text = message.get_payload(decode=True).decode()

    assert message["Subject"] == "You are invited to join an organisation on MLOps maturity"
    assert 'owner invites you to join the organisation "Acme"' in text
    assert "as assessor" in text


def test_it_lets_an_existing_account_that_verified_the_address_log_in_and_accept(client, cast):
    grace = verified(UserFactory(username="grace", email="Grace@Example.com"))
    invite(client, cast, role="viewer")
    link = link_of(Invitation.objects.get())
    client.force_login(grace)

    page = client.get(link)
    response = client.post(link)

    assert "Join Acme" in page.content.decode()
    assert response.url == f"/organizations/{cast.organization.pk}/"
    assert Membership.objects.get(organization=cast.organization, user=grace).role == Role.VIEWER


def test_it_refuses_to_invite_an_address_that_a_member_verified(client, cast, mail_worker):
    verified(cast.viewer)

    response = invite(client, cast, email="VIEWER@example.com")
    mail_worker()

    assert "VIEWER@example.com is a member of Acme already." in response.content.decode()
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_it_refuses_a_link_used_before(client, cast):
    invite(client, cast)
    link = link_of(Invitation.objects.get())
    signup(client, link)
    client.logout()

    response = signup(client, link, username="mallory")

    assert response.status_code == 410
    assert "This invitation has been used already." in response.content.decode()
    assert not get_user_model().objects.filter(username="mallory").exists()


def test_it_refuses_an_expired_link(client, cast, settings):
    settings.INVITATION_MAX_AGE_DAYS = 7
    invite(client, cast)
    eight_days_ago = time.time() - 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=eight_days_ago):
        link = link_of(Invitation.objects.get())

    response = signup(client, link)

    assert response.status_code == 410
    assert "This invitation has expired." in response.content.decode()
    assert not Membership.objects.filter(user__username="grace").exists()


def test_it_refuses_a_link_that_was_not_signed_by_us(client, cast):
    invite(client, cast)
    token = invitation_token(Invitation.objects.get().pk)

    response = client.get(f"/invitations/{token[:-2]}xx/")

    assert response.status_code == 404
    assert "This invitation link is not valid." in response.content.decode()


def test_it_refuses_an_account_whose_address_is_not_the_invited_one(client, cast):
    invite(client, cast)
    link = link_of(Invitation.objects.get())
    client.force_login(cast.outsider)

    response = client.post(link)

    assert response.status_code == 409
    assert "This invitation was sent to grace@example.com" in response.content.decode()
    assert not Membership.objects.filter(organization=cast.organization, user=cast.outsider).exists()
    assert Invitation.objects.get().accepted_at is None


def test_it_refuses_a_member_who_follows_a_link_again(client, cast):
    """Added by username meanwhile: the invitation changes nothing, not even the role."""
    grace = UserFactory(username="grace", email="grace@example.com")
    invite(client, cast)
    verified(grace)
    Membership.objects.create(organization=cast.organization, user=grace, role=Role.MEMBER)
    client.force_login(grace)

    response = client.post(link_of(Invitation.objects.get()))

    assert "You are a member of Acme already." in response.content.decode()
    assert Membership.objects.get(organization=cast.organization, user=grace).role == Role.MEMBER


def test_it_replaces_a_pending_invitation_of_the_address(client, cast):
    invite(client, cast, role="viewer")
    first = Invitation.objects.get()
    invite(client, cast, role="assessor")

    response = signup(client, link_of(first))

    assert "replaced by a newer one" in response.content.decode()
    assert Invitation.objects.filter(revoked_at=None).get().role == Role.ASSESSOR


def test_it_refuses_signing_up_with_an_address_that_an_account_verified(client, cast):
    invite(client, cast)
    verified(UserFactory(username="grace-old", email="grace@example.com"))

    response = signup(client, link_of(Invitation.objects.get()))

    assert "log in with it to accept the invitation" in response.content.decode()
    assert Invitation.objects.get().accepted_at is None


@pytest.mark.parametrize("role", ["assessor", "member", "viewer"])
def test_it_shows_invitations_and_their_addresses_to_owners_only(client, cast, role):
    invite(client, cast)
    client.force_login(cast.users[role])
    url = f"/organizations/{cast.organization.pk}/invitations/"

    page = client.get(url)
    response = client.post(url, {"email": "eve@example.com", "role": "owner"})

    assert page.status_code == 403
    assert "grace@example.com" not in page.content.decode()
    assert response.status_code == 403
    assert Invitation.objects.count() == 1


def test_it_lists_pending_invitations_on_the_page(client, cast):
    invite(client, cast)
    client.force_login(cast.owner)

    page = client.get(f"/organizations/{cast.organization.pk}/invitations/").content.decode()

    assert "grace@example.com" in page


def test_it_links_the_invitations_from_the_organisation_page_for_owners(client, cast):
    client.force_login(cast.owner)

    page = client.get(f"/organizations/{cast.organization.pk}/").content.decode()

    assert f"/organizations/{cast.organization.pk}/invitations/" in page


def test_it_invites_while_the_mail_server_is_down(client, cast, settings):
    """The worker sends (and retries) the mail: the page never waits for, or fails with, the mail server."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens on the discard port

    response = invite(client, cast)

    assert response.status_code == 302
    assert Invitation.objects.get().email == "grace@example.com"
