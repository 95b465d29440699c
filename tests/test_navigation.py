"""The site's navigation (templates/nav/): the links from the pages of organisations, teams and assessments to
the pages of the apps above assessments, each shown to the people who may follow it, paths only."""

import re
from html import unescape

import pytest

from tests.assessments.reviews.conftest import submit_for_review
from tests.conftest import complete_answers
from tests.factories import AssessmentFactory
from tests.reports.conftest import submit_answers

pytestmark = pytest.mark.django_db

# A link to a page of reports, activity or accounts, with its text (a screen reader's included).
HIGHER = re.compile(r'<a href="(/[\w/-]*/(?:report|dashboard|activity|invitations)/)">(.*?)</a>')


def links(response) -> list[tuple[str, str]]:
    assert response.status_code == 200
    return [(path, unescape(re.sub(r"<[^>]+>", "", text))) for path, text in HIGHER.findall(response.content.decode())]


@pytest.fixture
def three(cast):
    """A submitted assessment, one in review (the cast's) and a draft, of the cast's team."""
    submitted = submit_answers(cast, complete_answers(cast.framework))
    in_review = submit_for_review(cast)
    draft = AssessmentFactory(team=cast.team, framework=cast.framework, created_by=cast.owner)
    return submitted, in_review, draft


def test_an_owner_is_offered_the_invitations_dashboard_and_activity_of_the_organisation(client, cast):
    client.force_login(cast.owner)
    base = f"/organizations/{cast.organization.pk}"

    assert links(client.get(f"{base}/")) == [
        (f"{base}/invitations/", "Invite colleagues by email"),
        (f"{base}/dashboard/", "Dashboard: every team's latest result"),
        (f"{base}/activity/", "Activity log"),
    ]


@pytest.mark.parametrize("role", ["assessor", "member", "viewer"])
def test_the_other_roles_are_offered_the_organisations_dashboard_only(client, cast, role):
    client.force_login(cast.users[role])
    base = f"/organizations/{cast.organization.pk}"

    assert links(client.get(f"{base}/")) == [(f"{base}/dashboard/", "Dashboard: every team's latest result")]


@pytest.mark.parametrize("role", ["owner", "viewer"])
def test_the_team_page_links_its_dashboard_and_each_assessments_report_once_submitted_and_activity(
    client, cast, three, role
):
    submitted, in_review, draft = (f"/assessments/{assessment.pk}" for assessment in three)
    client.force_login(cast.users[role])

    assert links(client.get(f"/teams/{cast.team.pk}/")) == [
        (f"/teams/{cast.team.pk}/dashboard/", "Dashboard: progress over time, targets and roadmap"),
        (f"{draft}/activity/", "Activity: who changed what of self-assessment 3"),
        (f"{submitted}/report/", "See the report of self-assessment 2"),
        (f"{submitted}/activity/", "Activity: who changed what of self-assessment 2"),
        (f"{in_review}/report/", "See the provisional report of self-assessment 1"),
        (f"{in_review}/activity/", "Activity: who changed what of self-assessment 1"),
    ]


def test_the_name_of_the_assessment_is_for_screen_readers_only(client, cast, three):
    client.force_login(cast.viewer)

    page = client.get(f"/assessments/{three[0].pk}/summary/").content.decode()

    assert 'See the report<span class="visually-hidden"> of self-assessment 2</span></a>' in page


@pytest.mark.parametrize("page", ["areas/data", "summary", "review", "signoff"])
def test_a_submitted_assessments_pages_link_its_report_and_activity(client, cast, three, page):
    submitted = f"/assessments/{three[0].pk}"
    client.force_login(cast.owner)

    assert links(client.get(f"{submitted}/{page}/")) == [
        (f"{submitted}/report/", "See the report of self-assessment 2"),
        (f"{submitted}/activity/", "Activity: who changed what of self-assessment 2"),
    ]


@pytest.mark.parametrize("page", ["areas/data", "summary", "review", "signoff"])
def test_an_assessment_in_reviews_pages_link_its_provisional_report_and_activity(client, cast, three, page):
    in_review = f"/assessments/{three[1].pk}"
    client.force_login(cast.assessor)

    assert links(client.get(f"{in_review}/{page}/")) == [
        (f"{in_review}/report/", "See the provisional report of self-assessment 1"),
        (f"{in_review}/activity/", "Activity: who changed what of self-assessment 1"),
    ]


@pytest.mark.parametrize(("page", "expected"), [("summary", 1), ("areas/data", 0), ("review", 0), ("signoff", 0)])
def test_a_drafts_summary_alone_links_its_activity(client, cast, three, page, expected):
    draft = f"/assessments/{three[2].pk}"
    client.force_login(cast.owner)

    found = links(client.get(f"{draft}/{page}/"))

    assert found == [(f"{draft}/activity/", "Activity: who changed what of self-assessment 3")][:expected]
