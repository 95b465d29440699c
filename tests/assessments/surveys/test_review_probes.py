"""Probes of the outside review of issue 20: a facilitator who is a respondent answers before reading the
others' answers, whichever way they would be read."""

import pytest
from rest_framework.test import APIClient

from assessments.models import Answer
from assessments.surveys.services import respondent_add
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
