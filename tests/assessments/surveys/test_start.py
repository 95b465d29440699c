"""Starting in survey mode: the facilitator's choice, on the team page and in the API; workshop by default."""

import pytest

from assessments.models import Assessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_draft(cast):
    cast.assessment.delete()
    return cast


def test_it_starts_a_survey_from_the_team_page(client, no_draft):
    client.force_login(no_draft.assessor)

    response = client.post(
        f"/teams/{no_draft.team.pk}/assessments/", {"start": "blank", "mode": "survey", "anonymous_responses": "on"}
    )

    assessment = Assessment.objects.get()
    assert (assessment.mode, assessment.anonymous_responses) == ("survey", True)
    assert response.url == f"/assessments/{assessment.pk}/respondents/"


def test_it_starts_a_workshop_by_default(client, no_draft):
    client.force_login(no_draft.owner)

    client.post(f"/teams/{no_draft.team.pk}/assessments/", {"start": "blank", "anonymous_responses": "on"})

    assert Assessment.objects.values_list("mode", "anonymous_responses").get() == ("workshop", False)


def test_it_offers_the_choice_to_facilitators_only(client, no_draft):
    client.force_login(no_draft.member)

    page = client.get(f"/teams/{no_draft.team.pk}/").content.decode()

    assert "Anonymous responses" not in page
    assert "Who answers" not in page


def test_it_refuses_a_survey_posted_by_a_member_on_the_team_page(client, no_draft):
    client.force_login(no_draft.member)

    response = client.post(f"/teams/{no_draft.team.pk}/assessments/", {"start": "blank", "mode": "survey"})

    assert response.status_code == 403
    assert "Only owners and assessors run a survey" in response.content.decode()
    assert not Assessment.objects.exists()


def test_it_refuses_required_evidence_posted_by_a_member_on_the_team_page(client, no_draft):
    client.force_login(no_draft.member)

    response = client.post(f"/teams/{no_draft.team.pk}/assessments/", {"start": "blank", "evidence_required": "on"})

    assert response.status_code == 403
    assert not Assessment.objects.exists()


def test_it_starts_a_survey_through_the_api(client, no_draft):
    client.force_login(no_draft.owner)

    response = client.post(
        "/api/assessments/",
        {"team": no_draft.team.pk, "mode": "survey", "anonymous_responses": True},
        content_type="application/json",
    )

    assert response.status_code == 201
    assert (response.json()["mode"], response.json()["anonymous_responses"]) == ("survey", True)


def test_it_refuses_a_survey_to_a_member_and_a_bad_mode(client, no_draft):
    client.force_login(no_draft.member)

    refused = client.post(
        "/api/assessments/", {"team": no_draft.team.pk, "mode": "survey"}, content_type="application/json"
    )
    bad = client.post("/api/assessments/", {"team": no_draft.team.pk, "mode": "poll"}, content_type="application/json")

    assert refused.status_code == 403
    assert (bad.status_code, list(bad.json())) == (400, ["mode"])
    assert not Assessment.objects.exists()
