"""The admin: every list renders, target history is read-only, a submitted assessment cannot be edited."""

import pytest
from django.contrib.auth import get_user_model

from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from assessments.services.targets import target_set
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, cast):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.com", "x"))
    return client


@pytest.mark.parametrize("model", ["organization", "team", "membership", "targetlevel", "assessment"])
def test_it_lists_every_model(admin_client, cast, model):
    target_set(team=cast.team, framework=cast.framework, area_key="data", level=2, user=cast.owner)

    assert admin_client.get(f"/admin/assessments/{model}/").status_code == 200


def test_it_opens_an_organisation_with_members_and_teams(admin_client, cast):
    html = admin_client.get(f"/admin/assessments/organization/{cast.organization.pk}/change/").content.decode()

    assert 'name="memberships-0-role"' in html
    assert 'name="teams-0-name"' in html


def test_targets_cannot_be_changed(admin_client, cast):
    target = target_set(team=cast.team, framework=cast.framework, area_key="data", level=2, user=cast.owner)

    html = admin_client.get(f"/admin/assessments/targetlevel/{target.pk}/change/").content.decode()

    assert 'name="level"' not in html


def test_answers_of_a_draft_can_be_corrected(admin_client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput("data.versioning", 1)])

    html = admin_client.get(f"/admin/assessments/assessment/{cast.assessment.pk}/change/").content.decode()

    assert 'name="answers-0-value"' in html


def test_a_dont_know_answer_shows_as_such_in_the_admin(admin_client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput("data.versioning", "unknown")])

    html = admin_client.get(f"/admin/assessments/assessment/{cast.assessment.pk}/change/").content.decode()

    assert 'name="answers-0-unknown" id="id_answers-0-unknown" checked' in html


def test_a_submitted_assessment_is_read_only(admin_client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.member)

    html = admin_client.get(f"/admin/assessments/assessment/{cast.assessment.pk}/change/").content.decode()

    assert 'name="answers-0-value"' not in html
    assert 'name="kind"' not in html
