"""/account/tokens/: the user's own API tokens, linked from Preferences, each with a button that revokes it."""

import pytest
from rest_framework.test import APIClient

from tests.api_helpers import obtain_token
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE = "/account/tokens/"


def works(token: str) -> bool:
    return APIClient().get("/api/organizations/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 200


def test_preferences_link_to_it(client, ada):
    client.force_login(ada)

    assert f'href="{PAGE}"' in client.get("/account/preferences/").content.decode()


def test_it_lists_the_users_tokens_by_their_prefix_only(client, ada):
    UserFactory(username="bob")
    adas, bobs = obtain_token(), obtain_token("bob")
    client.force_login(ada)

    page = client.get(PAGE).content.decode()

    assert adas["token"][:8] in page
    assert adas["token"] not in page
    assert bobs["token"][:8] not in page


def test_it_says_when_there_is_none(client, ada):
    client.force_login(ada)

    assert "You have no API tokens." in client.get(PAGE).content.decode()


def test_it_revokes_a_token(client, ada):
    kept, revoked = obtain_token(), obtain_token()
    client.force_login(ada)

    response = client.post(f"{PAGE}{revoked['id']}/revoke/", follow=True)

    assert response.redirect_chain == [(PAGE, 302)]
    assert "The token was revoked." in response.content.decode()
    assert (works(kept["token"]), works(revoked["token"])) == (True, False)


def test_it_answers_404_for_another_users_token(client, ada):
    UserFactory(username="bob")
    bobs = obtain_token("bob")
    client.force_login(ada)

    response = client.post(f"{PAGE}{bobs['id']}/revoke/")

    assert response.status_code == 404
    assert works(bobs["token"])


def test_revoking_takes_a_post(client, ada):
    token = obtain_token()
    client.force_login(ada)

    assert client.get(f"{PAGE}{token['id']}/revoke/").status_code == 405


@pytest.mark.parametrize("path", [PAGE, f"{PAGE}1/revoke/"])
def test_it_sends_anonymous_visitors_to_log_in(client, path):
    assert client.post(path).url.startswith("/login/")
