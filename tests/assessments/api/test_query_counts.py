"""List and detail endpoints make the same number of queries whatever the amount of data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_start, assessment_submit
from assessments.services.organizations import team_create
from maturity.selectors import framework_for_new_assessment
from tests.api_helpers import api_as
from tests.conftest import complete_answers
from tests.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def queries_for(client, path) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context.captured_queries)


def grow(cast, teams: int) -> None:
    """More organisations, teams, submitted assessments and answers."""
    for index in range(teams):
        MembershipFactory(user=cast.member, organization=OrganizationFactory(), role="member")
        team = team_create(organization=cast.organization, name=f"Grown {index}")
        assessment = assessment_start(framework=framework_for_new_assessment(), team=team, user=cast.member)
        answers_save(assessment=assessment, user=cast.member, items=complete_answers(cast.framework))
        assessment_submit(assessment=assessment, user=cast.member)


@pytest.mark.parametrize(
    "path",
    ["/api/organizations/", "/api/teams/", "/api/assessments/", "/api/organizations/{org}/members/"],
)
def test_lists_do_not_grow_with_the_data(cast, path):
    client = api_as(cast.member)
    path = path.format(org=cast.organization.pk)
    small = queries_for(client, path)

    grow(cast, teams=6)

    assert queries_for(client, path) == small


def test_the_assessment_detail_does_not_grow_with_answers(cast, django_assert_num_queries):
    client = api_as(cast.member)
    path = f"/api/assessments/{cast.assessment.pk}/"
    queries_for(client, path)  # the framework's questions are read once per process
    empty = queries_for(client, path)

    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))

    assert queries_for(client, path) == empty
    with django_assert_num_queries(2):  # the assessment with its tenancy check, its answers (no token: forced)
        client.get(path)


def test_saving_answers_is_a_bounded_number_of_queries(cast, django_assert_max_num_queries):
    client = api_as(cast.member)
    body = [{"question": a.question, "value": a.value} for a in complete_answers(cast.framework)]

    # 12: with the audit trail's two, the answers as they were and the entries recording the change
    with django_assert_max_num_queries(12):
        assert client.patch(f"/api/assessments/{cast.assessment.pk}/answers/", body, format="json").status_code == 200
