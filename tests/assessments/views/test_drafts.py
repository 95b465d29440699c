"""The pages: starting while the team has a draft opens it, and discarding a draft after a confirmation."""

import pytest

from assessments.models import Assessment
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_submit
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db


def discard_url(cast) -> str:
    return f"/assessments/{cast.assessment.pk}/discard/"


def submit(cast) -> None:
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.member)


def test_starting_while_the_team_has_a_draft_opens_it_with_a_message(client, cast):
    client.force_login(cast.member)

    response = client.post(f"/teams/{cast.team.pk}/assessments/", {"start": "blank"}, follow=True)

    assert response.redirect_chain[0][0] == f"/assessments/{cast.assessment.pk}/"
    assert "Search has a draft already" in response.content.decode()
    assert cast.team.assessments.count() == 1


def test_the_team_page_offers_to_continue_or_discard_the_draft(client, cast):
    client.force_login(cast.owner)

    page = client.get(f"/teams/{cast.team.pk}/").content.decode()

    assert "Self-assessment 1 is in progress" in page
    assert discard_url(cast) in page
    assert "Start assessment" not in page


def test_a_member_is_not_offered_to_discard(client, cast):
    client.force_login(cast.member)

    assert discard_url(cast) not in client.get(f"/teams/{cast.team.pk}/").content.decode()


def test_it_asks_for_confirmation_before_discarding(client, cast):
    client.force_login(cast.assessor)

    response = client.get(discard_url(cast))

    assert response.status_code == 200
    assert "Discard self-assessment 1?" in response.content.decode()
    assert Assessment.objects.filter(pk=cast.assessment.pk).exists()


def test_confirming_discards_the_draft_and_returns_to_the_team(client, cast):
    client.force_login(cast.owner)

    response = client.post(discard_url(cast), follow=True)

    assert response.redirect_chain == [(f"/teams/{cast.team.pk}/", 302)]
    assert "Discarded Self-assessment 1 of Search" in response.content.decode()
    assert not Assessment.objects.filter(pk=cast.assessment.pk).exists()


def test_a_submitted_assessment_cannot_be_discarded(client, cast):
    submit(cast)
    client.force_login(cast.owner)

    response = client.post(discard_url(cast))

    assert response.status_code == 409
    assert "cannot be discarded" in response.content.decode()
    assert Assessment.objects.filter(pk=cast.assessment.pk).exists()


def test_a_member_may_not_discard(client, cast):
    client.force_login(cast.member)

    assert client.post(discard_url(cast)).status_code == 403


def test_pages_name_the_assessment_by_its_number(client, cast):
    client.force_login(cast.member)

    page = client.get(f"/assessments/{cast.assessment.pk}/summary/").content.decode()

    assert "<title>Summary · Self-assessment 1 of Search" in page
    assert f"#{cast.assessment.pk}" not in page
