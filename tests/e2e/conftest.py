"""Headless Chromium (Debian's, installed by .ci/run) driven by Playwright against pytest-django's live server.

The live server (pytest-django's, in a thread of the test process, on the test database) serves static
files through django.contrib.staticfiles' handler, from the same folders as `collectstatic` would, so the
pages load our CSS and JavaScript from the server itself. `Watch` records what the pages ask for, which
responses fail, and what they log as errors or throw, for the tests to assert on.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

from assessments.models import Assessment
from assessments.services.assessments import assessment_start
from maturity.selectors import framework_for_new_assessment
from tests.factories import MembershipFactory, OrganizationFactory, TeamFactory
from tests.worker import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / ".ci" / "artifacts"
# axe-core's impacts that fail a test; "moderate" and "minor" are left to judgement.
BLOCKING_IMPACTS = {"serious", "critical"}
AXE = Axe()
# Chromium logs every response of 400 or more as a console error; those are checked as responses instead.
NETWORK_LOG = "Failed to load resource: the server responded with a status of "
DESK = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}  # the narrow phone of the first-use review (issue 23)


@dataclass
class Watch:
    """What the pages of one browser context did: requests, failed responses, console errors, exceptions."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("response", self._response)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def _response(self, response) -> None:
        if response.status >= 400:
            self.failed.append((response.status, urlsplit(response.url).path))

    def _console(self, message) -> None:
        if message.type == "error" and not message.text.startswith(NETWORK_LOG):
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def outside_requests(self) -> list[str]:
        """Requests to anywhere but the live server (data: and blob: URLs stay in the page)."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob") and not url.startswith(self.origin + "/")
        ]

    def failed_except_favicon(self) -> list[tuple[int, str]]:
        """Failed responses, less any look of Chromium's own for /favicon.ico (the pages link theirs)."""
        return [(status, path) for status, path in self.failed if path != "/favicon.ico"]

    def assert_clean(self) -> None:
        assert self.requests, "the browser made no request at all"
        assert self.outside_requests() == []
        assert self.console_errors == []
        assert self.page_errors == []


@pytest.fixture
def browser(monkeypatch):
    """A fresh headless Chromium for one test. Playwright's sync API runs an asyncio loop in this thread,
    which Django's ORM takes for async code: the test's own queries are allowed explicitly (the live
    server answers the browser from its own threads)."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=DESK, locale="en-GB")
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def watch(live_server) -> Watch:
    return Watch(origin=live_server.url)


@pytest.fixture
def page(context, watch):
    page = context.new_page()
    watch.attach(page)
    return page


def log_in(context, user, base_url: str) -> None:
    """The session of a user who has logged in, as a cookie of the browser context."""
    client = Client()
    client.force_login(get_user_model().objects.get(pk=user.pk))
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}])


def draft_of(user, *, role: str, organization: str, team: str) -> Assessment:
    """A draft the user started for a new team of a new organisation, in which the user holds `role`."""
    membership = MembershipFactory(user=user, organization=OrganizationFactory(name=organization), role=role)
    started_for = TeamFactory(organization=membership.organization, name=team)
    return assessment_start(framework=framework_for_new_assessment(), team=started_for, user=user)


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"e2e-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def check_page(page) -> None:
    """What every page must pass, at whatever width the page is: nothing wider than the viewport (no
    sideways scrolling), and no serious or critical accessibility violation found by axe-core. Checked once
    no htmx request is in flight, so that the page is read as it settles, not mid-save."""
    page.wait_for_function("() => !document.querySelector('.htmx-request')", timeout=5_000)
    assert_fits_viewport(page)
    assert_accessible(page)


# The elements that stick out on the right, outside any box that scrolls them: what to fix.
STICKING_OUT = """() => [...document.body.querySelectorAll("*")].filter((element) => {
  if (element.getBoundingClientRect().right <= document.documentElement.clientWidth + 0.5) return false;
  for (let box = element.parentElement; box; box = box.parentElement) {
    if (["auto", "scroll", "hidden"].includes(getComputedStyle(box).overflowX)) return false;
  }
  return true;
}).slice(0, 8).map((element) => element.tagName.toLowerCase() + (element.className ? "." + element.className : ""))"""


def assert_fits_viewport(page) -> None:
    """Once the page has settled: a chart is first drawn at its container's initial size, then fitted."""
    viewport = page.viewport_size["width"]
    try:
        # A function, not an expression: Playwright polls an expression with eval, which our CSP forbids.
        page.wait_for_function(
            "(viewport) => document.documentElement.scrollWidth <= viewport", arg=viewport, timeout=3_000
        )
    except PlaywrightTimeoutError:
        width = page.evaluate("document.documentElement.scrollWidth")
        pytest.fail(f"{page.url} is {width} px wide at {viewport} px: {page.evaluate(STICKING_OUT)}")


def assert_accessible(page) -> None:
    violations = AXE.run(page).response["violations"]
    blocking = [
        f"{violation['id']} ({violation['impact']}): {violation['help']}: "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in violations
        if violation["impact"] in BLOCKING_IMPACTS
    ]
    assert blocking == [], f"{page.url}:\n" + "\n".join(blocking)
