"""Password reset (django-allauth): the same answer for every address, a mail only to an account's."""

import pytest
from django.core import mail

from tests.accounts.conftest import link_in, mail_link
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RESET = "/account/password/reset/"
NEW_PASSWORD = "a-brand-new-passphrase"


def test_it_answers_alike_for_a_known_and_an_unknown_address(client):
    UserFactory(username="ada", email="ada@example.com")

    known = client.post(RESET, {"email": "ada@example.com"})
    unknown = client.post(RESET, {"email": "nobody@example.com"})

    assert (known.status_code, known.url) == (unknown.status_code, unknown.url) == (302, RESET + "done/")


def test_it_mails_only_an_address_that_has_an_account(client, mail_worker):
    UserFactory(username="ada", email="ada@example.com")

    client.post(RESET, {"email": "nobody@example.com"})
    client.post(RESET, {"email": "ada@example.com"})
    mail_worker()

    assert [message.to for message in mail.outbox] == [["ada@example.com"]]


def test_it_resets_the_password_through_the_mailed_link(client, smtp, mail_worker):
    UserFactory(username="ada", email="ada@example.com")
    client.post(RESET, {"email": "ada@example.com"})
    mail_worker()

    link = mail_link(smtp.to("ada@example.com")[0], "/account/password/reset/key/")
    form = client.get(link, follow=True)  # allauth moves the key from the address into the session
    done = client.post(form.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    login = client.post("/login/", {"username": "ada", "password": NEW_PASSWORD})

    assert done.url == "/account/password/reset/key/done/"
    assert login.url == "/"


def test_it_says_a_used_link_does_not_work(client, mail_worker):
    UserFactory(username="ada", email="ada@example.com")
    client.post(RESET, {"email": "ada@example.com"})
    mail_worker()
    link = link_in(mail.outbox[0].body, "/account/password/reset/key/")
    form = client.get(link, follow=True)
    client.post(form.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    response = client.get(link, follow=True)

    assert "This link does not work" in response.content.decode()


def test_the_login_page_links_to_the_reset(client):
    assert RESET in client.get("/login/").content.decode()


def test_the_new_password_form_is_labelled_in_sentence_case_without_placeholders(client, mail_worker):
    UserFactory(username="ada", email="ada@example.com")
    client.post(RESET, {"email": "ada@example.com"})
    mail_worker()

    form = client.get(link_in(mail.outbox[0].body, "/account/password/reset/key/"), follow=True).content.decode()

    assert ">New password:</label>" in form
    assert ">New password (again):</label>" in form
    assert "placeholder" not in form
