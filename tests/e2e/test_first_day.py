"""A colleague's first day, in headless Chromium at a desk and on a phone, with mail through a real SMTP server:
an owner invites them by email; they follow the mailed link in a browser of their own, create an account, land
in the organisation, open the team's draft, answer an area with the keyboard, review and submit; and a
forgotten password is reset through its mailed link.

Every page visited passes `check_page` (axe-core, nothing wider than the viewport) and is saved as
.ci/artifacts/e2e-first-day-<step>-<width>.png.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from playwright.sync_api import expect

from assessments.models import Answer, Assessment, Membership, Role
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_start
from maturity.selectors import framework_for_new_assessment
from tests.accounts.conftest import mail_link
from tests.e2e.conftest import check_page, log_in, screenshot
from tests.factories import MembershipFactory, OrganizationFactory, TeamFactory, UserFactory, verified
from tests.worker import running_worker, wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 390)
ORGANISATION = "Northwind Analytics"
TEAM = "Recommendations"
FIRST_AREA = "people"
COLLEAGUE_EMAIL = "grace@example.com"
PASSWORD = "Correct-Horse-Battery-42"
NEW_PASSWORD = "A-Brand-New-Passphrase-7"
# The colleague's keys for the first area, question by question; "n" takes a comment.
KEYS = ("2", "3", "n", "1", "0", "2", "3")
NOT_APPLICABLE_REASON = "We hire no data scientists of our own: the vendor does this."


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts mails per address in the cache, which would carry over from test to test."""
    cache.clear()


@pytest.fixture
def worker_sending_mail(smtp, settings):
    """The worker, which sends every mail of the site, to the test's SMTP server."""
    with running_worker(EMAIL_URL=f"smtp://127.0.0.1:{settings.EMAIL_PORT}") as worker:
        yield worker


@pytest.fixture
def northwind(mlops_framework):
    """An owner, and the team's draft in which the owner has answered every area but the first."""
    owner = UserFactory(username="ada", email="ada@example.com")
    organization = OrganizationFactory(name=ORGANISATION)
    MembershipFactory(user=owner, organization=organization, role=Role.OWNER)
    team = TeamFactory(organization=organization, name=TEAM)
    draft = assessment_start(framework=framework_for_new_assessment(), team=team, user=owner)
    others = mlops_framework.questions.exclude(area__key=FIRST_AREA).values_list("key", flat=True)
    answers_save(assessment=draft, user=owner, items=[AnswerInput(question=key, value=2) for key in others])
    return owner, organization, draft


def visit(page, step: str, width: int) -> None:
    """The page as it is now: checked and saved."""
    expect(page.locator("h1").first).to_be_visible()
    check_page(page)
    screenshot(page, f"first-day-{step}-{width}")


def new_page(browser, live_server, watch, width: int):
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900}, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    watch.attach(page)
    return context, page


@pytest.mark.parametrize("width", WIDTHS)
def test_an_invited_colleague_joins_answers_with_the_keyboard_and_submits(
    browser, page, context, watch, live_server, smtp, worker_sending_mail, northwind, width
):
    owner, organization, draft = northwind
    page.set_viewport_size({"width": width, "height": 900})

    # The owner invites a colleague as a member, from the organisation page.
    log_in(context, owner, live_server.url)
    page.goto(f"/organizations/{organization.pk}/")
    visit(page, "organisation", width)
    page.get_by_role("link", name="Invite colleagues by email").click()
    visit(page, "invitations", width)
    page.get_by_label("Email address").fill(COLLEAGUE_EMAIL)
    page.get_by_label("Role").select_option(label="Member")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text(f"Invited {COLLEAGUE_EMAIL} as member: the email is on its way.")).to_be_visible()
    expect(page.get_by_role("region", name="Invitations waiting for an answer")).to_contain_text(COLLEAGUE_EMAIL)
    visit(page, "invited", width)

    # The colleague, in a browser of their own, follows the mailed link and creates an account.
    assert wait_for(lambda: smtp.to(COLLEAGUE_EMAIL), timeout=60), worker_sending_mail.stdout.read()[-3000:]
    (message,) = smtp.to(COLLEAGUE_EMAIL)
    assert message["Subject"] == "You are invited to join an organisation on MLOps maturity"
    colleague_context, colleague = new_page(browser, live_server, watch, width)
    try:
        colleague.goto(mail_link(message, "/invitations/"))
        expect(colleague.get_by_role("heading", level=1)).to_have_text(f"Join {ORGANISATION}")
        visit(colleague, "join", width)
        colleague.get_by_label("Username").fill("grace")
        colleague.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
        colleague.get_by_label(re.compile(r"^Password confirmation")).fill(PASSWORD)
        colleague.get_by_role("button", name="Create account and join").click()
        expect(colleague.get_by_role("heading", level=1)).to_have_text(ORGANISATION)
        expect(colleague.get_by_text(f"Welcome to {ORGANISATION}: you joined as member.")).to_be_visible()
        visit(colleague, "joined", width)
        grace = get_user_model().objects.get(username="grace")
        assert Membership.objects.get(organization=organization, user=grace).role == Role.MEMBER

        # The team's draft, opened on its first area.
        colleague.get_by_role("link", name=TEAM).click()
        expect(colleague.get_by_role("heading", level=1)).to_have_text(TEAM)
        visit(colleague, "team", width)
        colleague.get_by_role("button", name="Continue the draft").click()
        colleague.wait_for_url(f"**/assessments/{draft.pk}/areas/{FIRST_AREA}/")
        visit(colleague, "questionnaire", width)
        answer_the_area_with_the_keyboard(colleague, draft)
        visit(colleague, "questionnaire-answered", width)

        # Every question is answered: "Next unanswered" leads on to the review.
        next_unanswered = colleague.get_by_role("link", name="Next unanswered")
        next_unanswered.focus()
        colleague.keyboard.press("Enter")
        colleague.wait_for_url(f"**/assessments/{draft.pk}/review/")
        expect(colleague.get_by_role("heading", level=1)).to_have_text("Review and submit")
        expect(colleague.locator(".review-answers blockquote.comment")).to_contain_text(NOT_APPLICABLE_REASON)
        visit(colleague, "review", width)
        colleague.get_by_label("I understand a submitted assessment cannot be changed").check()
        colleague.get_by_role("button", name="Submit assessment").click()
        colleague.wait_for_url(f"**/assessments/{draft.pk}/summary/")
        colleague.get_by_role("link", name="See the report").click()
        colleague.wait_for_url(f"**/assessments/{draft.pk}/report/")
        expect(colleague.locator("#report-status")).to_be_visible()
        visit(colleague, "report", width)
    finally:
        colleague_context.close()

    draft.refresh_from_db()
    assert (draft.status, draft.submitted_by) == (Assessment.Status.SUBMITTED, grace)
    watch.assert_clean()
    # The only refusal: the Not applicable answer, saved before its reason was typed.
    not_applicable_key = draft.framework.questions.filter(area__key=FIRST_AREA).order_by("position")[2].key
    assert watch.failed_except_favicon() == [(422, f"/assessments/{draft.pk}/answers/{not_applicable_key}/")]


def answer_the_area_with_the_keyboard(page, draft) -> None:
    """The first question by focusing its card, each next one through "Next unanswered" (Enter on the link),
    the answers with the keys 0-3 and n, the reason of Not applicable typed into the comment it opens."""
    cards = page.locator("article.question")
    keys = [card.get_attribute("id").removeprefix("q-") for card in cards.all()]
    assert len(keys) == len(KEYS)
    next_unanswered = page.get_by_role("link", name="Next unanswered")

    def saved(key):
        return lambda response: response.url.endswith(f"/answers/{key}/") and response.request.method == "POST"

    cards.first.locator('input[name="value"]').first.focus()
    for index, (key, press) in enumerate(zip(keys, KEYS, strict=True)):
        if index:
            # The save re-renders the bar that holds the link (an out-of-band swap): let it settle first.
            page.wait_for_function(
                "() => !document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping, .htmx-added')"
            )
            next_unanswered.focus()
            page.keyboard.press("Enter")
        card = page.locator(f'[id="q-{key}"]')
        expect(card.locator('input[name="value"]').first).to_be_focused()
        with page.expect_response(saved(key)):
            page.keyboard.press(press)
        if press == "n":
            expect(card.locator(".status-error")).to_contain_text("needs a comment")
            expect(card.locator("textarea")).to_be_focused()
            with page.expect_response(saved(key)):
                page.keyboard.type(NOT_APPLICABLE_REASON)
            with page.expect_response(saved(key)):  # leaving the comment fires its change event: one more save
                card.locator("textarea").blur()
        expect(card.locator(".status-saved")).to_be_visible()
    expect(page.locator("#area-status")).to_contain_text("0 unanswered")

    def stored():
        answers = Answer.objects.filter(assessment=draft, question__area__key=FIRST_AREA)
        return dict(answers.values_list("question__key", "comment"))

    assert wait_for(lambda: len(stored()) == len(keys) and NOT_APPLICABLE_REASON in stored().values(), timeout=10)


@pytest.mark.parametrize("width", WIDTHS)
def test_an_owner_invites_an_account_by_username_and_it_joins_only_by_accepting(
    browser, page, context, watch, live_server, smtp, worker_sending_mail, northwind, width
):
    owner, organization, _ = northwind
    grace = verified(UserFactory(username="grace", email=COLLEAGUE_EMAIL))
    page.set_viewport_size({"width": width, "height": 900})

    log_in(context, owner, live_server.url)
    page.goto(f"/organizations/{organization.pk}/")
    member_form = page.locator(f"form[action='/organizations/{organization.pk}/members/']")
    member_form.get_by_label("Username or email address").fill("grace")
    member_form.get_by_label("Role").select_option(label="Assessor")
    page.get_by_role("button", name="Invite, or change the role").click()
    expect(page.get_by_text("Invited grace as assessor: they join once they accept")).to_be_visible()
    visit(page, "invited-by-username", width)
    expect(page.get_by_role("region", name="Members", exact=True).locator("tbody")).not_to_contain_text("grace")

    assert wait_for(lambda: smtp.to(COLLEAGUE_EMAIL), timeout=60), worker_sending_mail.stdout.read()[-3000:]
    (message,) = smtp.to(COLLEAGUE_EMAIL)
    grace_context, colleague = new_page(browser, live_server, watch, width)
    try:
        log_in(grace_context, grace, live_server.url)
        colleague.goto(mail_link(message, "/invitations/"))
        visit(colleague, "join-signed-in", width)
        colleague.get_by_role("button", name=f"Join {ORGANISATION}").click()
        expect(colleague.get_by_text(f"Welcome to {ORGANISATION}: you joined as assessor.")).to_be_visible()
    finally:
        grace_context.close()
    assert Membership.objects.get(organization=organization, user=grace).role == Role.ASSESSOR


@pytest.mark.parametrize("width", WIDTHS)
def test_a_forgotten_password_is_reset_through_the_mailed_link(
    page, watch, live_server, smtp, worker_sending_mail, db, width
):
    UserFactory(username="ada", email="ada@example.com")
    page.set_viewport_size({"width": width, "height": 900})

    page.goto("/login/")
    visit(page, "login", width)
    page.get_by_role("link", name="Forgotten your password?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password")
    visit(page, "reset", width)
    page.get_by_label("Email").fill("ada@example.com")
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    visit(page, "reset-sent", width)

    assert wait_for(lambda: smtp.to("ada@example.com"), timeout=60), worker_sending_mail.stdout.read()[-3000:]
    (message,) = smtp.to("ada@example.com")
    page.goto(mail_link(message, "/account/password/reset/key/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    visit(page, "new-password", width)
    page.get_by_label(re.compile(r"^New password:?$")).fill(NEW_PASSWORD)
    page.get_by_label(re.compile(r"^New password \(again\):?$")).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save the new password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your password is changed")
    visit(page, "password-changed", width)

    page.get_by_role("main").get_by_role("button", name="Log in").click()
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/")
    # Signed in: on a phone the button waits behind the menu (hidden), at a desk it stands in the header's row.
    expect(page.get_by_role("button", name="Log out", include_hidden=True).first).to_be_attached()
    visit(page, "home", width)
    watch.assert_clean()
    assert watch.failed_except_favicon() == []
