"""An invited respondent's address is for those who run the survey, in the consensus as on the respondents
page."""

import pytest
from rest_framework.test import APIClient

from assessments.services.surveys import respondent_add
from tests.assessments.surveys.conftest import first_keys, member, responded

pytestmark = pytest.mark.django_db


def test_a_respondent_reading_the_consensus_reads_no_invited_address(client, cast, survey):
    """Invited addresses are for those who run surveys (the respondents page and API say so); the consensus a
    respondent reads after submitting names the invited one as the others do."""
    key = first_keys(cast.framework, 1)[0]
    respondent_add(assessment=survey, added_by=cast.owner, email="new.hire@corp.example")
    ada = member(cast, "ada")
    responded(cast, survey, ada, {key: 3})
    api = APIClient()
    api.force_authenticate(ada)
    client.force_login(ada)

    body = api.get(f"/api/assessments/{survey.pk}/consensus/")
    page = client.get(f"/assessments/{survey.pk}/consensus/")

    assert (body.status_code, page.status_code) == (200, 200)
    assert "new.hire@corp.example" not in str(body.json())
    assert "new.hire@corp.example" not in page.content.decode()
    assert "Someone invited by email" in [r["name"] for r in body.json()["respondents"]]


def test_the_facilitator_reading_the_consensus_reads_the_invited_address(cast, survey):
    respondent_add(assessment=survey, added_by=cast.owner, email="new.hire@corp.example")
    api = APIClient()
    api.force_authenticate(cast.assessor)

    body = api.get(f"/api/assessments/{survey.pk}/consensus/")

    assert "new.hire@corp.example" in str(body.json())
