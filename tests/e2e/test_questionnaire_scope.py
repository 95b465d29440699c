"""The workshop questionnaire from its start (issue 23, items 5, 7 and 9), on the current framework (version 3,
whose scope questions decide whether generative-AI operations and EU AI Act readiness are asked): the scope is
answered on the start form, so the first page already counts only the work in scope; an area not started shows
no level; a comment typed before the answer is kept; the "Optional for now" badges follow each save; and the list
of areas fits its column. At 1280 and 360 px, every page through check_page, with element screenshots of the list
of areas in .ci/artifacts/."""

import pytest
from playwright.sync_api import expect

from assessments.models import Answer, Assessment, Role
from assessments.selectors.answers import assessment_answer_rows, provisional
from assessments.services.answers import AnswerInput, answers_save
from tests.e2e.conftest import ARTIFACTS, DESK, PHONE, check_page, log_in, screenshot
from tests.factories import MembershipFactory, OrganizationFactory, TeamFactory, UserFactory
from tests.worker import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NOTE = "Ask Priya whether the on-call rota covers the model services."


@pytest.fixture
def team(context, live_server, mlops_v3):
    owner = UserFactory(username="ines")
    organization = OrganizationFactory(name="Harbour Logistics")
    MembershipFactory(user=owner, organization=organization, role=Role.OWNER)
    log_in(context, owner, live_server.url)
    return TeamFactory(organization=organization, name="Route planning")


def element_screenshot(locator, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    locator.screenshot(path=str(ARTIFACTS / f"e2e-{name}.png"))


def saved(page, key: str):
    return page.expect_response(lambda r: r.url.endswith(f"/answers/{key}/") and r.request.method == "POST")


def assert_area_list_fits(page) -> None:
    """Nothing in the list of areas reaches past its column (the sidebar's notes once spilled at 1280 px)."""
    overflowing = page.evaluate(
        """() => {
          const nav = document.querySelector('nav.area-nav').getBoundingClientRect();
          return [...document.querySelectorAll('nav.area-nav li *')]
            .filter((e) => e.getBoundingClientRect().right > nav.right + 0.5)
            .map((e) => e.className || e.tagName);
        }"""
    )
    assert overflowing == []


def test_the_scope_answered_at_the_start_shapes_the_questionnaire(page, watch, team):
    # The start form asks the two scope questions; both answered no.
    page.set_viewport_size(PHONE)
    page.goto(f"/teams/{team.pk}/")
    form = page.locator("form", has=page.get_by_role("button", name="Start assessment"))
    expect(form.get_by_role("group", name="Does the team build products on generative models")).to_be_visible()
    check_page(page)
    element_screenshot(form, "scope-start-form-phone")
    page.set_viewport_size(DESK)
    check_page(page)
    element_screenshot(form, "scope-start-form-desk")
    for question in ("generative models", "European Union"):
        form.get_by_role("group", name=question).get_by_label("No").check()
    form.get_by_role("button", name="Start assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("People and process")

    # The first page counts only the work in scope: the level-1 questions of the areas asked.
    draft = Assessment.objects.get(team=team)
    rows = assessment_answer_rows(assessment=draft)
    required = provisional(assessment=draft, rows=rows).required
    assert draft.scope == {"genai": False, "eu_market": False}
    assert not [key for key in required if key.startswith(("genai.", "eu_ai_act."))]
    overall = page.locator("#progress-overall")
    expect(overall).to_contain_text(f"0 of {len(required)} answered")
    out = [row for row in rows if row.question.area.key in ("genai", "eu_ai_act")]
    expect(overall).to_contain_text(f"{len(rows) - len(required) - len(out)} optional for now")
    nav = page.locator("nav.area-nav")
    expect(nav.locator("#nav-area-genai")).to_contain_text("Out of scope")
    expect(nav.locator(".level-badge")).to_have_count(0)  # no area started: no level, no red 0
    expect(page.locator("#area-status")).to_contain_text("No answers yet")
    check_page(page)
    assert_area_list_fits(page)

    # A comment typed before the answer is chosen is kept, and the answer follows.
    cards = page.locator("article.question")
    first = cards.first.get_attribute("id").removeprefix("q-")
    cards.first.get_by_text("Add a comment").click()
    with saved(page, first):
        cards.first.locator("textarea").fill(NOTE)
    expect(cards.first.locator(".save-status")).to_contain_text("Comment saved")
    page.reload()
    expect(cards.first.locator("textarea")).to_have_value(NOTE)
    with saved(page, first):
        cards.first.get_by_label("Not in place", exact=True).check()
    assert wait_for(lambda: Answer.objects.filter(question__key=first, value=0, comment=NOTE).exists(), timeout=10)

    # Level 1 in place: level 2 becomes required, and its badges go with the save, without a reload.
    level_2 = page.locator("section.level-group", has=page.get_by_role("heading", name="Level 2")).locator(
        "article.question"
    )
    expect(level_2.first.locator(".optional-badge")).to_be_visible()
    level_1 = page.locator("section.level-group", has=page.get_by_role("heading", name="Level 1")).locator(
        "article.question"
    )
    for card in level_1.all()[1:]:
        with saved(page, card.get_attribute("id").removeprefix("q-")):
            card.get_by_label("Fully in place", exact=True).check()
    expect(level_2.locator(".optional-badge")).to_have_count(0)
    expect(page.locator("#area-status")).to_contain_text(f"{level_2.count()} required here")
    expect(nav.locator("#nav-area-people .level-badge")).to_be_visible()  # started: its level shows
    expect(nav.locator("#nav-area-data .level-badge")).to_have_count(0)  # not started: neutral
    expect(nav.locator("#nav-area-data")).to_contain_text("0/2")

    # An area whose required questions are all answered says so, and what may wait, within its column.
    cost_1 = [row.question.key for row in rows if row.question.area.key == "cost" and row.question.level == 1]
    answers_save(assessment=draft, user=draft.created_by, items=[AnswerInput(key, 0) for key in cost_1])
    page.reload()
    expect(nav.locator("#nav-area-cost")).to_contain_text("Required answered; 6 optional")
    check_page(page)
    assert_area_list_fits(page)
    element_screenshot(nav, "scope-area-list-desk")
    screenshot(page, "scope-questionnaire-desk")
    page.locator("#area-status").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "e2e-scope-questionnaire-desk-view.png"))  # as the person sees it

    page.set_viewport_size(PHONE)
    page.reload()
    check_page(page)
    page.get_by_text("Areas", exact=True).click()
    expect(nav).to_be_visible()
    check_page(page)
    element_screenshot(nav, "scope-area-list-phone")
    element_screenshot(cards.first, "scope-question-phone")

    page.goto(f"/assessments/{draft.pk}/summary/")
    expect(page.get_by_role("group", name="generative models").get_by_label("No")).to_be_checked()  # still editable
    check_page(page)
    screenshot(page, "scope-summary-phone")
    element_screenshot(
        page.locator("section", has=page.get_by_role("heading", name="Scope")), "scope-summary-scope-phone"
    )
    areas = page.locator("section", has=page.get_by_role("heading", name="Answers per area"))
    expect(areas.get_by_role("row", name="Generative-AI operations")).to_contain_text("Out of scope")
    element_screenshot(areas, "scope-summary-areas-phone")

    watch.assert_clean()
    assert watch.failed_except_favicon() == []
