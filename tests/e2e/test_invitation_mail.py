"""The owner sees an invitation whose mail the worker could not deliver, and sends it again, in headless
Chromium at a desk and on a phone (check_page: axe-core, nothing wider than the viewport)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Invitation, OutgoingEmail
from assessments.models import Role
from tests.e2e.conftest import check_page, log_in, screenshot
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory, verified

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def fits_the_width(locator, width: int) -> bool:
    """Seen without scrolling sideways: a table wider than its column hid the button in an overflow region."""
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


@pytest.mark.parametrize("width", [1280, 390])
def test_an_owner_sends_an_undelivered_invitation_again(page, context, live_server, width):
    owner = UserFactory(username="ada", email="ada@example.com")
    organization = OrganizationFactory(name="Northwind Analytics")
    MembershipFactory(user=owner, organization=organization, role=Role.OWNER)
    failed = OutgoingEmail.objects.create(
        kind=OutgoingEmail.INVITATION, to="grace@example.com", subject="s", text="t", failed_at=timezone.now()
    )
    Invitation.objects.create(
        organization=organization, email="grace@example.com", role=Role.MEMBER, invited_by=owner, email_message=failed
    )
    page.set_viewport_size({"width": width, "height": 900})
    log_in(context, owner, live_server.url)

    page.goto(f"/organizations/{organization.pk}/invitations/")
    table = page.get_by_role("region", name="Invitations waiting for an answer")
    expect(table).to_contain_text("Not delivered")
    check_page(page)
    screenshot(page, f"invitation-not-delivered-{width}")
    send_again = page.get_by_role("button", name="Send the invitation to grace@example.com again")
    assert fits_the_width(send_again, width)
    send_again.click()

    expect(page.get_by_text("Invited grace@example.com as member: the email is on its way.")).to_be_visible()
    expect(table).not_to_contain_text("Not delivered")
    check_page(page)
    assert Invitation.objects.filter(email="grace@example.com", revoked_at=None).get().email_message != failed


@pytest.mark.parametrize("width", [1280, 390])
def test_an_owner_sends_an_undelivered_invitation_by_username_again_without_seeing_the_address(
    page, context, live_server, width
):
    owner = UserFactory(username="ada", email="ada@example.com")
    organization = OrganizationFactory(name="Northwind Analytics")
    MembershipFactory(user=owner, organization=organization, role=Role.OWNER)
    grace = verified(UserFactory(username="grace", email="grace.private@example.com"))
    failed = OutgoingEmail.objects.create(
        kind=OutgoingEmail.INVITATION, to=grace.email, subject="s", text="t", failed_at=timezone.now()
    )
    Invitation.objects.create(
        organization=organization,
        email=grace.email,
        role=Role.MEMBER,
        invited_by=owner,
        email_message=failed,
        user=grace,
    )
    page.set_viewport_size({"width": width, "height": 900})
    log_in(context, owner, live_server.url)

    page.goto(f"/organizations/{organization.pk}/invitations/")
    assert grace.email not in page.content()
    check_page(page)
    send_again = page.get_by_role("button", name="Send the invitation to grace again")
    assert fits_the_width(send_again, width)
    send_again.click()

    expect(page.get_by_text("Invited grace as member")).to_be_visible()
    assert grace.email not in page.content()
    check_page(page)
    assert Invitation.objects.filter(user=grace, revoked_at=None).get().email_message != failed
