"""Failed logins lock a username out from one address for a while (django-axes), on the login page and on
the API's token endpoint alike."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from rest_framework.test import APIClient

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada():
    return UserFactory(username="ada")


def log_in(client, password: str, username: str = "ada", address: str = "192.0.2.1"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def get_token(client, password: str, address: str = "192.0.2.1"):
    return client.post(
        "/api/auth/token/", {"username": "ada", "password": password}, format="json", REMOTE_ADDR=address
    )


def fail(times: int, attempt) -> None:
    for _ in range(times):
        attempt("wrong password")


def test_it_refuses_the_right_password_after_five_failures(client, ada):
    fail(5, lambda password: log_in(client, password))

    response = log_in(client, PASSWORD)

    assert response.status_code == 429
    assert not client.get("/").context["user"].is_authenticated


def test_it_says_why_on_the_lockout_page(client, ada):
    fail(4, lambda password: log_in(client, password))

    response = log_in(client, "wrong password")

    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "locked for 15 minutes" in response.content.decode()


def test_it_still_lets_the_user_in_after_four_failures(client, ada):
    fail(4, lambda password: log_in(client, password))

    assert log_in(client, PASSWORD).url == "/"


def test_it_starts_counting_again_after_a_good_login(client, ada):
    fail(4, lambda password: log_in(client, password))
    log_in(client, PASSWORD)
    client.post("/logout/")
    fail(4, lambda password: log_in(client, password))

    assert log_in(client, PASSWORD).url == "/"


def test_it_locks_only_that_username_from_that_address(client, ada):
    UserFactory(username="bob")
    fail(5, lambda password: log_in(client, password))

    assert log_in(client, PASSWORD, address="198.51.100.7").url == "/"
    client.post("/logout/")
    assert log_in(client, PASSWORD, username="bob").url == "/"


def test_it_lets_the_user_in_again_after_fifteen_minutes(client, ada):
    fail(5, lambda password: log_in(client, password))
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16))

    assert log_in(client, PASSWORD).url == "/"


def test_it_locks_the_token_endpoint_too(ada):
    client = APIClient()
    fail(5, lambda password: get_token(client, password))

    response = get_token(client, PASSWORD)

    assert response.status_code == 429
    assert "token" not in response.json()
    assert response["Retry-After"] == "900"


def test_it_still_answers_400_to_a_wrong_password_below_the_limit(ada):
    response = get_token(APIClient(), "wrong password")

    assert response.status_code == 400


def test_it_counts_failures_on_the_page_and_the_api_together(client, ada):
    fail(3, lambda password: log_in(client, password))
    fail(2, lambda password: get_token(APIClient(), password))

    assert log_in(client, PASSWORD).status_code == 429
