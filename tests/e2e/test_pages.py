"""Every page at phone widths (360 and 390 px) and at a desk, on the demo data: nothing scrolls sideways, no
serious or critical accessibility violation (axe-core), every scrollable table is reachable by keyboard, and
the charts fit a phone as the window resizes. Screenshots: .ci/artifacts/e2e-page-<name>-<width>.png."""

from io import StringIO

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.models import Invitation
from accounts.services import api_token_create
from accounts.tokens import invitation_token
from assessments.models import Assessment, Organization, Role, Team
from assessments.services.assessments import assessment_start
from maturity.selectors import framework_for_new_assessment
from reports.services import report_compute
from tests.e2e.conftest import assert_accessible, check_page, log_in, screenshot
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
WIDTHS = (360, 390, 1280)
# Functions, not expressions: Playwright polls an expression with eval, which our CSP forbids. The history's
# height as drawn and as its element takes it (Plotly's own resizing once dropped it to the stylesheet's, 360 px,
# cutting off the legend).
HISTORY_HEIGHTS = """() => {
    const figure = document.querySelector('[data-figure="figure-history"]');
    const drawn = Number(figure.querySelector("svg.main-svg").getAttribute("height"));
    return [drawn, Math.round(figure.getBoundingClientRect().height), figure.layout.legend.y < 0];
}"""
HISTORY_HEIGHT_IS = f"(height) => JSON.stringify(({HISTORY_HEIGHTS})()) === JSON.stringify([height, height, true])"


@pytest.fixture
def demo(mlops_framework, mlops_v2):
    """The demo year with every report computed, and a draft of the demo team."""
    call_command("seed_demo", stdout=StringIO())
    for assessment_id in Assessment.objects.filter(status=Assessment.Status.SUBMITTED).values_list("id", flat=True):
        report_compute(assessment_id=assessment_id)
    team = Team.objects.get(name="Recommendations")
    owner = get_user_model().objects.get(username="demo")
    draft = assessment_start(framework=framework_for_new_assessment(), team=team, user=owner)
    return Organization.objects.get(name="Demo Analytics"), team, draft


def visit(page, path: str, name: str, width: int) -> None:
    page.goto(path)
    expect(page.locator("h1").first).to_be_visible()
    check_page(page)
    scrollers = page.locator(".overflow-auto")
    for index in range(scrollers.count()):
        scroller = scrollers.nth(index)
        assert (scroller.get_attribute("tabindex"), scroller.get_attribute("role")) == ("0", "region"), path
        assert scroller.get_attribute("aria-label"), path
    screenshot(page, f"page-{name}-{width}")


def signed_out_pages() -> dict[str, str]:
    """The pages of someone signed out, with the links of an invitation and a password reset as mailed."""
    owner = UserFactory(username="ada", email="ada@example.com")
    organization = OrganizationFactory(name="Northwind Analytics")
    MembershipFactory(user=owner, organization=organization, role=Role.OWNER)
    invitation = Invitation.objects.create(
        organization=organization, email="grace@example.com", role=Role.MEMBER, invited_by=owner
    )
    reset_key = f"{user_pk_to_url_str(owner)}-{default_token_generator.make_token(owner)}"
    return {
        "landing": "/",
        "login": "/login/",
        "signup": "/signup/",
        "not-found": "/no/such/",
        "invitation-accept": f"/invitations/{invitation_token(invitation.pk)}/",
        "password-reset": "/account/password/reset/",
        "password-reset-sent": "/account/password/reset/done/",
        "password-reset-new": f"/account/password/reset/key/{reset_key}/",
        "password-reset-done": "/account/password/reset/key/done/",
    }


def test_signed_out_pages_fit_a_phone_and_pass_axe(page, watch, live_server, db):
    pages = signed_out_pages()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for name, path in pages.items():
            visit(page, path, name, width)
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    watch.assert_clean()


def test_every_signed_in_page_fits_a_phone_and_passes_axe(page, context, watch, live_server, demo):
    organization, team, draft = demo
    latest = team.assessments.filter(status=Assessment.Status.SUBMITTED).order_by("-submitted_at").first()
    area = draft.framework.areas.order_by("position").first().key
    owner_pages = {
        "home": "/",
        "organisation": f"/organizations/{organization.pk}/",
        "team": f"/teams/{team.pk}/",
        "questionnaire": f"/assessments/{draft.pk}/areas/{area}/",
        "summary": f"/assessments/{draft.pk}/summary/",
        "report": f"/assessments/{latest.pk}/report/",
        "team-dashboard": f"/teams/{team.pk}/dashboard/",
        "compare": f"/teams/{team.pk}/compare/",
        "organisation-dashboard": f"/organizations/{organization.pk}/dashboard/",
        "model": "/frameworks/mlops/",
        "invitations": f"/organizations/{organization.pk}/invitations/",
        "preferences": "/account/preferences/",
        "api-tokens": "/account/tokens/",
    }
    owner = get_user_model().objects.get(username="demo")
    api_token_create(user=owner)
    Invitation.objects.create(organization=organization, email="grace@example.com", role=Role.MEMBER, invited_by=owner)
    log_in(context, owner, live_server.url)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for name, path in owner_pages.items():
            visit(page, path, name, width)
    log_in(context, get_user_model().objects.get(username="consultant"), live_server.url)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        visit(page, "/portfolio/", "portfolio", width)
    watch.assert_clean()


def test_the_history_takes_its_phone_and_desk_heights_as_the_window_resizes(page, context, live_server, demo):
    """Its legend below the plot at every width, one entry a row on a phone, which needs a taller chart."""
    _, team, _ = demo
    log_in(context, get_user_model().objects.get(username="demo"), live_server.url)
    page.set_viewport_size({"width": 390, "height": 800})
    latest = team.assessments.filter(status=Assessment.Status.SUBMITTED).order_by("-submitted_at").first()
    page.goto(f"/assessments/{latest.pk}/report/")
    expect(page.locator('[data-figure="figure-history"] svg.main-svg').first).to_be_visible()
    layout = page.evaluate("() => JSON.parse(document.getElementById('figure-history').textContent).layout")
    phone, desk = layout["meta"]["narrow"]["height"], layout["height"]

    page.wait_for_function(HISTORY_HEIGHT_IS, arg=phone)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function(HISTORY_HEIGHT_IS, arg=desk)
    page.set_viewport_size({"width": 1000, "height": 800})  # narrower, still a desk: Plotly's own resizing alone
    page.wait_for_timeout(500)  # Plotly resizes after a pause of 100 ms
    page.wait_for_function(HISTORY_HEIGHT_IS, arg=desk)
    page.set_viewport_size({"width": 360, "height": 800})
    page.wait_for_function(HISTORY_HEIGHT_IS, arg=phone)
    assert phone > desk
    check_page(page)


def test_the_accessibility_check_fails_on_a_serious_violation(page):
    page.set_content('<html lang="en"><body><main><h1>Logo</h1><img src="logo.png"></main></body></html>')

    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)


def test_the_menu_offers_the_portfolio_to_a_consultant_only(page, context, live_server, demo):
    log_in(context, get_user_model().objects.get(username="demo"), live_server.url)
    page.goto("/")
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Portfolio")).to_have_count(0)
    log_in(context, get_user_model().objects.get(username="consultant"), live_server.url)
    page.goto("/")
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Portfolio")).to_have_count(1)
