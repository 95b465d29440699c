"""A consultant's portfolio: every organisation where they are assessor, audits in progress, who moved."""

import re

import pytest

from assessments.models import Answer, Assessment, Role
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_discard, assessment_start, assessment_submit
from assessments.services.organizations import membership_set, team_create
from tests.conftest import complete_answers
from tests.factories import OrganizationFactory, UserFactory
from tests.reports.helpers import submit_and_compute
from tests.reports.views.helpers import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_client(cast):
    """Another organisation where the cast's assessor is assessor too, with one team."""
    organization = OrganizationFactory(name="Globex")
    membership_set(organization=organization, user=cast.assessor, role=Role.ASSESSOR)
    membership_set(organization=organization, user=cast.member, role=Role.MEMBER)
    return team_create(organization=organization, name="Pricing")


def test_it_lists_the_teams_of_every_organisation_where_the_user_is_assessor(client, cast, second_client):
    submit_and_compute(cast, 2, team=second_client)
    client.force_login(cast.assessor)

    organizations = client.get("/portfolio/").context["organizations"]

    assert [(o.name, [row.team for row in o.teams]) for o in organizations] == [
        ("Acme", ["Search"]),
        ("Globex", ["Pricing"]),
    ]
    # S = 8/3 everywhere: level 3 (7/3 <= S < 10/3), score 8/3 + 2/3 = 10/3.
    assert (organizations[1].teams[0].level, organizations[1].teams[0].score) == (3, 3.33)


def test_it_links_the_audits_in_progress_to_their_questionnaire(client, cast):
    assessment_discard(assessment=cast.assessment)
    audit = assessment_start(framework=cast.framework, team=cast.team, user=cast.assessor, kind=Assessment.Kind.AUDIT)
    client.force_login(cast.assessor)

    response = client.get("/portfolio/")

    assert [row.assessment_id for row in response.context["audits"]] == [audit.pk]
    assert f'href="/assessments/{audit.pk}/">Audit 1</a>' in response.content.decode()


@pytest.fixture
def audit_in_review(cast):
    """An audit the cast's assessor ran and submitted, now in review; a second assessor, grace, may review it."""
    assessment_discard(assessment=cast.assessment)
    audit = assessment_start(
        framework=cast.framework, team=cast.team, user=cast.assessor, kind=Assessment.Kind.AUDIT, review_required=True
    )
    answers_save(assessment=audit, user=cast.assessor, items=complete_answers(cast.framework))
    assessment_submit(assessment=audit, user=cast.assessor)
    return audit


def audit_link(response, audit) -> str:
    """Where "Audit 1" leads, followed by the in-review badge."""
    html = response.content.decode()
    start = html.index('<table class="audits">')
    found = re.search(r'<a href="([^"]+)">Audit 1</a> <span class="badge badge-in_review">', html[start:])
    assert found is not None
    assert [(row.assessment_id, row.status) for row in response.context["audits"]] == [(audit.pk, "in_review")]
    return found.group(1)


def test_the_consultant_who_submitted_an_audit_in_review_opens_its_summary(client, cast, audit_in_review):
    client.force_login(cast.assessor)

    assert audit_link(client.get("/portfolio/"), audit_in_review) == f"/assessments/{audit_in_review.pk}/summary/"


def test_another_assessor_who_may_review_it_opens_its_sign_off(client, cast, audit_in_review):
    grace = UserFactory(username="grace")
    membership_set(organization=cast.organization, user=grace, role=Role.ASSESSOR)
    client.force_login(grace)

    assert audit_link(client.get("/portfolio/"), audit_in_review) == f"/assessments/{audit_in_review.pk}/signoff/"


def test_an_assessor_who_wrote_answers_of_it_reads_its_report(client, cast, audit_in_review):
    """Who wrote answers of an assessment cannot review it (the second person rule): they read it."""
    grace = UserFactory(username="grace")
    membership_set(organization=cast.organization, user=grace, role=Role.ASSESSOR)
    Answer.objects.filter(assessment=audit_in_review).update(answered_by=grace)
    client.force_login(grace)

    assert audit_link(client.get("/portfolio/"), audit_in_review) == f"/assessments/{audit_in_review.pk}/report/"


def test_it_shows_who_improved_and_who_regressed(client, cast, second_client):
    submit_and_compute(cast, 1)
    submit_and_compute(cast, 2)
    submit_and_compute(cast, 3, team=second_client)
    submit_and_compute(cast, 1, team=second_client)
    client.force_login(cast.assessor)

    response = client.get("/portfolio/")

    assert [row.team for row in response.context["improved"]] == ["Search"]
    assert [row.team for row in response.context["regressed"]] == ["Pricing"]
    # Answered 1, 2, 3 everywhere: S = 4/3, 8/3, 4 in each area; levels 2, 3, 4; scores 4/3 + 2/3 = 2,
    # 8/3 + 2/3 = 10/3 (3.33), 4. Search: 2 -> 3.33.
    assert "Up 1.33 since the previous assessment" in page_text(response)


def test_someone_assessor_nowhere_gets_a_friendly_empty_page(client, cast):
    client.force_login(cast.owner)

    response = client.get("/portfolio/")

    assert response.status_code == 200
    assert "You are not an assessor in any organisation" in page_text(response)


def test_the_query_count_does_not_grow_with_organisations_or_teams(client, cast, django_assert_num_queries):
    submit_and_compute(cast, 1)
    client.force_login(cast.assessor)
    # with the menu's portfolio check, and the audits in review that the user may decide on
    with django_assert_num_queries(9) as small:
        client.get("/portfolio/")
    for index in range(3):
        organization = OrganizationFactory()
        membership_set(organization=organization, user=cast.assessor, role=Role.ASSESSOR)
        team = team_create(organization=organization, name=f"Team {index}")
        submit_and_compute(cast, 2, team=team)
        assessment_start(framework=cast.framework, team=team, user=cast.assessor, kind=Assessment.Kind.AUDIT)

    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get("/portfolio/").status_code == 200
