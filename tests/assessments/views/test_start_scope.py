"""The team page's start form asks the framework's scope questions (issue 23): the questionnaire then asks only
what is in scope from its first page."""

import pytest

from assessments.models import Assessment
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_discard, assessment_start, assessment_submit
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(cast, scoped_framework):
    assessment_discard(assessment=cast.assessment)  # one draft per team: the tests start their own
    return cast.team


def start_url(team) -> str:
    return f"/teams/{team.pk}/assessments/"


def test_the_start_form_asks_each_scope_question(client, cast, team):
    client.force_login(cast.member)

    page = client.get(f"/teams/{team.pk}/").content.decode()

    assert "Is the team&#x27;s work regulated?" in page
    assert 'name="scope-regulated" value="yes"' in page
    assert "Credit, health, hiring." in page


def test_a_start_with_the_scope_answered_records_it(client, cast, team):
    client.force_login(cast.member)

    response = client.post(start_url(team), {"start": "blank", "scope-regulated": "no"})

    started = Assessment.objects.get(team=team)
    assert response.url == f"/assessments/{started.pk}/"
    assert started.scope == {"regulated": False}


def test_a_start_with_a_scope_unanswered_names_it_and_starts_nothing(client, cast, team):
    client.force_login(cast.member)

    response = client.post(start_url(team), {"start": "blank", "scope-regulated": "maybe"})

    assert response.status_code == 200
    assert response.context["start_form"].errors == {"scope-regulated": [response.context["start_form"].SCOPE_MESSAGE]}
    assert not Assessment.objects.filter(team=team).exists()


def test_the_form_offers_the_last_assessments_scope_answers(client, cast, team, scoped_framework):
    last = assessment_start(framework=scoped_framework, team=team, user=cast.member, scope={"regulated": False})
    answers_save(assessment=last, user=cast.member, items=complete_answers(scoped_framework))
    assessment_submit(assessment=last, user=cast.member)
    client.force_login(cast.member)

    form = client.get(f"/teams/{team.pk}/").context["start_form"]

    assert form["scope-regulated"].initial == "no"
