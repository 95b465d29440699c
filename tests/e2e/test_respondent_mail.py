"""Survey respondents are told they must answer, and the facilitator manages who answers, in headless Chromium
with a real worker and a real SMTP server: a facilitator picks a member and types a new address with a deadline;
each gets their mail; the member follows it through the login to their answers and finds the survey on their home
with its deadline; the new address joins through its mail and lands on its answers. And the facilitator's picker,
"add the whole team" and the confirmation before removing someone, at a desk and on a phone.

Every page visited passes `check_page` (axe-core, nothing wider than the viewport) and is saved as
.ci/artifacts/e2e-respondents-<step>-<width>.png."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import dateformat, timezone
from playwright.sync_api import expect

from assessments.models import Assessment, Respondent, Role
from tests.accounts.conftest import mail_link
from tests.e2e.conftest import ARTIFACTS, DESK, PHONE, check_page, log_in, screenshot
from tests.factories import (
    PASSWORD,
    AssessmentFactory,
    MembershipFactory,
    OrganizationFactory,
    TeamFactory,
    UserFactory,
    verified,
)
from tests.worker import running_worker, wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ORGANISATION = "Northwind Analytics"
NEW_ADDRESS = "grace@example.com"
NEW_PASSWORD = "Correct-Horse-Battery-42"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts mails per address in the cache, which would carry over from test to test."""
    cache.clear()


def survey_of(framework, facilitator, role: str, *members: tuple[str, str, str]) -> Assessment:
    """A survey-mode draft of a new organisation, where the facilitator holds `role`, with members
    (username, full name, role) whose addresses are verified."""
    organization = OrganizationFactory(name=ORGANISATION)
    MembershipFactory(user=facilitator, organization=organization, role=role)
    for username, name, member_role in members:
        first, _, last = name.partition(" ")
        user = verified(
            UserFactory(username=username, email=f"{username}@example.com", first_name=first, last_name=last)
        )
        MembershipFactory(user=user, organization=organization, role=member_role)
    team = TeamFactory(organization=organization, name="Fraud scoring")
    return AssessmentFactory(team=team, framework=framework, created_by=facilitator, mode=Assessment.Mode.SURVEY)


def visit(page, step: str, width: int) -> None:
    expect(page.locator("h1").first).to_be_visible()
    check_page(page)
    screenshot(page, f"respondents-{step}-{width}")


def detail(locator, name: str) -> None:
    """An element's own screenshot: a full page of a tall page is hard to read."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    locator.screenshot(path=str(ARTIFACTS / f"e2e-respondents-{name}.png"))


def top(page, name: str) -> None:
    """What shows first, without scrolling: the answers pages are long."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"e2e-respondents-{name}.png"))


def new_page(browser, live_server, watch, viewport: dict):
    context = browser.new_context(base_url=live_server.url, viewport=viewport, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    watch.attach(page)
    return context, page


def test_each_respondent_follows_their_mail_to_their_answers(
    browser, page, context, watch, live_server, smtp, settings, mlops_framework
):
    consultant = UserFactory(username="consultant", first_name="Carla", last_name="Consultant")
    survey = survey_of(mlops_framework, consultant, Role.ASSESSOR, ("ada", "Ada Lovelace", Role.MEMBER))
    deadline = timezone.localdate() + timedelta(days=5)
    said = dateformat.format(deadline, "l j F Y")

    # The facilitator, at a desk, picks Ada, types a new address and sets the deadline.
    log_in(context, consultant, live_server.url)
    page.goto(f"/assessments/{survey.pk}/respondents/")
    page.get_by_role("checkbox", name=re.compile("^Ada Lovelace")).check()
    page.get_by_label("Someone else: a username or an email address").fill(NEW_ADDRESS)
    page.get_by_label("Answer by (optional)").fill(deadline.isoformat())
    page.get_by_role("button", name="Add respondents", exact=True).click()
    expect(page.get_by_text("Added 2 respondents: Ada Lovelace and grace@example.com.")).to_be_visible()
    expect(page.get_by_text(f"Answers are asked by {said}.")).to_be_visible()
    visit(page, "added", 1280)

    with running_worker(EMAIL_URL=f"smtp://127.0.0.1:{settings.EMAIL_PORT}") as worker:
        mailed = wait_for(lambda: smtp.to("ada@example.com") and smtp.to(NEW_ADDRESS), timeout=90)
        assert mailed, worker.stdout.read()[-3000:]
    (asked,) = smtp.to("ada@example.com")
    (invited,) = smtp.to(NEW_ADDRESS)

    # Ada, on a phone, follows her mail: the login, then her answers, which say the deadline.
    ada_context, ada = new_page(browser, live_server, watch, PHONE)
    try:
        ada.goto(mail_link(asked, f"/assessments/{survey.pk}/my-answers/"))
        expect(ada.get_by_role("heading", level=1)).to_have_text("Log in")
        ada.get_by_label("Username").fill("ada")
        ada.get_by_label("Password").fill(PASSWORD)
        ada.get_by_role("button", name="Log in").click()
        expect(ada.get_by_role("heading", level=1)).to_have_text(re.compile("^Your answers"))
        expect(ada.get_by_text(f"Answers are asked by {said}.")).to_be_visible()
        visit(ada, "member-answers", 360)
        top(ada, "member-answers-top-360")
        # Her home says what waits for her answers, and by when.
        ada.goto("/")
        shelf = ada.get_by_role("region", name="Surveys waiting for your answers")
        expect(shelf).to_contain_text(f"by {dateformat.format(deadline, 'D j M')} (in 5 days)")
        expect(shelf).to_contain_text("asked by Carla Consultant")
        visit(ada, "member-home", 360)
        detail(shelf, "member-home-shelf-360")
        shelf.get_by_role("link", name="Self-assessment 1 of Fraud scoring").click()
        expect(ada.get_by_role("heading", level=1)).to_have_text(re.compile("^Your answers"))
    finally:
        ada_context.close()

    # Grace, at a desk, joins through her invitation, which asks for the survey, and lands on her answers.
    grace_context, grace = new_page(browser, live_server, watch, DESK)
    try:
        grace.goto(mail_link(invited, "/invitations/"))
        expect(grace.get_by_role("heading", level=1)).to_have_text(f"Join {ORGANISATION}")
        grace.get_by_label("Username").fill("grace")
        grace.get_by_label(re.compile(r"^Password:?$")).fill(NEW_PASSWORD)
        grace.get_by_label(re.compile(r"^Password confirmation")).fill(NEW_PASSWORD)
        grace.get_by_role("button", name="Create account and join").click()
        expect(grace.get_by_text("Here are your answers to Self-assessment 1 of Fraud scoring.")).to_be_visible()
        expect(grace.get_by_text(f"Answers are asked by {said}.")).to_be_visible()
        visit(grace, "new-address-answers", 1280)
        top(grace, "new-address-answers-top-1280")
        grace.goto("/")
        expect(grace.get_by_role("region", name="Surveys waiting for your answers")).to_contain_text(
            "Self-assessment 1 of Fraud scoring"
        )
        visit(grace, "new-address-home", 1280)
    finally:
        grace_context.close()
    assert Respondent.objects.filter(assessment=survey, user__username="grace").exists()
    watch.assert_clean()
    assert watch.failed_except_favicon() == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_facilitator_picks_adds_the_whole_team_and_confirms_a_removal(
    page, context, watch, live_server, mlops_framework, width
):
    owner = UserFactory(username="olivia", first_name="Olivia", last_name="Owner")
    survey = survey_of(
        mlops_framework,
        owner,
        Role.OWNER,
        ("ada", "Ada Lovelace", Role.MEMBER),
        ("bob", "Bob Babbage", Role.MEMBER),
        ("cy", "Cy Hopper", Role.VIEWER),
        ("carla", "Carla Consultant", Role.ASSESSOR),
    )
    page.set_viewport_size({"width": width, "height": 900})
    log_in(context, owner, live_server.url)
    page.goto(f"/assessments/{survey.pk}/respondents/")
    picker = page.get_by_role("group", name=f"Members of {ORGANISATION}")
    expect(picker.get_by_role("checkbox")).to_have_count(5)
    visit(page, "picker", width)
    detail(page.locator("article.respondents-add"), f"picker-form-{width}")

    # One member picked, then the rest of the team: never the assessor, nor the owner who adds them.
    picker.get_by_role("checkbox", name=re.compile("^Ada Lovelace")).check()
    page.get_by_role("button", name="Add respondents", exact=True).click()
    expect(page.get_by_text("Added Ada Lovelace as a respondent.")).to_be_visible()
    expect(page.get_by_text("The whole team: Bob Babbage, Cy Hopper.")).to_be_visible()
    page.get_by_role("button", name="Add the whole team (2)").click()
    expect(page.get_by_text("Added 2 respondents: Bob Babbage and Cy Hopper.")).to_be_visible()
    table = page.locator("ul.respondents")
    expect(table).to_contain_text("Cy Hopper")
    expect(table).not_to_contain_text("Carla Consultant")
    visit(page, "team-added", width)
    detail(page.get_by_role("region", name=re.compile("^Who answers")), f"who-answers-{width}")

    # Removing asks first; keeping them changes nothing. The button shows beside the name, even on a phone.
    remove = page.get_by_role("button", name="Remove Bob Babbage")
    box = remove.bounding_box()
    assert box is not None
    assert 0 <= box["x"] <= width - box["width"]
    remove.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remove Bob Babbage from the survey?")
    visit(page, "remove-confirmation", width)
    page.get_by_role("button", name="Keep them").click()
    expect(table).to_contain_text("Bob Babbage")
    page.get_by_role("button", name="Remove Bob Babbage").click()
    page.get_by_role("button", name="Remove Bob Babbage").click()
    expect(page.get_by_text("Removed Bob Babbage from the survey.")).to_be_visible()
    expect(table).not_to_contain_text("Bob Babbage")

    # The facilitator who answers too is led to their own answers first.
    page.get_by_role("checkbox", name=re.compile(r"^Olivia Owner \(you\)")).check()
    page.get_by_role("button", name="Add respondents", exact=True).click()
    expect(page.get_by_text("You are a respondent too: give your own answers first")).to_be_visible()
    expect(page.get_by_role("button", name="Consensus view")).to_have_count(0)
    visit(page, "facilitator-answers-too", width)
    page.get_by_role("button", name="Give your own answers first").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Your answers"))
    page.goto(f"/assessments/{survey.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Your answers"))
    assert sorted(Respondent.objects.filter(assessment=survey).values_list("user__username", flat=True)) == [
        "ada",
        "cy",
        "olivia",
    ]
    watch.assert_clean()
    assert watch.failed_except_favicon() == []
