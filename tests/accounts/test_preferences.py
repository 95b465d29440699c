"""/account/preferences/: the report-ready email on or off, and the state of the address."""

import pytest

from accounts.models import Preferences
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_it_turns_the_report_ready_email_off_and_on(client):
    user = UserFactory(username="ada")
    client.force_login(user)

    client.post("/account/preferences/", {})
    off = Preferences.objects.get(user=user).report_ready_email
    client.post("/account/preferences/", {"report_ready_email": "on"})

    assert (off, Preferences.objects.get(user=user).report_ready_email) == (False, True)


def test_it_shows_the_email_on_by_default(client):
    client.force_login(UserFactory(username="ada"))

    page = client.get("/account/preferences/").content.decode()

    assert 'name="report_ready_email" id="id_report_ready_email" checked' in page


def test_it_is_linked_from_the_menu(client):
    client.force_login(UserFactory(username="ada"))

    assert 'href="/account/preferences/"' in client.get("/").content.decode()


def test_it_sends_anonymous_visitors_to_log_in(client):
    assert client.get("/account/preferences/").url.startswith("/login/")
