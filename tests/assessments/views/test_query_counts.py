"""Pages make the same number of queries however much data they show."""

import pytest

from assessments.models import Role
from assessments.services.answers import answers_save
from assessments.services.organizations import membership_set, team_create
from assessments.services.targets import target_set
from maturity.selectors import framework_for_new_assessment
from tests.conftest import complete_answers
from tests.factories import AssessmentFactory, UserFactory

pytestmark = pytest.mark.django_db

# session, user, the scoped object, then the page's own reads (and whether the menu offers the portfolio)
AREA_PAGE_QUERIES = 9  # with the latest review decision and a returned one's comments
SUMMARY_PAGE_QUERIES = 8  # likewise
TEAM_PAGE_QUERIES = 9  # with the menu's portfolio check
# with an owner's list of archived teams, what waits for the user's review and the menu's portfolio check
ORGANIZATION_PAGE_QUERIES = 8


@pytest.mark.parametrize(
    ("page", "answered", "queries"),
    [
        ("areas/data", 0, AREA_PAGE_QUERIES),
        ("areas/data", 1, AREA_PAGE_QUERIES),
        ("areas/data", 56, AREA_PAGE_QUERIES),
        ("summary", 0, SUMMARY_PAGE_QUERIES),
        ("summary", 56, SUMMARY_PAGE_QUERIES),
    ],
)
def test_an_assessment_page_does_not_grow_with_answers(
    client, cast, django_assert_max_num_queries, page, answered, queries
):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework)[:answered])
    client.force_login(cast.member)

    with django_assert_max_num_queries(queries):
        client.get(f"/assessments/{cast.assessment.pk}/{page}/")


@pytest.mark.parametrize("assessments", [1, 10])
def test_the_team_page_does_not_grow_with_assessments(client, cast, django_assert_max_num_queries, assessments):
    for _ in range(assessments - 1):
        # beside the cast's draft: as teams have from before one draft per team
        new = AssessmentFactory(framework=framework_for_new_assessment(), team=cast.team, created_by=cast.member)
        answers_save(assessment=new, user=cast.member, items=complete_answers(cast.framework)[:5])
        target_set(team=cast.team, framework=cast.framework, area_key="data", level=assessments % 5, user=cast.member)
    client.force_login(cast.member)

    with django_assert_max_num_queries(TEAM_PAGE_QUERIES):
        client.get(f"/teams/{cast.team.pk}/")


@pytest.mark.parametrize("extra", [0, 10])
def test_the_organization_page_does_not_grow_with_teams_and_members(client, cast, django_assert_max_num_queries, extra):
    for number in range(extra):
        team_create(organization=cast.organization, name=f"Team {number}")
        membership_set(organization=cast.organization, user=UserFactory(), role=Role.MEMBER)
    client.force_login(cast.owner)

    with django_assert_max_num_queries(ORGANIZATION_PAGE_QUERIES):
        client.get(f"/organizations/{cast.organization.pk}/")
