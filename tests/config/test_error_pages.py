"""With DEBUG off, a missing page and a failure get our styled pages, not Django's plain ones."""

import pytest
from django.test import override_settings

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
def test_a_missing_page_is_a_styled_404(client):
    response = client.get("/no/such/page/")

    text = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in text
    assert "/static/css/app.css" in text


@override_settings(DEBUG=False)
def test_a_signed_in_user_gets_the_404_with_the_menu(client):
    client.force_login(UserFactory())

    text = client.get("/no/such/page/").content.decode()

    assert "Log out" in text


@pytest.mark.urls("tests.config.failing_urls")
@override_settings(DEBUG=False)
def test_a_failing_view_is_a_styled_500(client):
    client.raise_request_exception = False

    response = client.get("/failing/")

    text = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in text
    assert "/static/css/app.css" in text
    assert "the view failed" not in text


def test_every_page_links_the_favicon(client):
    assert '<link rel="icon" href="/static/img/favicon.svg"' in client.get("/login/").content.decode()
