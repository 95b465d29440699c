"""A consultant's audit that a client can stand behind, in headless Chromium with a real worker process:
the consultant starts a survey-mode audit that requires review, three of the client's people answer on
their own and disagree, the consultant records the consensus and attaches evidence, and submits it for
review; the client's owner returns it with a comment on one question; the consultant fixes that answer and
submits again; the owner accepts. The report shows where the respondents disagreed, the claims without
evidence and who reviewed it; the activity log shows every step.

Every page visited passes `check_page` (axe-core, nothing wider than the viewport); screenshots go to
.ci/artifacts/e2e-audit-<step>.png.
"""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import Answer, Assessment, Role
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_scope_set
from maturity.selectors import framework_content
from reports.models import Report
from tests.e2e.conftest import check_page, log_in, screenshot
from tests.factories import MembershipFactory, OrganizationFactory, TeamFactory, UserFactory
from tests.worker import running_worker, wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

LEVEL_LABELS = ("Not in place", "Started", "Mostly in place", "Fully in place")
# Each respondent's answer to the two surveyed questions, as the radio labels read: they disagree on both.
RESPONDENTS = {"ada": (0, 3), "bob": (3, 2), "cy": (1, 0)}
REVIEW_COMMENT = "Three people, three answers: show me the runbook before we call this mostly in place."


def open_as(browser, live_server, user, width: int = 1280):
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900}, locale="en-GB")
    context.set_default_timeout(20_000)
    log_in(context, user, live_server.url)
    return context, context.new_page()


def visit(page, step: str) -> None:
    check_page(page)
    screenshot(page, f"audit-{step}")


@pytest.fixture
def client_organisation(mlops_framework):
    """The client: an owner (who will review), three people of the team, and the consultant (an assessor)."""
    organization = OrganizationFactory(name="Contoso Bank")
    team = TeamFactory(organization=organization, name="Credit risk")
    people = {name: UserFactory(username=name) for name in ("olga", "consultant", *RESPONDENTS)}
    MembershipFactory(user=people["olga"], organization=organization, role=Role.OWNER)
    MembershipFactory(user=people["consultant"], organization=organization, role=Role.ASSESSOR)
    for name in RESPONDENTS:
        MembershipFactory(user=people[name], organization=organization, role=Role.MEMBER)
    return team, people


def surveyed_questions(framework):
    """A level-1 question, and a level-3 one (a claim an auditor wants evidence for), of different areas."""
    questions = framework_content(framework=framework).questions
    first = questions[0]
    third = next(question for question in questions if question.level == 3 and question.area_id != first.area_id)
    return first, third


def test_a_consultant_runs_a_survey_audit_through_review_to_sign_off(browser, live_server, client_organisation):
    team, people = client_organisation
    consultant_context, consultant = open_as(browser, live_server, people["consultant"])

    # The consultant starts a survey that requires review.
    consultant.goto(f"/teams/{team.pk}/")
    consultant.get_by_label("Survey: respondents answer alone").check()
    consultant.get_by_label(re.compile("Require review")).check()
    visit(consultant, "start")
    consultant.get_by_role("button", name="Start assessment").click()
    expect(consultant.get_by_role("heading", name="Respondents")).to_be_visible()
    audit = Assessment.objects.get(team=team)
    assert (audit.mode, audit.kind, audit.review_required) == ("survey", "audit", True)
    first, third = surveyed_questions(audit.framework)
    for name in RESPONDENTS:
        consultant.get_by_label("Someone else: a username or an email address").fill(name)
        consultant.get_by_role("button", name="Add respondents", exact=True).click()
        expect(consultant.get_by_text(f"Added {name} as a respondent.")).to_be_visible()
    visit(consultant, "respondents")

    # Earlier sessions with the team agreed every other answer, and the scope; the survey settles the rest.
    content = framework_content(framework=audit.framework)
    others = [key for key in content.question_ids if key not in (first.key, third.key)]
    answers_save(assessment=audit, user=people["consultant"], items=[AnswerInput(key, 2) for key in others])
    if content.scopes:
        assessment_scope_set(assessment=audit, answers={scope.key: False for scope in content.scopes})

    # Each respondent answers alone, on a phone, and sees nobody else's answers until they submit.
    for name, (first_value, third_value) in RESPONDENTS.items():
        context, mine = open_as(browser, live_server, people[name], width=390)
        mine.goto(f"/assessments/{audit.pk}/consensus/")
        expect(mine.get_by_text("Submit your own answers first")).to_be_visible()
        for question, value in ((first, first_value), (third, third_value)):
            mine.goto(f"/assessments/{audit.pk}/my-answers/{question.area.key}/")
            card = mine.locator(f'article[data-question="{question.key}"]')
            card.get_by_label(LEVEL_LABELS[value], exact=True).check()
            expect(card.locator(".status-saved")).to_be_visible()  # each answer saves itself
            card.get_by_text("Add a comment").click()
            comment_saved = f"/my-answers/answers/{question.key}/"
            with mine.expect_response(lambda response, url=comment_saved: response.url.endswith(url)):
                card.get_by_label("Comment").fill(f"{name}: that is how I see it")
        visit(mine, f"my-answers-{name}")
        # The rest stays blank: the respondent confirms how many required questions they leave so.
        mine.get_by_role("button", name="Submit my answers").click()
        expect(
            mine.get_by_role("heading", name=re.compile(r"^Submit with \d+ required questions? blank\?$"))
        ).to_be_visible()
        mine.get_by_label(re.compile(r"Submit with \d+ required questions? blank")).check()
        mine.get_by_role("button", name="Submit my answers").click()
        expect(mine.get_by_role("heading", name="Consensus")).to_be_visible()
        context.close()

    # The consensus: the facilitator sees each respondent's answer, settles one, and takes the medians.
    consultant.goto(f"/assessments/{audit.pk}/consensus/?disagreements=1")
    disputed = consultant.locator(f'article[data-question="{first.key}"]')
    expect(disputed.get_by_text("Disagreement")).to_be_visible()
    expect(disputed.get_by_text("bob: that is how I see it")).to_be_visible()
    expect(disputed.get_by_label("Started", exact=True)).to_be_checked()  # the median of 0, 1, 3
    visit(consultant, "consensus")
    disputed.get_by_label("Mostly in place", exact=True).check()
    disputed.get_by_role("button", name="Record agreed answer").click()
    expect(consultant.get_by_text("Recorded the agreed answer: Mostly in place.")).to_be_visible()
    consultant.get_by_role("button", name="Record every median as agreed").click()
    expect(consultant.get_by_text("to 1 question(s)")).to_be_visible()
    assert Answer.objects.get(assessment=audit, question__key=third.key).value == 2  # the median of 3, 2, 0

    # Evidence behind the level-3 claim: a link to the runbook.
    consultant.goto(f"/assessments/{audit.pk}/areas/{third.area.key}/#q-{third.key}")
    card = consultant.locator(f'article.question[data-question="{third.key}"]')
    card.locator("details.evidence-add > summary").click()
    card.locator('input[name="url"]').fill("https://wiki.contoso.example/credit-risk/runbook")
    card.locator('input[name="description"]').fill("The release runbook")
    card.get_by_role("button", name="Add evidence").click()
    expect(card.get_by_role("link", name="https://wiki.contoso.example/credit-risk/runbook")).to_be_visible()
    visit(consultant, "evidence")

    with running_worker():
        submit_for_review(consultant, audit)
        visit(consultant, "submitted")

        # The owner reviews: a comment on the disputed question, and back to the consultant.
        owner_context, owner = open_as(browser, live_server, people["olga"])
        owner.goto("/")
        owner.get_by_role("link", name=audit.title).first.click()
        expect(owner.get_by_role("heading", name="Sign-off")).to_be_visible()
        owner.locator("summary", has_text=first.area.name).first.click()
        owner.get_by_label(re.compile(r"^What needs work on “" + re.escape(first.statement[:30]))).fill(REVIEW_COMMENT)
        owner.get_by_label("Overall comment").fill("One answer needs a second look.")
        visit(owner, "signoff-return")
        owner.get_by_role("button", name="Return to the team").click()
        expect(owner.get_by_text(f"Returned {audit.title}")).to_be_visible()

        # The consultant sees the comment beside the question, settles it lower, and submits again.
        consultant.goto(f"/assessments/{audit.pk}/areas/{first.area.key}/#q-{first.key}")
        card = consultant.locator(f"[id='q-{first.key}']")
        expect(card.get_by_text(REVIEW_COMMENT)).to_be_visible()
        visit(consultant, "returned")
        card.get_by_label("Started", exact=True).check()
        expect(card.locator(".status-saved")).to_be_visible()
        submit_for_review(consultant, audit)

        # The owner accepts; the report, once the worker has computed it, shows the reviewer.
        owner.goto(f"/assessments/{audit.pk}/signoff/")
        owner.get_by_role("button", name="Accept the assessment").click()
        expect(owner.get_by_text("Reviewed by olga")).to_be_visible()
        owner_context.close()
        assert wait_for(lambda: Report.objects.get(assessment=audit).status == Report.Status.READY, timeout=60)

    consultant.goto(f"/assessments/{audit.pk}/report/")
    expect(consultant.locator(".reviewed-by")).to_contain_text("Reviewed by olga")
    disagreements = consultant.locator("section.report-disagreements")
    expect(disagreements).to_contain_text(first.statement)
    expect(disagreements).to_contain_text(third.statement)
    claims = consultant.locator("section.report-claims")
    expect(claims.get_by_text("No evidence").first).to_be_visible()
    expect(claims).not_to_contain_text(third.statement)  # its evidence holds
    visit(consultant, "report")

    # Every step is in the activity log, with who did it (by kind: the answers agreed earlier fill pages).
    steps = {
        "assessment": (
            "consultant started the assessment",
            "consultant submitted the assessment for review",
            "olga returned the assessment to draft",
            "olga signed off the assessment",
        ),
        "respondent": ("consultant asked ada to answer the survey", "bob submitted their survey answers"),
        "answer": (f"consultant changed “{first.statement}”: mostly in place -> started",),
        "evidence": (f"consultant added evidence to “{third.statement}”",),
        "review": ("olga returned the assessment with comments", "olga accepted the assessment on review"),
    }
    lines = consultant.locator(".activity-line")
    for kind, expected in steps.items():
        consultant.goto(f"/assessments/{audit.pk}/activity/?kind={kind}")
        for step in expected:
            expect(lines.filter(has_text=step).first).to_be_visible()
    visit(consultant, "activity")
    consultant_context.close()

    audit.refresh_from_db()
    assert (audit.status, audit.reviewed_by) == (Assessment.Status.SUBMITTED, people["olga"])
    assert audit.answers.get(question__key=first.key).value == 1


def submit_for_review(page, audit) -> None:
    page.goto(f"/assessments/{audit.pk}/review/")
    page.get_by_label("I understand a submitted assessment cannot be changed").check()
    page.get_by_role("button", name="Submit assessment").click()
    expect(page.get_by_text("in review").first).to_be_visible()
