"""The questionnaire as a person answering it sees it: compact question cards, answers with the keys 0-3, n and d,
autosave, the jumps to the next unanswered question, the provisional level in view, at desk and phone width."""

import pytest
from playwright.sync_api import expect

from assessments.models import Answer, Role
from tests.e2e.conftest import DESK, PHONE, draft_of, log_in, screenshot
from tests.factories import UserFactory
from tests.worker import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def draft(context, live_server, mlops_framework):
    user = UserFactory(username="katherine")
    log_in(context, user, live_server.url)
    return draft_of(user, role=Role.MEMBER, organization="Compact Ltd", team="Pricing")


def stored(assessment, key: str):
    answers = Answer.objects.filter(assessment=assessment, question__key=key)
    return answers.values_list("value", "not_applicable", "comment").first()


def wait_for_focus_on(page, question_id: str) -> None:
    """A jump moves the focus from its script once the click has scrolled: wait for it rather than read it at
    once (a function, not an expression: Playwright polls an expression with eval, which our CSP forbids)."""
    page.wait_for_function(
        "(id) => document.activeElement.closest('article.question')?.id === id", arg=question_id, timeout=5_000
    )


def page_width(page) -> tuple[int, int]:
    return page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")


def test_questions_are_answered_with_the_keyboard_and_saved(page, watch, draft):
    page.goto(f"/assessments/{draft.pk}/areas/data/")
    cards = page.locator("article.question")
    keys = [card.get_attribute("id").removeprefix("q-") for card in cards.all()]
    expect(page.locator(".keyboard-hint")).to_be_visible()
    expect(cards.first.get_by_role("button", name="Save")).to_be_hidden()  # autosave does it
    expect(cards.first.locator("textarea")).to_be_hidden()  # the comment is folded

    def saved(key):
        return lambda response: response.url.endswith(f"/answers/{key}/") and response.request.method == "POST"

    # 2 on the first question: Mostly in place.
    cards.nth(0).locator('input[value="0"]').focus()
    with page.expect_response(saved(keys[0])):
        page.keyboard.press("2")
    expect(cards.nth(0).get_by_label("Mostly in place", exact=True)).to_be_checked()
    expect(cards.nth(0).locator(".status-saved")).to_be_visible()

    # n on the second: Not applicable, and the comment opens with the focus in it; typing there is text.
    cards.nth(1).locator('input[value="0"]').focus()
    with page.expect_response(saved(keys[1])):
        page.keyboard.press("n")
    expect(cards.nth(1).locator(".status-error")).to_contain_text("needs a comment")
    comment = cards.nth(1).locator("textarea")
    expect(comment).to_be_focused()
    with page.expect_response(saved(keys[1])):
        page.keyboard.type("Batch only: 3 nightly jobs, no live traffic.")
    expect(cards.nth(1).locator(".status-saved")).to_be_visible()
    expect(cards.nth(1).get_by_label("Not applicable", exact=True)).to_be_checked()

    assert wait_for(lambda: stored(draft, keys[0]) == (2, False, ""), timeout=10)
    assert wait_for(
        lambda: stored(draft, keys[1]) == (None, True, "Batch only: 3 nightly jobs, no live traffic."), timeout=10
    )

    # Next unanswered: from the question last in focus to the third, where 3 answers it. Typing saves the
    # comment more than once: the last save's swap lands first, as it would before a person moves on.
    page.wait_for_load_state("networkidle")
    page.get_by_role("link", name="Next unanswered").click()
    wait_for_focus_on(page, f"q-{keys[2]}")
    with page.expect_response(saved(keys[2])):
        page.keyboard.press("3")
    assert wait_for(lambda: stored(draft, keys[2]) == (3, False, ""), timeout=10)

    # The bar with the provisional level was sent again with the save and still jumps onwards.
    expect(page.locator("#area-status")).to_contain_text(f"{len(keys) - 3} unanswered")
    expect(page.locator("#area-status")).to_contain_text("Provisional level")
    page.get_by_role("link", name="Next unanswered").click()
    wait_for_focus_on(page, f"q-{keys[3]}")

    # d on the fourth: Don't know, which needs no comment.
    with page.expect_response(saved(keys[3])):
        page.keyboard.press("d")
    expect(cards.nth(3).get_by_label("Don't know", exact=True)).to_be_checked()
    expect(cards.nth(3).locator('input[value="unknown"]')).to_have_attribute("aria-keyshortcuts", "d")
    assert wait_for(lambda: Answer.objects.filter(question__key=keys[3], unknown=True).exists(), timeout=10)

    watch.assert_clean()
    assert watch.failed_except_favicon() == [(422, f"/assessments/{draft.pk}/answers/{keys[1]}/")]  # no comment yet


def test_a_question_card_is_compact_and_the_page_fits_a_phone(page, context, watch, draft):
    page.goto(f"/assessments/{draft.pk}/areas/data/")
    screenshot(page, "questionnaire-desk")
    heights = [card.bounding_box()["height"] for card in page.locator("article.question").all()]
    options = page.locator("article.question").first.locator(".answer-options label").all()
    assert max(heights) < 200, heights
    assert len({round(option.bounding_box()["y"]) for option in options}) == 1  # the answers on one line
    expect(page.locator(".area-nav")).to_be_visible()

    # The sticky bar keeps the provisional level in view as the page scrolls.
    page.locator("article.question").last.scroll_into_view_if_needed()
    expect(page.locator("#area-status .area-level")).to_be_in_viewport()

    page.set_viewport_size(PHONE)
    page.reload()
    page.evaluate("window.scrollTo(0, 0)")
    expect(page.locator(".area-nav")).to_be_hidden()  # folded away under "Areas"
    width, viewport = page_width(page)
    assert width <= viewport
    screenshot(page, "questionnaire-phone")
    page.get_by_text("Areas", exact=True).click()
    expect(page.locator(".area-nav")).to_be_visible()
    assert page_width(page)[0] <= viewport

    page.goto(f"/assessments/{draft.pk}/review/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Review and submit")
    assert page_width(page)[0] <= viewport
    screenshot(page, "review-phone")
    page.set_viewport_size(DESK)
    screenshot(page, "review-desk")

    watch.assert_clean()
    assert watch.failed_except_favicon() == []
