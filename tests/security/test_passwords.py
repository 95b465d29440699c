"""Sign-up applies every password validator of the settings (the common-password one is in
tests/assessments/views/test_accounts.py)."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Zq7#kLp", "This password is too short. It must contain at least 8 characters."),
        ("83749261038", "This password is entirely numeric."),
        ("ada_lovelace1", "The password is too similar to the username."),
    ],
)
def test_it_refuses_a_weak_password_at_sign_up(client, password, message):
    data = {
        "username": "ada_lovelace",
        "email": "ada@example.com",
        "password1": password,
        "password2": password,
        "organization_name": "Analytical Engines",
    }

    response = client.post("/signup/", data)

    assert message in response.content.decode()
    assert not get_user_model().objects.exists()
