"""POST|GET /api/organizations/{id}/invitations/."""

import pytest
from django.core import mail

from accounts.models import Invitation
from tests.factories import verified

pytestmark = pytest.mark.django_db


def url(cast) -> str:
    return f"/api/organizations/{cast.organization.pk}/invitations/"


def post(client, cast, user, data):
    client.force_login(user)
    return client.post(url(cast), data, content_type="application/json")


def test_it_creates_an_invitation_and_mails_the_link(client, cast, mail_worker):
    response = post(client, cast, cast.owner, {"email": "grace@example.com", "role": "member"})
    mail_worker()

    body = response.json()
    assert response.status_code == 201
    assert (body["email"], body["role"], body["status"], body["invited_by"]) == (
        "grace@example.com",
        "member",
        "pending",
        "owner",
    )
    assert mail.outbox[0].to == ["grace@example.com"]
    assert "/invitations/" in mail.outbox[0].body


def test_it_names_each_bad_field(client, cast):
    response = post(client, cast, cast.owner, {"email": "not-an-address", "role": "king"})

    assert response.status_code == 400
    assert set(response.json()) == {"email", "role"}
    assert not Invitation.objects.exists()


def test_it_refuses_an_address_that_a_member_verified_with_400(client, cast, mail_worker):
    verified(cast.assessor)

    response = post(client, cast, cast.owner, {"email": "assessor@example.com", "role": "member"})
    mail_worker()

    assert response.status_code == 400
    assert response.json() == {"email": ["assessor@example.com is a member of Acme already."]}
    assert not mail.outbox


def test_it_refuses_a_non_owner_with_403(client, cast):
    response = post(client, cast, cast.member, {"email": "grace@example.com", "role": "member"})

    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_it_is_404_for_an_outsider(client, cast):
    post(client, cast, cast.owner, {"email": "grace@example.com", "role": "member"})
    client.force_login(cast.outsider)

    assert client.get(url(cast)).status_code == 404
    assert post(client, cast, cast.outsider, {"email": "x@example.com", "role": "member"}).status_code == 404


def test_it_lists_the_invitations_with_their_status_to_owners_only(client, cast):
    post(client, cast, cast.owner, {"email": "grace@example.com", "role": "member"})
    post(client, cast, cast.owner, {"email": "grace@example.com", "role": "viewer"})
    client.force_login(cast.owner)
    results = client.get(url(cast)).json()["results"]
    client.force_login(cast.viewer)

    assert [(row["role"], row["status"]) for row in results] == [("viewer", "pending"), ("member", "replaced")]
    assert client.get(url(cast)).status_code == 403


def test_it_lists_in_a_bounded_number_of_queries(client, cast, django_assert_max_num_queries):
    for number in range(12):
        post(client, cast, cast.owner, {"email": f"person{number}@example.com", "role": "member"})
    client.force_login(cast.owner)

    with django_assert_max_num_queries(8):
        assert len(client.get(url(cast)).json()["results"]) == 12


def test_a_mail_server_that_is_down_does_not_fail_the_invitation(client, cast, settings):
    """The worker sends the mail, and retries it: the request never talks to the mail server."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens on the discard port

    response = post(client, cast, cast.owner, {"email": "grace@example.com", "role": "member"})

    assert response.status_code == 201
    assert response.json()["email_status"] == "queued"
    assert Invitation.objects.get().email == "grace@example.com"
