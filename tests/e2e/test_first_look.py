"""First impressions (issue 23, items 16 and 17): signed out, a prospect takes the landing page's tour, reads
the sample report with its charts, the model with what each version changed, and the catalogue of sources;
on a phone the header is one row whose menu button opens every link. At 1280 and 360 px, each page checked
(check_page) and photographed: .ci/artifacts/e2e-first-look-*.png."""

import pytest
from playwright.sync_api import expect

from assessments.models import Role
from tests.e2e.conftest import ARTIFACTS, DESK, PHONE, check_page, log_in, screenshot
from tests.factories import MembershipFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
FIGURES = ("figure-radar", "figure-areas", "figure-history")
# One row of the header: the brand's line and Pico's padding, far from the three rows (330 px) of a phone before.
ONE_ROW = 80


def element_shot(locator, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    locator.screenshot(path=str(ARTIFACTS / f"e2e-{name}.png"))


def test_a_prospect_signed_out_takes_the_tour_reads_the_sample_report_the_model_and_its_sources(
    page, watch, live_server, mlops_v3
):
    for viewport in (DESK, PHONE):
        width = viewport["width"]
        page.set_viewport_size(viewport)
        page.goto("/")
        expect(page.get_by_role("heading", name="A short tour")).to_be_visible()
        expect(page.get_by_role("heading", name="The sample report at a glance")).to_be_visible()
        check_page(page)
        screenshot(page, f"first-look-landing-{width}")

        page.get_by_role("main").get_by_role("button", name="See a sample report").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Sample report: Card fraud scoring")
        expect(page.get_by_role("heading", name="This is a sample")).to_be_visible()
        for figure in FIGURES:
            expect(page.locator(f'[data-figure="{figure}"] svg.main-svg').first).to_be_visible()
        check_page(page)
        screenshot(page, f"first-look-sample-{width}")
        element_shot(page.locator("section[aria-labelledby=charts-heading]"), f"first-look-sample-charts-{width}")

        page.goto("/frameworks/")
        expect(page.get_by_role("heading", level=1)).to_contain_text("MLOps maturity model")
        page.locator("summary", has_text="What changed in version 2").click()
        expect(page.locator("#changes-2 h4", has_text="Added")).to_be_visible()
        check_page(page)
        element_shot(page.locator(".framework-changes"), f"first-look-model-changes-{width}")
        page.evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=str(ARTIFACTS / f"e2e-first-look-model-{width}.png"))  # its top: the page is long

        page.get_by_role("link", name="The catalogue of sources").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("The catalogue of sources")
        page.locator("summary", has_text="Cited by").first.click()
        check_page(page)
        screenshot(page, f"first-look-sources-{width}")
    watch.assert_clean()


# The vertical centres of what the header shows, which one row keeps within a few pixels of each other.
CENTRES = """() => [...document.querySelectorAll("header.site-header :is(a, button, summary)")]
  .filter((element) => element.checkVisibility())
  .map((element) => { const box = element.getBoundingClientRect(); return box.top + box.height / 2; })"""
SIGNED_IN = ["Home", "The model", "Portfolio", "Grace Hopper, preferences"]
SIGNED_OUT = ["The model", "Sample report", "Log in"]


def assert_one_row(page) -> None:
    centres = page.evaluate(CENTRES)
    assert len(centres) >= 2
    assert max(centres) - min(centres) < 8, centres
    assert page.locator("header.site-header").bounding_box()["height"] <= 110


def test_the_header_is_one_row_its_phone_menu_opens_every_link_and_the_desk_row_is_as_before(
    page, context, live_server, mlops_framework
):
    consultant = UserFactory(username="grace", first_name="Grace", last_name="Hopper")
    MembershipFactory(user=consultant, role=Role.ASSESSOR)
    menu = page.get_by_role("navigation", name="Main")
    for who, links, button in (("signed-out", SIGNED_OUT, "Sign up"), ("signed-in", SIGNED_IN, "Log out")):
        if who == "signed-in":
            log_in(context, consultant, live_server.url)
        page.set_viewport_size(DESK)
        page.goto("/")
        assert_one_row(page)
        expect(menu.get_by_text("Menu")).to_be_hidden()
        for name in links:
            expect(menu.get_by_role("link", name=name)).to_be_visible()
        expect(menu.get_by_role("button", name=button)).to_be_visible()
        element_shot(page.locator("header.site-header"), f"first-look-header-{who}-1280")

        page.set_viewport_size(PHONE)
        page.goto("/")
        assert_one_row(page)
        for name in links:
            expect(menu.get_by_role("link", name=name)).to_be_hidden()
        check_page(page)
        element_shot(page.locator("header.site-header"), f"first-look-header-{who}-360")
        # Opened from the keyboard, as a disclosure: its state is announced, its links follow it in the tab order.
        summary = menu.locator("summary", has_text="Menu")
        summary.focus()
        page.keyboard.press("Enter")
        expect(menu.locator("details.dropdown")).to_have_attribute("open", "")
        for name in links:
            expect(menu.get_by_role("link", name=name)).to_be_visible()
        expect(menu.get_by_role("button", name=button)).to_be_visible()
        page.keyboard.press("Tab")
        expect(menu.get_by_role("link", name=links[0])).to_be_focused()
        check_page(page)
        page.screenshot(path=str(ARTIFACTS / f"e2e-first-look-menu-{who}-360.png"))
        menu.get_by_role("link", name="The model").click()
        page.wait_for_url(f"{live_server.url}/frameworks/mlops/")
        expect(menu.get_by_role("link", name="The model")).to_be_hidden()  # a new page, its menu closed
