"""The reviewer's day and the pages around it, in headless Chromium at a desk (1280 px) and on a phone (360 px)
(issue 23, items 6, 8, 10 and 17): a refused submission says why at the top of the review page, focused; the
review page folds the optional blanks; the comparison opens on only what changed, its change in view on a
phone; the sign-off page shows the result, the claims without evidence and the disagreements, and accepting
lands on the report; the portfolio opens each audit on the page that fits the person.

Screenshots: .ci/artifacts/e2e-reviewer-<step>-<width>.png (element screenshots of the parts that matter)."""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import Assessment, Role
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_start, assessment_submit
from assessments.services.surveys import respondent_add, respondent_answers_save, respondent_submit
from maturity.selectors import framework_content
from reports.services import report_compute
from tests.conftest import complete_answers
from tests.e2e.conftest import ARTIFACTS, DESK, PHONE, check_page, log_in, screenshot
from tests.factories import MembershipFactory, OrganizationFactory, TeamFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
WIDTHS = (DESK, PHONE)


def open_as(browser, live_server, user, viewport):
    context = browser.new_context(base_url=live_server.url, viewport=viewport, locale="en-GB")
    context.set_default_timeout(15_000)
    log_in(context, user, live_server.url)
    return context, context.new_page()


def shoot(locator, name: str) -> None:
    """An element screenshot: a tall page's part that matters, readable."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    locator.screenshot(path=str(ARTIFACTS / f"e2e-reviewer-{name}.png"))


def middle(locator) -> float:
    box = locator.bounding_box()
    return box["y"] + box["height"] / 2


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    viewport = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]


@pytest.fixture
def organization(mlops_framework):
    organization = OrganizationFactory(name="Contoso Bank")
    team = TeamFactory(organization=organization, name="Credit risk")
    people = {name: UserFactory(username=name) for name in ("olga", "consultant", "grace", "ada", "bob", "cy")}
    roles = {"olga": Role.OWNER, "consultant": Role.ASSESSOR, "grace": Role.ASSESSOR}
    for name, user in people.items():
        MembershipFactory(user=user, organization=organization, role=roles.get(name, Role.MEMBER))
    return team, people, mlops_framework


def test_a_refused_submission_says_why_at_the_top_and_optional_blanks_fold(browser, live_server, organization):
    team, people, framework = organization
    olga = people["olga"]
    draft = assessment_start(framework=framework, team=team, user=olga)
    level_1 = [item for item in complete_answers(draft.framework, value=0) if level(draft, item.question) == 1]
    answers_save(assessment=draft, user=olga, items=level_1[1:])
    blank = framework_content(framework=draft.framework).questions[0]
    assert blank.key == level_1[0].question

    for viewport in WIDTHS:
        width = viewport["width"]
        context, page = open_as(browser, live_server, olga, viewport)
        page.goto(f"/assessments/{draft.pk}/review/")
        # The one required blank is listed in its area; the optional ones (levels 2 to 4) are folded.
        area = page.locator(f"#area-{blank.area.key}")
        expect(area.locator("dt", has_text=blank.statement)).to_be_visible()
        expect(area.locator("dd").first.get_by_text("required")).to_be_visible()
        folded = area.locator("details.review-optional")
        expect(folded.locator("summary")).to_contain_text("optional questions not answered")
        expect(folded.locator("li").first).to_be_hidden()
        check_page(page)
        shoot(area, f"review-area-{width}")
        folded.locator("summary").click()
        expect(folded.locator("li").first).to_be_visible()
        assert page.locator("details.review-optional").count() == len(
            framework_content(framework=draft.framework).areas
        )
        context.close()

    answers_save(assessment=draft, user=olga, items=level_1[:1])
    for viewport in WIDTHS:
        width = viewport["width"]
        context, page = open_as(browser, live_server, olga, viewport)
        page.goto(f"/assessments/{draft.pk}/review/")
        tick = page.get_by_label("I understand a submitted assessment cannot be changed")
        submit = page.get_by_role("button", name="Submit assessment")
        assert abs(middle(tick) - middle(submit)) < 80  # side by side, or the button just below on a phone
        submit.click()  # without the tick
        problems = page.locator("#problems")
        expect(problems).to_be_focused()
        expect(problems).to_contain_text("Not submitted")
        assert in_view(page, problems), "the reason must show without scrolling"
        check_page(page)
        page.screenshot(path=str(ARTIFACTS / f"e2e-reviewer-refused-{width}.png"))  # what shows as it opens
        problems.get_by_role("link", name=re.compile("Tick the box")).click()
        expect(tick).to_be_focused()
        tick.check()
        submit.click()
        expect(page.get_by_text(re.compile(r"^Submitted Self-assessment \d of Credit risk\.$"))).to_be_visible()
        context.close()
        if width == DESK["width"]:
            draft = resubmittable(draft, olga)


def level(assessment: Assessment, key: str) -> int:
    return next(q.level for q in framework_content(framework=assessment.framework).questions if q.key == key)


def resubmittable(submitted: Assessment, user) -> Assessment:
    """A new draft answered as the submitted one was, to refuse and submit again at the next width."""
    draft = assessment_start(framework=submitted.framework, team=submitted.team, user=user)
    level_1 = [item for item in complete_answers(draft.framework, value=0) if level(draft, item.question) == 1]
    answers_save(assessment=draft, user=user, items=level_1)
    return draft


def test_the_comparison_opens_on_what_changed_and_shows_the_change_on_a_phone(browser, live_server, organization):
    team, people, framework = organization
    olga = people["olga"]
    first = assessment_start(framework=framework, team=team, user=olga)
    answers_save(assessment=first, user=olga, items=complete_answers(framework, value=1))
    assessment_submit(assessment=first, user=olga)
    second = assessment_start(framework=framework, team=team, user=olga)
    items = complete_answers(framework, value=1)
    items[0], items[5], items[9] = (AnswerInput(items[i].question, value) for i, value in ((0, 3), (5, 0), (9, 2)))
    answers_save(assessment=second, user=olga, items=items)
    assessment_submit(assessment=second, user=olga)
    for assessment in (first, second):
        report_compute(assessment_id=assessment.pk)

    for viewport in WIDTHS:
        width = viewport["width"]
        context, page = open_as(browser, live_server, olga, viewport)
        page.goto(f"/teams/{team.pk}/compare/")
        answers = page.locator("table.compare-answers")
        expect(page.get_by_text(f"3 of {len(items)} answers changed.")).to_be_visible()
        expect(answers.locator("tr.changed")).to_have_count(3)
        expect(page.get_by_label("Only what changed")).to_be_checked()
        check_page(page)
        for table in ("compare-areas", "compare-answers"):
            region = page.locator(f"table.{table}").locator("xpath=..")
            assert region.evaluate("box => box.scrollWidth <= box.clientWidth"), f"{table} scrolls sideways"
            for cell in page.locator(f"table.{table} td.compare-change").all():
                assert cell.bounding_box()["x"] + cell.bounding_box()["width"] <= width
        expect(answers.get_by_text("Better").first).to_be_visible()
        shoot(page.locator("section[aria-labelledby=areas-heading]"), f"compare-areas-{width}")
        shoot(page.locator("section[aria-labelledby=answers-heading]"), f"compare-answers-{width}")
        page.get_by_role("link", name="Show every answer").click()
        expect(answers.locator("tbody tr:not(.group)")).to_have_count(len(items))
        check_page(page)
        context.close()


@pytest.fixture
def audit_in_review(organization):
    """The consultant's survey audit of the team: three respondents disagree on the first question, the
    consultant agrees every answer "mostly in place" (no evidence: every practice at level 3 or above is a
    claim without it) and submits it for review; its provisional report is computed."""
    team, people, framework = organization
    consultant = people["consultant"]
    audit = assessment_start(
        framework=framework,
        team=team,
        user=consultant,
        kind=Assessment.Kind.AUDIT,
        mode=Assessment.Mode.SURVEY,
        review_required=True,
    )
    first = framework_content(framework=audit.framework).questions[0]
    for name, value in (("ada", 0), ("bob", 2), ("cy", 3)):
        respondent = respondent_add(assessment=audit, added_by=consultant, username=name)
        respondent_answers_save(respondent=respondent, items=[AnswerInput(first.key, value)])
        respondent_submit(respondent=respondent)
    answers_save(assessment=audit, user=consultant, items=complete_answers(audit.framework, value=2))
    assessment_submit(assessment=audit, user=consultant)
    report_compute(assessment_id=audit.pk)
    return audit, first


def test_the_reviewer_decides_on_one_page_and_lands_on_the_report(browser, live_server, organization, audit_in_review):
    _, people, _ = organization
    audit, disputed = audit_in_review
    claims = sum(1 for q in framework_content(framework=audit.framework).questions if q.level >= 3)

    for viewport in (PHONE, DESK):  # the reviewer accepts at the desk, last
        width = viewport["width"]
        # The consultant who submitted it opens the audit from the portfolio on where it stands.
        context, page = open_as(browser, live_server, people["consultant"], viewport)
        page.goto("/portfolio/")
        page.get_by_role("link", name="Audit 1").click()
        expect(page).to_have_url(re.compile(f"/assessments/{audit.pk}/summary/$"))
        expect(page.get_by_text("in review").first).to_be_visible()
        check_page(page)
        screenshot(page, f"reviewer-portfolio-submitter-{width}")
        context.close()

        # Grace, an assessor who may review it, opens its sign-off from the portfolio.
        context, page = open_as(browser, live_server, people["grace"], viewport)
        page.goto("/portfolio/")
        page.get_by_role("link", name="Audit 1").click()
        expect(page.get_by_role("heading", name="Sign-off", exact=True)).to_be_visible()
        result = page.locator("section[aria-labelledby=result-heading]")
        expect(result.locator(".review-headline")).to_contain_text("Level 3")
        expect(result.locator("table tbody tr")).to_have_count(len(framework_content(framework=audit.framework).areas))
        findings = page.locator("section[aria-labelledby=claims-heading]")
        expect(findings.get_by_role("heading")).to_have_text(f"Claims without evidence ({claims})")
        disagreements = page.locator("section[aria-labelledby=disagreements-heading]")
        expect(disagreements.get_by_role("heading")).to_have_text("Where the respondents disagreed (1)")
        check_page(page)
        shoot(result, f"signoff-result-{width}")
        shoot(disagreements, f"signoff-disagreements-{width}")
        # The disagreement links to its question in the return form, which opens there.
        disagreements.get_by_role("link", name=disputed.statement).click()
        expect(page.locator(f"[id='q-{disputed.key}']")).to_be_visible()
        question = page.locator(f"[id='signoff-{disputed.key}']")
        expect(question.get_by_text("respondents disagreed")).to_be_visible()
        shoot(question, f"signoff-question-{width}")
        if width == PHONE["width"]:
            context.close()
            continue
        page.get_by_role("button", name="Accept the assessment").click()
        expect(page).to_have_url(re.compile(f"/assessments/{audit.pk}/report/$"))
        expect(page.get_by_text("Accepted Audit 1 of Credit risk: its report is final.")).to_be_visible()
        expect(page.locator(".reviewed-by")).to_contain_text("Reviewed by grace")
        check_page(page)
        page.screenshot(path=str(ARTIFACTS / f"e2e-reviewer-accepted-report-{width}.png"))  # where they land
        context.close()

    audit.refresh_from_db()
    assert (audit.status, audit.reviewed_by) == (Assessment.Status.SUBMITTED, people["grace"])
