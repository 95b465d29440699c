"""A user finds their API tokens from Preferences, tells them apart by their first characters and revokes
one; the page fits a phone and passes axe."""

import pytest
from playwright.sync_api import expect
from rest_framework.test import APIClient

from accounts.services import api_token_create
from tests.e2e.conftest import check_page, log_in, screenshot
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def works(token: str) -> bool:
    return APIClient().get("/api/organizations/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 200


def test_a_user_revokes_a_token_from_their_preferences(page, context, watch, live_server):
    ada = UserFactory(username="ada")
    (laptop, laptop_secret), (ci, ci_secret) = api_token_create(user=ada), api_token_create(user=ada)
    log_in(context, ada, live_server.url)

    page.goto("/account/preferences/")
    page.get_by_role("link", name="See and revoke your API tokens").click()
    expect(page.get_by_role("heading", name="API tokens", level=1)).to_be_visible()
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        check_page(page)
        screenshot(page, f"api-tokens-{width}")
    page.get_by_role("button", name=f"Revoke the token {ci.prefix}").click()

    expect(page.get_by_text("The token was revoked.")).to_be_visible()
    expect(page.get_by_text(f"{laptop.prefix}…")).to_be_visible()
    expect(page.get_by_text(f"{ci.prefix}…")).to_have_count(0)
    check_page(page)
    assert (works(laptop_secret), works(ci_secret)) == (True, False)
    watch.assert_clean()
