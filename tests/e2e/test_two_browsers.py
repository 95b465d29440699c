"""Two people answering the same assessment at once, each in their own browser session: answers to
different questions are all kept."""

import pytest
from playwright.sync_api import expect

from assessments.models import Answer, Role
from assessments.services.assessments import assessment_start
from maturity.selectors import framework_for_new_assessment
from tests.e2e.conftest import check_page, log_in
from tests.factories import MembershipFactory, OrganizationFactory, TeamFactory, UserFactory
from tests.worker import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_two_browsers_answering_different_questions_keep_every_answer(browser, live_server, mlops_framework):
    organization = OrganizationFactory(name="Together Ltd")
    team = TeamFactory(organization=organization, name="Pairs")
    people = [UserFactory(username=name) for name in ("ada", "grace")]
    for person in people:
        MembershipFactory(user=person, organization=organization, role=Role.MEMBER)
    assessment = assessment_start(framework=framework_for_new_assessment(), team=team, user=people[0])
    area = mlops_framework.areas.order_by("position").first()
    pages = []
    for person in people:
        context = browser.new_context(base_url=live_server.url)
        log_in(context, person, live_server.url)
        page = context.new_page()
        page.goto(f"/assessments/{assessment.pk}/areas/{area.key}/")
        check_page(page)
        pages.append(page)
    questions = pages[0].locator("article.question")
    count = questions.count()

    # Alternate: each browser answers every other question, one right after the other.
    for index in range(count):
        page = pages[index % 2]
        page.locator("article.question").nth(index).get_by_label("Mostly in place", exact=True).check()
    for index in range(count):
        expect(pages[index % 2].locator("article.question").nth(index).locator(".status-saved")).to_be_visible()

    def stored() -> dict[str, str]:
        return dict(
            Answer.objects.filter(assessment=assessment, question__area__key=area.key).values_list(
                "question__key", "answered_by__username"
            )
        )

    assert wait_for(lambda: len(stored()) == count, timeout=15)
    assert sorted(set(stored().values())) == ["ada", "grace"]
    assert set(Answer.objects.filter(assessment=assessment).values_list("value", flat=True)) == {2}
