"""Review and sign-off in two browsers: a member submits an assessment that requires review, an assessor
returns it with a comment on a question, the member sees the comment beside that question, fixes the
answer and submits again, the assessor accepts, and the report names the reviewer."""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import Assessment, Role
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_start, assessment_submit
from maturity.selectors import framework_for_new_assessment
from tests.conftest import complete_answers
from tests.e2e.conftest import check_page, log_in, screenshot
from tests.factories import MembershipFactory, OrganizationFactory, TeamFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def draft(mlops_framework):
    """A draft of ada's team in an organisation that requires review, and grace, an assessor who may review it."""
    organization = OrganizationFactory(name="Audited Ltd", review_required=True)
    team = TeamFactory(organization=organization, name="Fraud")
    ada, grace = UserFactory(username="ada"), UserFactory(username="grace")
    MembershipFactory(user=ada, organization=organization, role=Role.MEMBER)
    MembershipFactory(user=grace, organization=organization, role=Role.ASSESSOR)
    assessment = assessment_start(framework=framework_for_new_assessment(), team=team, user=ada)
    return assessment, ada, grace


def open_as(browser, live_server, user):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(15_000)
    log_in(context, user, live_server.url)
    return context.new_page()


def submit(page, assessment) -> None:
    page.goto(f"/assessments/{assessment.pk}/review/")
    page.get_by_label("I understand a submitted assessment cannot be changed").check()
    page.get_by_role("button", name="Submit assessment").click()
    expect(page.get_by_text("in review").first).to_be_visible()


def test_a_returned_assessment_is_fixed_resubmitted_and_accepted(browser, live_server, mlops_framework, draft):
    assessment, ada, grace = draft
    answers_save(assessment=assessment, user=ada, items=complete_answers(mlops_framework, value=2))
    question = mlops_framework.questions.select_related("area").order_by("position").first()
    submitter, reviewer = open_as(browser, live_server, ada), open_as(browser, live_server, grace)

    submit(submitter, assessment)
    check_page(submitter)

    # The reviewer finds it on the home page, and returns it with a comment on one question.
    reviewer.goto("/")
    reviewer.get_by_role("link", name=assessment.title).click()
    expect(reviewer.get_by_role("heading", name="Sign-off")).to_be_visible()
    check_page(reviewer)
    reviewer.locator("summary", has_text=question.area.name).first.click()
    reviewer.get_by_label(re.compile(r"^What needs work on “" + re.escape(question.statement[:30]))).fill(
        "No shared repository for the notebooks yet?"
    )
    reviewer.get_by_label("Overall comment").fill("One claim needs a second look.")
    check_page(reviewer)
    screenshot(reviewer, "signoff-return")
    reviewer.get_by_role("button", name="Return to the team").click()
    expect(reviewer.get_by_text("Returned Self-assessment 1 of Fraud")).to_be_visible()

    # The submitter sees the comment beside the question, fixes the answer and submits again.
    submitter.goto(f"/assessments/{assessment.pk}/")
    expect(submitter.get_by_text("Returned by grace")).to_be_visible()
    submitter.get_by_role("link", name=question.statement).click()
    card = submitter.locator(f"[id='q-{question.key}']")
    expect(card.get_by_text("No shared repository for the notebooks yet?")).to_be_visible()
    check_page(submitter)
    screenshot(submitter, "signoff-returned-question")
    card.get_by_label("Started", exact=True).check()
    expect(card.locator(".status-saved")).to_be_visible()
    submit(submitter, assessment)

    # The reviewer accepts; the report names the reviewer.
    reviewer.goto(f"/assessments/{assessment.pk}/signoff/")
    reviewer.get_by_role("button", name="Accept the assessment").click()
    expect(reviewer.get_by_text("Reviewed by grace")).to_be_visible()
    submitter.goto(f"/assessments/{assessment.pk}/report/")
    expect(submitter.locator(".reviewed-by")).to_contain_text("Reviewed by grace")
    check_page(submitter)
    screenshot(submitter, "signoff-report")

    assessment.refresh_from_db()
    assert (assessment.status, assessment.reviewed_by) == (Assessment.Status.SUBMITTED, grace)
    assert assessment.answers.get(question=question).value == 1


def test_an_assessor_who_wrote_answers_is_not_asked_to_review_them(browser, live_server, draft):
    assessment, ada, grace = draft
    items = complete_answers(assessment.framework)
    answers_save(assessment=assessment, user=ada, items=items[1:])
    answers_save(assessment=assessment, user=grace, items=items[:1])
    assessment_submit(assessment=assessment, user=ada)

    page = open_as(browser, live_server, grace)
    page.goto("/")
    expect(page.locator(f'a[href="/assessments/{assessment.pk}/signoff/"]')).to_have_count(0)
    page.goto(f"/assessments/{assessment.pk}/signoff/")
    expect(page.get_by_text("You wrote answers of this assessment, so you cannot review it")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Accept"))).to_have_count(0)
    check_page(page)
    page.context.close()
