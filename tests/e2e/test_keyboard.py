"""A questionnaire page with the keyboard only (Tab, Shift+Tab, Space, arrow keys), and the names that
assistive technology reads for its controls, as Chromium computes them."""

from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from assessments.models import Answer, Assessment, Role
from tests.e2e.conftest import check_page, draft_of, log_in
from tests.factories import UserFactory
from tests.worker import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# What a person can reach with Tab; Chromium stops once in a group of radio buttons.
FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), textarea, select, summary"
# Roles a person operates: each needs a name.
ROLES = {
    "button",
    "link",
    "radio",
    "checkbox",
    "textbox",
    "combobox",
    "listbox",
    "searchbox",
    "spinbutton",
    "slider",
    "switch",
    "menuitem",
    "tab",
    "DisclosureTriangle",
    "progressbar",
}


@dataclass(frozen=True)
class OpenArea:
    page: Page
    assessment: Assessment


@pytest.fixture
def area_page(page, context, watch, live_server, mlops_framework) -> OpenArea:
    """A member's draft, open in the browser on the first area of the questionnaire."""
    user = UserFactory(username="grace")
    assessment = draft_of(user, role=Role.MEMBER, organization="Keyboard Ltd", team="Platform")
    area = mlops_framework.areas.order_by("position").first()
    log_in(context, user, live_server.url)
    page.goto(f"/assessments/{assessment.pk}/areas/{area.key}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(area.name)
    check_page(page)
    yield OpenArea(page, assessment)
    watch.assert_clean()
    assert watch.failed_except_favicon() == []


def focused(page) -> dict:
    """The element that has the focus: its mark, tag, type, value, id, form, and whether an outline of
    2 px or more shows where the focus is."""
    return page.evaluate(
        """() => {
            const e = document.activeElement;
            if (!e || e === document.body) return {kb: null};
            const style = getComputedStyle(e);
            return {kb: e.dataset.kb ?? null, tag: e.tagName.toLowerCase(), type: e.type ?? null,
                    value: e.value ?? null, id: e.id, form: e.form ? e.form.action : null,
                    visibleFocus: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2};
        }"""
    )


def test_every_control_is_reached_with_tab_and_shows_its_focus(area_page):
    page = area_page.page
    # Mark every control shown (not in a folded <details>); a radio group is one stop, so its radios share a mark.
    stops = page.evaluate(
        """(selector) => {
            const marks = new Set();
            document.querySelectorAll(selector).forEach((e, i) => {
                if (!e.checkVisibility()) return;
                const mark = e.type === "radio" ? `radio:${e.form.action}:${e.name}` : `control:${i}`;
                e.dataset.kb = mark;
                marks.add(mark);
            });
            return [...marks];
        }""",
        FOCUSABLE,
    )
    assert len(stops) > 20

    reached, no_visible_focus = [], []
    for _ in range(len(stops) + 5):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["kb"] is None:
            continue
        if element["kb"] in reached:
            break  # round the page once
        reached.append(element["kb"])
        if not element["visibleFocus"]:
            no_visible_focus.append(element)

    assert sorted(reached) == sorted(stops)
    assert no_visible_focus == []
    # Shift+Tab goes the same way back, from the first control round to it again.
    backwards = []
    for _ in range(len(stops) + 5):
        page.keyboard.press("Shift+Tab")
        mark = focused(page)["kb"]
        if mark is not None:
            backwards.append(mark)
        if len(backwards) == len(reached):
            break
    assert backwards == reached[::-1]


def test_a_question_is_answered_and_saved_with_the_keyboard_only(area_page):
    page, assessment = area_page.page, area_page.assessment
    question = page.locator("article.question").first
    key = question.get_attribute("id").removeprefix("q-")
    answer_url = f"/assessments/{assessment.pk}/answers/{key}/"

    def is_answer_save(response) -> bool:
        return response.url.endswith(answer_url) and response.request.method == "POST"

    # Tab to the question's answers: nothing is chosen yet, so the focus lands on the first.
    for _ in range(60):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["type"] == "radio" and element["form"].endswith(answer_url):
            break
    else:
        pytest.fail("Tab never reached the answers of the first question")
    assert element["value"] == "0"

    with page.expect_response(is_answer_save) as saved:
        page.keyboard.press("Space")  # Not in place
    assert saved.value.status == 200
    with page.expect_response(is_answer_save) as saved:
        page.keyboard.press("ArrowRight")  # Started
    assert saved.value.status == 200
    expect(question.get_by_label("Started", exact=True)).to_be_checked()
    expect(question.locator(".status-saved")).to_be_visible()

    # The comment is folded: Tab passes the guidance to "Add a comment", which Enter opens. It saves itself
    # after a pause in typing and as the focus leaves it; autosave hides the Save button.
    # Each save is awaited: a newer save of the same question cancels one still on its way.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focused(page)["tag"] == "summary"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == f"comment-{key}"
    with page.expect_response(is_answer_save) as saved:
        page.keyboard.type("Runbook in the team wiki, reviewed monthly.")
    assert saved.value.status == 200
    with page.expect_response(is_answer_save) as saved:
        page.keyboard.press("Tab")
    assert saved.value.status == 200
    expect(question.get_by_role("button", name="Save")).to_be_hidden()

    question.locator("textarea").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert focused(page)["value"] == "1"  # back on the chosen answer

    def stored():
        return Answer.objects.filter(assessment=assessment, question__key=key).values_list("value", "comment")

    assert wait_for(lambda: list(stored()) == [(1, "Runbook in the team wiki, reviewed monthly.")], timeout=10)
    page.reload()
    expect(page.locator(f'[id="q-{key}"]').get_by_label("Started", exact=True)).to_be_checked()
    expect(page.locator(f'[id="q-{key}"] textarea')).to_have_value("Runbook in the team wiki, reviewed monthly.")


def test_every_control_has_a_name(area_page):
    page = area_page.page
    # In the page: each form control is labelled, and each group of radio buttons has a legend.
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll("input:not([type=hidden]), textarea, select")]
            .filter((e) => !(e.labels.length && [...e.labels].some((l) => l.textContent.trim()))
                           && !e.getAttribute("aria-label") && !e.getAttribute("aria-labelledby"))
            .map((e) => e.outerHTML)"""
    )
    assert unlabelled == []
    radios_without_legend = page.evaluate(
        """() => [...document.querySelectorAll("input[type=radio]")]
            .filter((e) => !e.closest("fieldset")?.querySelector("legend")?.textContent.trim())
            .map((e) => e.outerHTML)"""
    )
    assert radios_without_legend == []

    # As Chromium exposes them to assistive technology: every control has a name.
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    controls = [node for node in nodes if not node.get("ignored") and node.get("role", {}).get("value") in ROLES]
    unnamed = [node for node in controls if not str(node.get("name", {}).get("value", "")).strip()]
    assert len(controls) > 50
    assert unnamed == []
    radios = [node for node in controls if node["role"]["value"] == "radio"]
    assert {node["name"]["value"] for node in radios} == {
        "Not in place",
        "Started",
        "Mostly in place",
        "Fully in place",
        "Not applicable",
        "Don't know",
    }
