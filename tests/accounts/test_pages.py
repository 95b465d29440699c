"""Sign up, log in and log out."""

import pytest
from django.contrib.auth import get_user_model

from assessments.models import Organization, Role
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def signup_data(**overrides) -> dict:
    data = {
        "username": "ada",
        "email": "ada@example.com",
        "password1": "correct-horse-battery",
        "password2": "correct-horse-battery",
        "organization_name": "Analytical Engines",
    }
    return {**data, **overrides}


def test_it_creates_the_user_and_an_organisation_they_own(client):
    response = client.post("/signup/", signup_data())

    organization = Organization.objects.get()
    membership = organization.memberships.get()
    assert response.url == f"/organizations/{organization.pk}/"
    assert (membership.user.username, membership.role) == ("ada", Role.OWNER)


def test_it_logs_the_new_user_in(client):
    client.post("/signup/", signup_data())

    response = client.get("/")

    assert response.context["user"].username == "ada"


def test_it_refuses_a_weak_password_and_creates_nothing(client):
    response = client.post("/signup/", signup_data(password1="12345678", password2="12345678"))

    assert "This password is too common." in response.content.decode()
    assert not get_user_model().objects.exists()
    assert not Organization.objects.exists()


def test_it_refuses_an_at_sign_in_a_username(client):
    response = client.post("/signup/", signup_data(username="ada@example.com"))

    assert "A username cannot contain @" in response.content.decode()
    assert not Organization.objects.exists()


def test_it_renders_the_login_page(client):
    response = client.get("/login/")

    assert response.status_code == 200
    assert "<title>Log in · MLOps maturity</title>" in response.content.decode()


def test_it_logs_in_and_goes_home(client):
    UserFactory(username="ada")

    response = client.post("/login/", {"username": "ada", "password": PASSWORD})

    assert response.url == "/"


def test_it_sends_anonymous_visitors_from_a_page_inside_to_the_login_page(client):
    response = client.get("/portfolio/")

    assert response.url == "/login/?next=/portfolio/"


def test_it_logs_out_with_a_post(client):
    client.force_login(UserFactory())

    response = client.post("/logout/")

    assert response.url == "/login/"
    assert not client.get("/").context["user"].is_authenticated
