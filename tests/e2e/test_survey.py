"""Survey mode in browsers: a consultant starts a survey, adds three respondents, who answer differently in
their own browser contexts and submit; the consultant sees the disagreement and records the consensus."""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import Answer, Assessment, Respondent, Role
from assessments.services.answers import AnswerInput
from assessments.services.surveys import respondent_add, respondent_answers_save, respondent_submit
from maturity.selectors import framework_content
from tests.e2e.conftest import check_page, log_in, screenshot
from tests.factories import AssessmentFactory, MembershipFactory, OrganizationFactory, TeamFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANSWERS = {
    "ada": ("Not in place", "Mostly in place"),
    "bob": ("Fully in place", "Mostly in place"),
    "cy": ("Started", "Fully in place"),
}


def test_three_respondents_disagree_and_the_facilitator_records_the_consensus(browser, live_server, mlops_framework):
    organization = OrganizationFactory(name="Client Ltd")
    team = TeamFactory(organization=organization, name="Fraud")
    consultant = UserFactory(username="consultant")
    MembershipFactory(user=consultant, organization=organization, role=Role.ASSESSOR)
    for name in ANSWERS:
        MembershipFactory(user=UserFactory(username=name), organization=organization, role=Role.MEMBER)
    first, second = framework_content(framework=mlops_framework).questions[:2]

    facilitator = browser.new_context(base_url=live_server.url)
    log_in(facilitator, consultant, live_server.url)
    page = facilitator.new_page()
    page.goto(f"/teams/{team.pk}/")
    page.get_by_label("Survey: respondents answer alone").check()
    page.get_by_role("button", name="Start assessment").click()
    expect(page.get_by_role("heading", name="Respondents")).to_be_visible()
    assessment = Assessment.objects.get(team=team)
    assert assessment.mode == "survey"
    for name in ANSWERS:
        page.get_by_label("Someone else: a username or an email address").fill(name)
        page.get_by_role("button", name="Add respondents", exact=True).click()
        expect(page.get_by_text(f"Added {name} as a respondent.")).to_be_visible()
    check_page(page)

    for name, (first_answer, second_answer) in ANSWERS.items():
        context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
        log_in(context, UserFactory._meta.model.objects.get(username=name), live_server.url)
        mine = context.new_page()
        mine.goto(f"/assessments/{assessment.pk}/")  # a respondent lands on their own answers
        expect(mine.get_by_role("heading", name=re.compile("^Your answers"))).to_be_visible()
        first_card = mine.locator(f'article[data-question="{first.key}"]')
        second_card = mine.locator(f'article[data-question="{second.key}"]')
        first_card.get_by_label(first_answer, exact=True).check()
        expect(first_card.locator(".status-saved")).to_be_visible()  # each answer saves itself
        second_card.get_by_label(second_answer, exact=True).check()
        expect(second_card.locator(".status-saved")).to_be_visible()
        first_card.get_by_text("Add a comment").click()
        with mine.expect_response(lambda response: response.url.endswith(f"/my-answers/answers/{first.key}/")):
            first_card.get_by_label("Comment").fill(f"{name} thinks so")
        check_page(mine)
        screenshot(mine, f"survey-my-answers-{name}")
        # Most questions stay blank: the box beside the button names how many, and is ticked to submit.
        mine.get_by_label(re.compile(r"Submit with \d+ required questions blank")).check()
        mine.get_by_role("button", name="Submit my answers").click()
        expect(mine.get_by_role("heading", name="Consensus")).to_be_visible()
        expect(mine.get_by_text("Read only")).to_be_visible()
        check_page(mine)
        context.close()
    assert Respondent.objects.filter(assessment=assessment, submitted_at__isnull=False).count() == 3

    page.goto(f"/assessments/{assessment.pk}/consensus/?disagreements=1")
    question = page.locator(f'article[data-question="{first.key}"]')
    expect(question.get_by_text("Disagreement")).to_be_visible()
    expect(question.get_by_text("bob thinks so")).to_be_visible()
    expect(question.get_by_label("Started", exact=True)).to_be_checked()  # median of 0, 1, 3
    check_page(page)
    screenshot(page, "survey-consensus")
    question.get_by_label("Mostly in place", exact=True).check()
    question.get_by_role("button", name="Record agreed answer").click()
    expect(page.get_by_text("Recorded the agreed answer: Mostly in place.")).to_be_visible()
    page.get_by_role("button", name="Record every median as agreed").click()
    expect(page.get_by_text("to 1 question(s)")).to_be_visible()

    agreed = dict(Answer.objects.filter(assessment=assessment).values_list("question__key", "value"))
    assert agreed == {first.key: 2, second.key: 2}  # second: median of 2, 2, 3
    facilitator.close()


def test_an_anonymous_survey_shows_the_spread_from_3_submissions_and_never_who_submitted(
    browser, live_server, mlops_framework
):
    organization = OrganizationFactory(name="Client Ltd")
    team = TeamFactory(organization=organization, name="Fraud")
    consultant = UserFactory(username="consultant")
    MembershipFactory(user=consultant, organization=organization, role=Role.ASSESSOR)
    survey = AssessmentFactory(
        team=team, framework=mlops_framework, created_by=consultant, mode="survey", anonymous_responses=True
    )
    first = framework_content(framework=mlops_framework).questions[0]
    respondents = {}
    for name in ANSWERS:
        MembershipFactory(user=UserFactory(username=name), organization=organization, role=Role.MEMBER)
        respondents[name] = respondent_add(assessment=survey, added_by=consultant, username=name)
    for name, value in (("ada", 0), ("bob", 3)):
        respondent_answers_save(respondent=respondents[name], items=[AnswerInput(first.key, value, f"{name} says")])
        respondent_submit(respondent=respondents[name])

    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    log_in(context, consultant, live_server.url)
    page = context.new_page()
    page.goto(f"/assessments/{survey.pk}/consensus/")
    expect(page.get_by_role("heading", name="2 of 3 respondents submitted")).to_be_visible()
    expect(page.get_by_text("The spread shows once 3 respondents have submitted")).to_be_visible()
    expect(page.get_by_text("ada says")).to_have_count(0)
    expect(page.get_by_role("button", name="Record every median as agreed")).to_have_count(0)
    check_page(page)
    screenshot(page, "survey-anonymous-consensus-hidden")
    page.goto(f"/assessments/{survey.pk}/respondents/")
    expect(page.get_by_text("2 of 3 respondents submitted")).to_be_visible()
    expect(page.get_by_text("Submitted", exact=True)).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("^Remove"))).to_have_count(0)
    check_page(page)

    respondent_answers_save(respondent=respondents["cy"], items=[AnswerInput(first.key, 1, "")])
    respondent_submit(respondent=respondents["cy"])
    page.goto(f"/assessments/{survey.pk}/consensus/")
    question = page.locator(f'article[data-question="{first.key}"]')
    expect(question.get_by_text("ada says")).to_be_visible()
    expect(question.get_by_text("3 answers: minimum 0")).to_be_visible()
    expect(page.get_by_text("The spread shows once")).to_have_count(0)
    check_page(page)
    context.close()
