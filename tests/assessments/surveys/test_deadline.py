"""A survey's optional deadline: set with the respondents or on its own, on the page and through the API; never a
new one in the past; shown to respondents on their home."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assessments.errors import DeadlineInvalidError, RespondentInvalidError, SurveyClosedError
from assessments.models import Assessment, Respondent
from assessments.services.surveys import respondents_add, survey_deadline_set
from tests.api_helpers import api_as

pytestmark = pytest.mark.django_db


def days(count: int):
    return timezone.localdate() + timedelta(days=count)


def test_it_sets_the_deadline_with_the_respondents(cast, survey):
    respondents_add(assessment=survey, added_by=cast.owner, deadline=days(5), usernames=["member", "viewer"])

    survey.refresh_from_db()
    assert survey.deadline == days(5)
    assert survey.respondents.count() == 2


def test_a_refused_respondent_sets_no_deadline_and_adds_nobody(cast, survey):
    with pytest.raises(RespondentInvalidError):
        respondents_add(assessment=survey, added_by=cast.owner, deadline=days(5), usernames=["member", "nobody"])

    survey.refresh_from_db()
    assert (survey.deadline, survey.respondents.count()) == (None, 0)


def test_a_new_deadline_is_never_in_the_past_but_a_passed_one_may_stay(cast, survey):
    Assessment.objects.filter(pk=survey.pk).update(deadline=days(-3))
    survey.refresh_from_db()

    respondents_add(assessment=survey, added_by=cast.owner, deadline=days(-3), usernames=["member"])
    with pytest.raises(DeadlineInvalidError, match="cannot be in the past"):
        survey_deadline_set(assessment=survey, deadline=days(-1))

    survey.refresh_from_db()
    assert survey.deadline == days(-3)


def test_a_workshop_has_no_deadline(cast):
    with pytest.raises(SurveyClosedError):
        survey_deadline_set(assessment=cast.assessment, deadline=days(3))


def test_the_api_reads_sets_and_clears_the_deadline(cast, survey):
    respondents_add(assessment=survey, added_by=cast.owner, deadline=None, usernames=["member"])
    url = f"/api/assessments/{survey.pk}/survey/"

    read = api_as(cast.viewer).get(url)
    set_ = api_as(cast.assessor).patch(url, {"deadline": days(4).isoformat()}, format="json")
    cleared = api_as(cast.owner).patch(url, {"deadline": None}, format="json")

    assert (read.status_code, read.json()) == (
        200,
        {"deadline": None, "anonymous_responses": False, "open": True, "respondents": 1, "submitted": 0},
    )
    assert (set_.status_code, set_.json()["deadline"]) == (200, days(4).isoformat())
    assert (cleared.status_code, cleared.json()["deadline"]) == (200, None)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"deadline": "2020-01-01"}, "deadline"),
        ({"deadline": "soon"}, "deadline"),
        ({"until": None}, "until"),
        ({}, "detail"),
    ],
)
def test_the_api_names_a_bad_deadline_and_changes_nothing(cast, survey, body, field):
    response = api_as(cast.owner).patch(f"/api/assessments/{survey.pk}/survey/", body, format="json")

    assert (response.status_code, list(response.json())) == (400, [field])
    survey.refresh_from_db()
    assert survey.deadline is None


def test_the_api_sets_the_deadline_when_adding_a_respondent_and_keeps_it_when_left_out(cast, survey):
    url = f"/api/assessments/{survey.pk}/respondents/"
    facilitator = api_as(cast.owner)

    first = facilitator.post(url, {"username": "member", "deadline": days(6).isoformat()}, format="json")
    second = facilitator.post(url, {"username": "viewer"}, format="json")
    past = facilitator.post(url, {"username": "assessor", "deadline": "2020-01-01"}, format="json")

    assert (first.status_code, second.status_code) == (201, 201)
    assert (past.status_code, past.json()) == (400, {"deadline": ["The deadline cannot be in the past."]})
    survey.refresh_from_db()
    assert survey.deadline == days(6)
    assert not Respondent.objects.filter(user=cast.assessor).exists()


def test_the_api_answers_a_workshop_409(cast):
    response = api_as(cast.owner).get(f"/api/assessments/{cast.assessment.pk}/survey/")

    assert response.status_code == 409


def test_the_activity_records_each_change_of_the_deadline(client, cast, survey):
    """Its line says only "changed the assessment" for now (activity/builders.py is at the 400-line limit); the
    change itself, before and after, is folded under it."""
    api_as(cast.owner).patch(f"/api/assessments/{survey.pk}/survey/", {"deadline": days(3).isoformat()}, format="json")
    client.force_login(cast.owner)

    page = client.get(f"/assessments/{survey.pk}/activity/").content.decode()

    assert "owner changed the assessment" in page
    assert days(3).isoformat() in page
