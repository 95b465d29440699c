"""Sign-up sends a link to verify the address (django-allauth); the account works before it is followed."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from tests.accounts.conftest import link_in, mail_link
from tests.accounts.test_pages import signup_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_it_mails_a_verification_link_on_sign_up(client, smtp, mail_worker):
    client.post("/signup/", signup_data())
    mail_worker()

    (message,) = smtp.to("ada@example.com")

    assert "/account/confirm-email/" in mail_link(message, "/account/confirm-email/")
    assert not EmailAddress.objects.get(email="ada@example.com").verified


def test_following_the_link_and_confirming_verifies_the_address(client, mail_worker):
    client.post("/signup/", signup_data())
    mail_worker()
    link = link_in(mail.outbox[0].body, "/account/confirm-email/")

    page = client.get(link)
    client.post(link)

    assert "Confirm that ada@example.com is the address of ada" in page.content.decode()
    assert EmailAddress.objects.get(email="ada@example.com").verified


def test_opening_the_link_alone_verifies_nothing(client, mail_worker):
    """Mail scanners open links; only the button confirms."""
    client.post("/signup/", signup_data())
    mail_worker()

    client.get(link_in(mail.outbox[0].body, "/account/confirm-email/"))

    assert not EmailAddress.objects.get(email="ada@example.com").verified


def test_a_bad_link_says_so(client):
    response = client.get("/account/confirm-email/not-a-key/")

    assert "This verification link is not valid" in response.content.decode()


def test_an_account_made_before_verification_existed_can_ask_for_a_link(client, mail_worker):
    client.force_login(UserFactory(username="old", email="old@example.com"))

    page = client.get("/account/preferences/").content.decode()
    client.post("/account/email/verify/")
    mail_worker()

    assert "not verified yet" in page
    assert mail.outbox[0].to == ["old@example.com"]
