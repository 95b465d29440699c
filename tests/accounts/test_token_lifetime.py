"""An API token lives until it expires, its owner revokes it, or the password it was issued under changes,
whichever path changed it (the reset page, the admin, `manage.py changepassword`, set_password and save);
sessions end with the password in the same way."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import ApiToken
from tests.accounts.conftest import link_in
from tests.api_helpers import obtain_token
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-passphrase"


def with_token(token: str):
    return APIClient().get("/api/organizations/", HTTP_AUTHORIZATION=f"Token {token}")


def test_it_accepts_a_token_until_something_changes(ada):
    assert with_token(obtain_token()["token"]).status_code == 200


def test_a_reset_through_the_reset_page_ends_the_token(client, ada, mail_worker):
    token = obtain_token()["token"]
    client.post("/account/password/reset/", {"email": "ada@example.com"})
    mail_worker()
    form = client.get(link_in(mail.outbox[0].body, "/account/password/reset/key/"), follow=True)
    done = client.post(form.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    response = with_token(token)

    assert done.url == "/account/password/reset/key/done/"
    assert (response.status_code, response.json()) == (401, {"detail": "Invalid token."})


def test_set_password_and_save_ends_every_token_of_the_user(ada):
    tokens = [obtain_token()["token"], obtain_token()["token"]]
    ada.set_password(NEW_PASSWORD)
    ada.save()

    assert [with_token(token).status_code for token in tokens] == [401, 401]
    assert with_token(obtain_token(password=NEW_PASSWORD)["token"]).status_code == 200


def test_a_change_in_the_admin_ends_the_token(client, ada):
    token = obtain_token()["token"]
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.com", "x"))

    changed = client.post(
        f"/admin/auth/user/{ada.pk}/password/",
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )

    assert changed.status_code == 302
    assert with_token(token).status_code == 401


def test_manage_changepassword_ends_the_token(monkeypatch, ada):
    token = obtain_token()["token"]
    monkeypatch.setattr("getpass.getpass", lambda prompt="": NEW_PASSWORD)

    call_command("changepassword", "ada", stdout=None)

    assert with_token(token).status_code == 401


def test_a_password_written_without_save_ends_the_token_too(ada):
    """Even a bulk update, which sends no signal, ends it: a token is bound to the password it was issued
    under, checked on every request, as a session is."""
    token = obtain_token()["token"]
    changed = UserFactory.build(username="other")
    changed.set_password(NEW_PASSWORD)
    get_user_model().objects.filter(pk=ada.pk).update(password=changed.password)

    assert with_token(token).status_code == 401


def test_other_changes_to_the_user_keep_the_token(ada):
    token = obtain_token()["token"]
    ada.email = "ada@elsewhere.example"
    ada.last_login = timezone.now()
    ada.save()

    assert with_token(token).status_code == 200


def test_a_password_change_ends_the_users_other_sessions(client, ada):
    client.force_login(ada)
    ada.set_password(NEW_PASSWORD)
    ada.save()

    assert client.get("/account/preferences/").url.startswith("/login/")


def test_an_expired_token_is_refused_and_deleted(ada):
    token = obtain_token()["token"]
    ApiToken.objects.update(expiry=timezone.now() - timedelta(seconds=1))

    response = with_token(token)

    assert (response.status_code, response.json()) == (401, {"detail": "Invalid token."})
    assert not ApiToken.objects.exists()


def test_a_token_lasts_api_token_ttl_days(ada):
    before = timezone.now()
    expiry = datetime.fromisoformat(obtain_token()["expiry"])
    after = timezone.now()

    assert before + timedelta(days=30) <= expiry <= after + timedelta(days=30)
