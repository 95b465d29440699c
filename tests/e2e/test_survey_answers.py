"""A respondent's own answers in a browser, at desk and phone width: each answer autosaves as in the workshop
and is still there after moving to another area and back; what adaptive depth requires is marked, and follows
the answers; a save that fails says so beside its question and keeps the answer; and a submission with
required questions blank is confirmed on a page that names how many."""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import Respondent, RespondentAnswer, Role
from assessments.services.surveys import respondent_add
from maturity.selectors import framework_content
from tests.e2e.conftest import ARTIFACTS, DESK, PHONE, check_page, log_in, screenshot
from tests.factories import AssessmentFactory, MembershipFactory, OrganizationFactory, TeamFactory, UserFactory
from tests.worker import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def saved(card) -> None:
    expect(card.locator(".status-saved")).to_be_visible()


@pytest.mark.parametrize("viewport", [DESK, PHONE], ids=["1280", "360"])
def test_a_respondent_answers_over_several_areas_and_confirms_the_blanks(
    browser, live_server, mlops_framework, viewport
):
    organization = OrganizationFactory(name="Client Ltd")
    consultant = UserFactory(username="consultant")
    MembershipFactory(user=consultant, organization=organization, role=Role.ASSESSOR)
    ada = UserFactory(username="ada")
    MembershipFactory(user=ada, organization=organization, role=Role.MEMBER)
    team = TeamFactory(organization=organization, name="Fraud")
    survey = AssessmentFactory(team=team, framework=mlops_framework, created_by=consultant, mode="survey")
    respondent = respondent_add(assessment=survey, added_by=consultant, username="ada")
    content = framework_content(framework=mlops_framework)
    first_area, second_area = content.areas[:2]
    people = [q for q in content.questions if q.area == first_area]
    level_1, level_2 = [q for q in people if q.level == 1], [q for q in people if q.level == 2]
    width = viewport["width"]

    context = browser.new_context(base_url=live_server.url, viewport=viewport, locale="en-GB")
    context.set_default_timeout(15_000)
    log_in(context, ada, live_server.url)
    page = context.new_page()
    page.goto(f"/assessments/{survey.pk}/")  # a respondent lands on their own answers, first area
    expect(page.get_by_role("heading", name=f"Your answers: {first_area.name}")).to_be_visible()
    bar = page.locator("#area-status")
    expect(bar).to_contain_text(f"{len(people)} unanswered, {len(level_1)} required here")
    card = {q.key: page.locator(f'article[data-question="{q.key}"]') for q in content.questions}
    for question in level_2:  # at level 0 so far: level 2 cannot change the result yet
        expect(card[question.key].get_by_text("Optional for now")).to_be_visible()
    expect(card[level_1[0].key].get_by_text("Optional for now")).to_have_count(0)
    expect(card[level_1[0].key].get_by_role("button", name="Save")).to_be_hidden()  # autosave does it
    page.screenshot(path=str(ARTIFACTS / f"e2e-survey-answers-first-view-{width}.png"))  # what shows first

    # Level 1 in place: the area rises to level 1, and its level-2 questions become required at once.
    for question in level_1:
        card[question.key].get_by_label("Fully in place", exact=True).check()
        saved(card[question.key])
    expect(bar).to_contain_text("Provisional level 1")
    expect(bar).to_contain_text(f"{len(level_2)} required here")
    for question in level_2:
        expect(card[question.key].get_by_text("Optional for now")).to_have_count(0)
    card[level_1[0].key].get_by_text("Add a comment").click()
    card[level_1[0].key].get_by_label("Comment").fill("Everything in GitLab since 2023")
    saved(card[level_1[0].key])

    # Not applicable without a reason is refused beside the question, and what was chosen stays.
    refused = card[level_2[0].key]
    refused.get_by_label("Not applicable", exact=True).check()
    expect(refused.locator(".status-error")).to_contain_text("needs a comment")
    expect(refused.get_by_label("Not applicable", exact=True)).to_be_checked()
    check_page(page)
    refused.screenshot(path=str(ARTIFACTS / f"e2e-survey-answers-refused-{width}.png"))
    refused.get_by_label("Comment").fill("No models in production yet")
    saved(refused)
    screenshot(page, f"survey-answers-area-{width}")

    # A save that never reaches the server says so, keeps the answer, and offers Save to try again.
    lost = card[level_2[1].key]
    page.route("**/my-answers/answers/**", lambda route: route.abort())
    lost.get_by_label("Started", exact=True).check()
    expect(lost.locator(".status-error")).to_contain_text("Not saved: no connection")
    expect(lost.get_by_label("Started", exact=True)).to_be_checked()
    lost.screenshot(path=str(ARTIFACTS / f"e2e-survey-answers-not-saved-{width}.png"))
    page.unroute("**/my-answers/answers/**")
    lost.get_by_role("button", name="Save").click()
    saved(lost)
    expect(lost.get_by_role("button", name="Save")).to_be_hidden()

    # The next area, then back: every answer and comment is still there, saved.
    page.get_by_role("link", name=f"{second_area.name} →").click()
    expect(page.get_by_role("heading", name=f"Your answers: {second_area.name}")).to_be_visible()
    other = next(q for q in content.questions if q.area == second_area)
    card[other.key].get_by_label("Mostly in place", exact=True).check()
    saved(card[other.key])
    check_page(page)
    page.go_back()
    page.reload()
    expect(card[level_1[0].key].get_by_label("Fully in place", exact=True)).to_be_checked()
    expect(card[level_1[0].key].get_by_label("Comment")).to_have_value("Everything in GitLab since 2023")
    expect(card[level_1[0].key].locator(".save-status")).to_contain_text("Saved")
    expect(card[level_2[1].key].get_by_label("Started", exact=True)).to_be_checked()
    stored = dict(RespondentAnswer.objects.filter(respondent=respondent).values_list("question__key", "value"))
    assert stored == {**{q.key: 3 for q in level_1}, level_2[0].key: None, level_2[1].key: 1, other.key: 2}

    # Submitting with required questions blank: the box beside the button names how many. Ticked, it stays
    # ticked while a save leaves that count; an answer that changes it asks again, with the new count.
    box = page.locator("#my-submit")
    blank = int(re.search(r"(\d+) required questions are still blank", box.inner_text()).group(1))
    box.get_by_label(f"Submit with {blank} required questions blank").check()
    card[level_1[1].key].get_by_text("Add a comment").click()
    card[level_1[1].key].get_by_label("Comment").fill("Checklist in the wiki")
    expect(card[level_1[1].key].locator(".status-saved")).to_contain_text("Saved")
    page.wait_for_function("() => !document.querySelector('.htmx-request')")
    expect(box.get_by_label(f"Submit with {blank} required questions blank")).to_be_checked()
    required_here = page.locator("#area-status").get_attribute("data-required").split()[0]
    card[required_here].get_by_label("Not in place", exact=True).check()
    blank -= 1
    expect(box.get_by_label(f"Submit with {blank} required questions blank")).not_to_be_checked()
    box.screenshot(path=str(ARTIFACTS / f"e2e-survey-answers-submit-box-{width}.png"))
    box.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_role("heading", name=f"Submit with {blank} required questions blank?")).to_be_visible()
    expect(page.locator(".banner-error")).to_contain_text(f"Tick the box to submit with {blank} required questions")
    expect(page.get_by_role("link", name=second_area.name, exact=True)).to_be_visible()  # where the blanks are
    check_page(page)
    screenshot(page, f"survey-answers-confirm-{width}")
    assert Respondent.objects.get(pk=respondent.pk).submitted_at is None
    page.get_by_label(f"Submit with {blank} required questions blank").check()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_role("heading", name="Consensus")).to_be_visible()
    assert wait_for(lambda: Respondent.objects.get(pk=respondent.pk).submitted_at is not None, timeout=5)
    context.close()
