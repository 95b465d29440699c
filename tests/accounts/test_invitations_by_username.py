"""An invitation by username: the owner named an account, not an address, and never reads its address."""

import pytest
from rest_framework.test import APIClient

from accounts.models import Invitation
from accounts.services import invitation_email_mark_failed
from assessments.models import Role
from tests.factories import UserFactory, verified

pytestmark = pytest.mark.django_db


def test_it_keeps_the_address_of_an_account_invited_by_username_off_the_invitations_page(client, cast):
    """The API shows no address for an invitation by username (the owner named an account, not an address);
    nor may the page, not even in the form that sends an undelivered invitation again."""
    grace = verified(UserFactory(username="grace", email="grace.private@example.com"))
    owner = APIClient()
    owner.force_authenticate(cast.owner)
    added = owner.post(
        f"/api/organizations/{cast.organization.pk}/members/", {"username": "grace", "role": "member"}, format="json"
    )
    assert added.status_code == 202
    invitation_email_mark_failed(invitation_id=Invitation.objects.get(user=grace).pk, error="broker down")
    client.force_login(cast.owner)

    page = client.get(f"/organizations/{cast.organization.pk}/invitations/")

    assert page.status_code == 200
    assert "grace" in page.content.decode()
    assert "grace.private@example.com" not in page.content.decode()
    listed = owner.get(f"/api/organizations/{cast.organization.pk}/invitations/").json()
    assert "grace.private@example.com" not in str(listed)


def test_it_sends_an_invitation_by_username_again_by_username(client, cast):
    grace = verified(UserFactory(username="grace", email="grace.private@example.com"))
    client.force_login(cast.owner)
    client.post(f"/organizations/{cast.organization.pk}/members/", {"user": "grace", "role": "assessor"})
    first = Invitation.objects.get(user=grace)
    invitation_email_mark_failed(invitation_id=first.pk, error="broker down")
    page = client.get(f"/organizations/{cast.organization.pk}/invitations/").content.decode()
    assert f'action="/organizations/{cast.organization.pk}/members/"' in page

    again = client.post(f"/organizations/{cast.organization.pk}/members/", {"user": "grace", "role": "assessor"})

    assert again.status_code == 302
    latest = Invitation.objects.filter(organization=cast.organization).latest("created_at")
    assert (latest.user, latest.role, latest.email) == (grace, Role.ASSESSOR, "grace.private@example.com")
    first.refresh_from_db()
    assert first.revoked_at is not None
