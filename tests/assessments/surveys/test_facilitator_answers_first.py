"""A facilitator who is a respondent too answers before reading the others' answers, whichever way they
would be read: the consensus, its medians, or the agreed answers recorded from them."""

import pytest
from rest_framework.test import APIClient

from assessments.models import Answer
from assessments.services.surveys import respondent_add
from tests.assessments.surveys.conftest import first_keys, member, responded

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner_still_to_answer(cast, survey):
    """The owner is a respondent who has not submitted; a member has."""
    respondent_add(assessment=survey, added_by=cast.owner, username=cast.owner.username)
    key = first_keys(cast.framework, 1)[0]
    responded(cast, survey, member(cast, "ada"), {key: 3})
    return survey


def test_it_refuses_the_medians_to_a_facilitator_who_has_not_answered_yet_through_the_api(cast, owner_still_to_answer):
    client = APIClient()
    client.force_authenticate(cast.owner)

    response = client.post(f"/api/assessments/{owner_still_to_answer.pk}/consensus/medians/")

    assert response.status_code == 403
    assert not Answer.objects.filter(assessment=owner_still_to_answer).exists()


def test_it_refuses_the_medians_to_a_facilitator_who_has_not_answered_yet_on_the_page(
    client, cast, owner_still_to_answer
):
    client.force_login(cast.owner)

    response = client.post(f"/assessments/{owner_still_to_answer.pk}/consensus/medians/")

    assert response.status_code == 403
    assert not Answer.objects.filter(assessment=owner_still_to_answer).exists()


def test_an_assessor_who_is_no_respondent_still_records_the_medians(cast, owner_still_to_answer):
    client = APIClient()
    client.force_authenticate(cast.assessor)

    response = client.post(f"/api/assessments/{owner_still_to_answer.pk}/consensus/medians/")

    assert (response.status_code, response.json()) == (200, {"recorded": 1})


def test_a_facilitator_who_has_not_answered_yet_reads_no_agreed_answer(cast, owner_still_to_answer):
    """The agreed answers an assessor recorded from the others' medians are the others' answers too."""
    assessor = APIClient()
    assessor.force_authenticate(cast.assessor)
    assert assessor.post(f"/api/assessments/{owner_still_to_answer.pk}/consensus/medians/").status_code == 200
    owner = APIClient()
    owner.force_authenticate(cast.owner)

    detail = owner.get(f"/api/assessments/{owner_still_to_answer.pk}/")
    export = owner.get(f"/api/assessments/{owner_still_to_answer.pk}/export.csv")

    assert (detail.status_code, export.status_code) == (403, 403)


def test_a_facilitator_who_has_not_answered_yet_writes_no_agreed_answer_whose_answer_would_show_them(
    client, cast, owner_still_to_answer
):
    """The answers and scope endpoints answer with every agreed answer: refused before anything is saved."""
    key = first_keys(cast.framework, 1)[0]
    owner = APIClient()
    owner.force_authenticate(cast.owner)
    client.force_login(cast.owner)
    base = f"/api/assessments/{owner_still_to_answer.pk}"

    answers = owner.patch(f"{base}/answers/", [{"question": key, "value": 1}], format="json")
    settings = owner.patch(f"{base}/settings/", {"evidence_required": True}, format="json")
    page = client.post(f"/assessments/{owner_still_to_answer.pk}/answers/{key}/", {"value": "1"})

    assert (answers.status_code, settings.status_code, page.status_code) == (403, 403, 403)
    assert "Submit your own answers first" in answers.json()["detail"]
    assert not Answer.objects.filter(assessment=owner_still_to_answer).exists()
    owner_still_to_answer.refresh_from_db()
    assert owner_still_to_answer.evidence_required is False


def test_once_they_submitted_the_facilitator_reads_and_records_again(cast, owner_still_to_answer):
    key = first_keys(cast.framework, 1)[0]
    owner = APIClient()
    owner.force_authenticate(cast.owner)
    base = f"/api/assessments/{owner_still_to_answer.pk}"
    assert owner.patch(f"{base}/my-answers/", [{"question": key, "value": 2}], format="json").status_code == 200
    assert owner.post(f"{base}/my-answers/submit/").status_code == 200

    answers = owner.patch(f"{base}/answers/", [{"question": key, "value": 1}], format="json")

    assert answers.status_code == 200
    assert owner.get(f"{base}/").status_code == 200
