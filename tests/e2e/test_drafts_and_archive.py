"""An owner meets the team's draft instead of starting a second one, discards it after the confirmation,
then archives the team and restores it, in headless Chromium at desk and phone width; no page is wider
than the window. Screenshots go to .ci/artifacts/ (e2e-drafts-<step>-<width>.png)."""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import Assessment, Team
from assessments.services.assessments import assessment_start
from assessments.services.organizations import organization_create, team_create
from maturity.selectors import framework_for_new_assessment
from tests.e2e.conftest import log_in, screenshot
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
WIDTHS = (1280, 390)


def assert_fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", WIDTHS)
def test_an_owner_discards_the_draft_then_archives_and_restores_the_team(
    page, context, watch, live_server, mlops_framework, width
):
    owner = UserFactory(username=f"owner{width}")
    organization = organization_create(name="Acme", owner=owner)
    team = team_create(organization=organization, name="Fraud detection")
    draft = assessment_start(team=team, user=owner, framework=framework_for_new_assessment())
    log_in(context, owner, live_server.url)
    page.set_viewport_size({"width": width, "height": 900})

    page.goto(f"/teams/{team.pk}/")
    expect(page.get_by_role("heading", name="Self-assessment 1 is in progress")).to_be_visible()
    assert_fits(page)
    screenshot(page, f"drafts-team-{width}")

    page.get_by_role("button", name="Discard it…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Discard self-assessment 1?")
    assert_fits(page)
    screenshot(page, f"drafts-discard-{width}")
    page.get_by_role("button", name="Discard the draft").click()
    expect(page.get_by_role("status")).to_contain_text("Discarded Self-assessment 1 of Fraud detection")
    assert not Assessment.objects.filter(pk=draft.pk).exists()

    page.get_by_role("link", name="Archive Fraud detection…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Archive Fraud detection?")
    assert_fits(page)
    screenshot(page, f"drafts-archive-{width}")
    page.get_by_role("button", name="Archive the team").click()
    page.wait_for_url(re.compile(rf"/organizations/{organization.pk}/$"))
    expect(page.get_by_role("status")).to_contain_text("Archived Fraud detection")
    assert_fits(page)
    screenshot(page, f"drafts-archived-{width}")

    page.get_by_text("Archived teams (1)").click()
    page.get_by_role("link", name="Fraud detection").click()
    page.get_by_role("button", name="Restore").click()
    expect(page.get_by_role("status")).to_contain_text("Restored Fraud detection.")
    assert Team.objects.get(pk=team.pk).archived_at is None
    watch.assert_clean()
