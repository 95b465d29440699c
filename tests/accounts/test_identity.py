"""Who is who: a username is never an address, and an address is identity only once verified. The attack
this closes: someone signs up first with a colleague's address and waits for an owner to add or invite it."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from accounts.models import Invitation
from accounts.tokens import invitation_token
from assessments.models import Membership, Organization, Role
from tests.accounts.conftest import link_in, mail_link
from tests.accounts.test_pages import signup_data
from tests.factories import PASSWORD, UserFactory, verified
from tests.smtp_server import body

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "correct-horse-battery"


def test_it_refuses_an_at_sign_in_a_username_on_sign_up(client):
    response = client.post("/signup/", signup_data(username="newhire@corp.example"))

    assert response.status_code == 200
    assert "A username cannot contain @" in response.content.decode()
    assert not get_user_model().objects.exists()


def test_it_refuses_an_at_sign_in_a_username_on_the_invitation_sign_up(client, cast):
    invitation = Invitation.objects.create(
        organization=cast.organization, email="grace@example.com", role=Role.MEMBER, invited_by=cast.owner
    )
    response = client.post(
        f"/invitations/{invitation_token(invitation.pk)}/",
        {"username": "boss@example.com", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert "A username cannot contain @" in response.content.decode()
    assert not get_user_model().objects.filter(username="boss@example.com").exists()


def test_the_model_refuses_an_at_sign_in_a_username_so_the_admin_cannot_either(admin_client):
    user = get_user_model()(username="boss@example.com", email="x@example.com")

    with pytest.raises(ValidationError) as refused:
        user.full_clean(exclude=["password"])
    response = admin_client.post(
        "/admin/auth/user/add/",
        {
            "username": "boss@example.com",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "usable_password": "true",
        },
    )

    assert "username" in refused.value.message_dict
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="boss@example.com").exists()


def test_login_is_by_username_only(client):
    UserFactory(username="ada", email="ada@example.com")

    by_address = client.post("/login/", {"username": "ada@example.com", "password": PASSWORD})
    by_username = client.post("/login/", {"username": "ada", "password": PASSWORD})

    assert by_address.status_code == 200
    assert by_username.status_code == 302


def test_an_attacker_who_signs_up_with_a_colleagues_address_never_reaches_the_organisation(
    client, cast, smtp, mail_worker
):
    """Mallory signs up with Grace's address and keeps an API token; the owner adds Grace by address; Grace
    follows the invitation, makes her own account and joins. Mallory's account never reaches the organisation."""
    attacker = APIClient()
    attacker.post("/signup/", signup_data(username="mallory", email="grace@example.com", organization_name="Evil"))
    token = attacker.post("/api/auth/token/", {"username": "mallory", "password": NEW_PASSWORD}).json()["token"]
    attacker = APIClient()
    attacker.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    organization_url = f"/api/organizations/{cast.organization.pk}/"
    owner = APIClient()
    owner.force_authenticate(cast.owner)

    added = owner.post(f"{organization_url}members/", {"email": "grace@example.com", "role": "assessor"}, format="json")

    assert added.status_code == 202
    assert attacker.get(organization_url).status_code == 404
    mail_worker()
    invitation_mail = next(m for m in smtp.to("grace@example.com") if "/invitations/" in body(m))
    link = mail_link(invitation_mail, "/invitations/")
    page = client.get(link)
    assert "exists already" not in page.content.decode()
    joined = client.post(link, {"username": "grace", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert joined.url == f"/organizations/{cast.organization.pk}/"
    assert Membership.objects.get(organization=cast.organization, user__username="grace").role == Role.ASSESSOR
    assert not Membership.objects.filter(organization=cast.organization, user__username="mallory").exists()
    assert attacker.get(organization_url).status_code == 404
    mallory = get_user_model().objects.get(username="mallory")
    assert mallory.email == ""
    assert not EmailAddress.objects.filter(user=mallory).exists()
    client.logout()
    client.post("/account/password/reset/", {"email": "grace@example.com"})
    mail_worker()
    (reset,) = [m for m in smtp.to("grace@example.com") if "/account/password/reset/key/" in body(m)]
    assert "mallory" not in body(reset)


def test_a_signed_in_account_that_has_not_verified_the_address_cannot_accept(client, cast):
    mallory = UserFactory(username="mallory", email="grace@example.com")
    invitation = Invitation.objects.create(
        organization=cast.organization, email="grace@example.com", role=Role.MEMBER, invited_by=cast.owner
    )
    client.force_login(mallory)
    response = client.post(f"/invitations/{invitation_token(invitation.pk)}/")

    assert response.status_code == 409
    assert "not verified" in response.content.decode()
    assert not Membership.objects.filter(organization=cast.organization, user=mallory).exists()


def test_verifying_an_address_drops_other_accounts_unverified_claims(client, mail_worker):
    mallory = UserFactory(username="mallory", email="ada@example.com")
    EmailAddress.objects.create(user=mallory, email="ada@example.com", verified=False, primary=True)
    client.post("/signup/", signup_data(username="ada", email="ada@example.com"))
    mail_worker()
    link = link_in(mail.outbox[-1].body, "/account/confirm-email/")
    client.post(link)

    assert EmailAddress.objects.get(email="ada@example.com").user.username == "ada"
    mallory.refresh_from_db()
    assert mallory.email == ""


@pytest.mark.parametrize("claimed", ["verified", "unverified"])
def test_sign_up_answers_an_address_in_use_as_it_answers_a_new_one(client, smtp, mail_worker, claimed):
    holder = UserFactory(username="holder", email="taken@example.com")
    if claimed == "verified":
        verified(holder)

    fresh = client.post("/signup/", signup_data(username="fresh", email="fresh@example.com"), follow=True)
    client.logout()
    taken = client.post(
        "/signup/", signup_data(username="second", email="taken@example.com", organization_name="Second"), follow=True
    )

    def shown(response) -> list:
        return [
            str(message).replace("fresh@", "X@").replace("taken@", "X@") for message in response.context["messages"]
        ]

    assert (fresh.status_code, taken.status_code) == (200, 200)
    assert fresh.redirect_chain[0][0].startswith("/organizations/")
    assert taken.redirect_chain[0][0].startswith("/organizations/")
    assert shown(fresh) == shown(taken)
    assert Organization.objects.filter(name="Second").exists()
    mail_worker()
    assert len(smtp.to("taken@example.com")) == 1


def test_the_holder_of_a_verified_address_is_told_that_someone_signed_up_with_it(client, smtp, mail_worker):
    verified(UserFactory(username="holder", email="taken@example.com"))

    client.post("/signup/", signup_data(username="second", email="taken@example.com"))
    mail_worker()

    (message,) = smtp.to("taken@example.com")
    assert "tried to sign up" in body(message)
    assert "/account/confirm-email/" not in body(message)
    assert not EmailAddress.objects.filter(user__username="second", verified=True).exists()
