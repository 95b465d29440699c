"""The audit trail as an owner reads it: answers changed on the questionnaire show on the assessment's
activity page, with who and before -> after, filterable by who; the organisation's log links to it; at desk
and phone width, every page checked (axe-core, nothing wider than the viewport). A viewer reads a closed
survey's activity without the address its respondent was invited at. Screenshots go to
.ci/artifacts/ (e2e-activity-<step>.png)."""

import pytest
from auditlog.context import set_actor
from django.utils import timezone
from playwright.sync_api import expect

from assessments.models import Assessment, Role
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_start, assessment_submit
from assessments.services.organizations import membership_set, organization_create, team_create
from assessments.services.surveys import respondent_add
from maturity.selectors import framework_for_new_assessment
from tests.conftest import complete_answers
from tests.e2e.conftest import ARTIFACTS, DESK, PHONE, check_page, log_in, screenshot
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_owner_changes_answers_and_reads_who_changed_what(page, context, watch, live_server, mlops_framework):
    owner, member = UserFactory(username="olga"), UserFactory(username="max")
    organization = organization_create(name="Acme", owner=owner)
    membership_set(organization=organization, user=member, role=Role.MEMBER)
    team = team_create(organization=organization, name="Fraud detection")
    draft = assessment_start(team=team, user=owner, framework=framework_for_new_assessment())
    questions = list(draft.framework.questions.filter(area__key="data").order_by("position"))
    keys = [question.key for question in questions]
    answers_save(assessment=draft, user=member, items=[AnswerInput(keys[0], 1), AnswerInput(keys[1], 2)])
    log_in(context, owner, live_server.url)

    page.goto(f"/assessments/{draft.pk}/areas/data/")
    card = page.locator(f'[id="q-{keys[0]}"]')
    with page.expect_response(lambda response: response.url.endswith(f"/answers/{keys[0]}/")):
        card.get_by_label("Fully in place", exact=True).check()
    expect(card.locator(".status-saved")).to_be_visible()

    page.goto(f"/assessments/{draft.pk}/summary/")
    page.get_by_role("link", name="Activity: who changed what").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Activity of self-assessment 1")
    lines = page.locator(".activity-line")
    expect(lines.first).to_have_text(f"olga changed “{questions[0].statement}”: started -> fully in place")
    expect(lines.filter(has_text=f"max answered “{questions[1].statement}”: mostly in place")).to_have_count(1)
    page.locator(".activity-entry").first.get_by_text("Before and after").click()
    expect(page.locator(".activity-changes").first).to_contain_text("answerstartedfully in place")
    check_page(page)
    screenshot(page, "activity-assessment")

    page.get_by_label("Who").select_option("max")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("heading", name="2 changes matching the filter")).to_be_visible()
    expect(lines.filter(has_text="olga")).to_have_count(0)
    page.set_viewport_size(PHONE)
    check_page(page)
    screenshot(page, "activity-filtered-phone")

    page.goto(f"/organizations/{organization.pk}/")
    page.get_by_role("link", name="Activity log").click()
    expect(lines.filter(has_text="max joined as a member")).to_have_count(1)
    expect(page.get_by_role("link", name="Self-assessment 1 of Fraud detection").first).to_be_visible()
    check_page(page)
    screenshot(page, "activity-organization-phone")
    watch.assert_clean()


def test_a_viewer_reads_a_closed_surveys_activity_without_invited_addresses(
    page, context, watch, live_server, mlops_framework, smtp
):
    owner, viewer = UserFactory(username="olga"), UserFactory(username="vera")
    organization = organization_create(name="Acme", owner=owner)
    membership_set(organization=organization, user=viewer, role=Role.VIEWER)
    team = team_create(organization=organization, name="Fraud detection")
    survey = assessment_start(team=team, user=owner, framework=framework_for_new_assessment())
    Assessment.objects.filter(pk=survey.pk).update(mode=Assessment.Mode.SURVEY)
    survey.refresh_from_db()
    with set_actor(owner):
        respondent_add(assessment=survey, added_by=owner, email="grace@example.com")
    Assessment.objects.filter(pk=survey.pk).update(
        status=Assessment.Status.SUBMITTED, submitted_by=owner, submitted_at=timezone.now()
    )
    log_in(context, viewer, live_server.url)

    page.goto(f"/assessments/{survey.pk}/activity/")
    expect(page.locator(".activity-line").first).to_have_text(
        "olga asked someone invited by email to answer the survey"
    )
    page.locator(".activity-entry").first.get_by_text("Before and after").click()
    expect(page.locator(".activity-changes").first).to_contain_text("someone invited by email")
    expect(page.locator("body")).not_to_contain_text("grace@example.com")
    check_page(page)
    screenshot(page, "activity-survey-viewer")
    watch.assert_clean()


def test_a_draft_started_from_the_last_assessment_reads_as_carried_over_in_words(
    page, context, watch, live_server, mlops_framework
):
    owner = UserFactory(username="olga")
    organization = organization_create(name="Acme", owner=owner)
    team = team_create(organization=organization, name="Fraud scoring")
    framework = framework_for_new_assessment()
    first = assessment_start(team=team, user=owner, framework=framework)
    with set_actor(owner):
        answers_save(assessment=first, user=owner, items=complete_answers(framework, value=2))
        assessment_submit(assessment=first, user=owner)
        draft = assessment_start(team=team, user=owner, framework=framework, carry_forward=True)
    statement = framework.questions.order_by("position").last().statement  # carried last: the newest entry
    log_in(context, owner, live_server.url)

    page.goto(f"/assessments/{draft.pk}/activity/?kind=answer")
    carried = page.locator(".activity-entry").filter(has_text=statement)
    expect(carried.locator(".activity-line")).to_have_text(
        f"olga carried over the answer to “{statement}” from Self-assessment 1 of Fraud scoring: mostly in place"
    )
    expect(page.locator(".activity-line").filter(has_text=" answered ")).to_have_count(0)
    carried.get_by_text("Before and after").click()
    # The dash the page shows for nothing: no answer before this one.
    expect(carried.locator(".activity-changes tbody")).to_have_text("answer\u2013mostly in place")
    for width, viewport in (("desk", DESK), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        check_page(page)
        screenshot(page, f"activity-carried-{width}")
        carried.screenshot(path=str(ARTIFACTS / f"e2e-activity-carried-{width}-entry.png"))

    page.goto(f"/assessments/{first.pk}/activity/?kind=assessment")
    submitted = page.locator(".activity-entry").filter(has_text="olga submitted the assessment")
    submitted.get_by_text("Before and after").click()
    expect(submitted.locator(".activity-changes")).to_contain_text("submitted by\u2013olga")
    expect(submitted.locator(".activity-changes")).to_contain_text("statusDraftSubmitted")
    check_page(page)
    submitted.screenshot(path=str(ARTIFACTS / "e2e-activity-submitted-phone-entry.png"))
    page.set_viewport_size(DESK)
    page.goto(f"/organizations/{organization.pk}/activity/?kind=assessment")
    started = page.locator(".activity-line").filter(has_text="carried over the answers of")
    expect(started).to_have_text("olga carried over the answers of Self-assessment 1 of Fraud scoring")
    check_page(page)
    screenshot(page, "activity-organization-desk")
    watch.assert_clean()
