"""Evidence required: chosen when starting or on the draft by a facilitator; submitting is refused, listing
them, while unsupported claims remain."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assessments.api.serializers.assessments import IncompleteSerializer
from assessments.errors import UnsupportedClaimsError
from assessments.models import Assessment
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from assessments.services.evidence import assessment_evidence_required_set
from tests.api_helpers import api_as
from tests.assessments.evidence.conftest import add_file, add_link
from tests.conftest import complete_answers
from tests.documented import assert_documented
from tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claimed(cast, question_key):
    """Every question answered 1 (started), but one level-3 practice fully in place: one claim, no evidence."""
    items = [
        item if item.question != question_key else AnswerInput(question_key, 3)
        for item in complete_answers(cast.framework, 1)
    ]
    answers_save(assessment=cast.assessment, user=cast.member, items=items)
    assessment_evidence_required_set(assessment=cast.assessment, required=True)
    return cast.assessment


def status_of(cast) -> str:
    return Assessment.objects.get(pk=cast.assessment.pk).status


def test_submitting_is_refused_while_a_claim_has_no_evidence(cast, claimed, question_key):
    with pytest.raises(UnsupportedClaimsError) as refused:
        assessment_submit(assessment=claimed, user=cast.member)

    assert [(claim.question, claim.reason) for claim in refused.value.claims] == [(question_key, "missing")]
    assert status_of(cast) == "draft"


def test_evidence_that_has_expired_does_not_count(cast, claimed, question_key):
    add_link(cast, question_key, valid_until=timezone.localdate() - timedelta(days=1))

    with pytest.raises(UnsupportedClaimsError) as refused:
        assessment_submit(assessment=claimed, user=cast.member)

    assert [claim.reason for claim in refused.value.claims] == ["expired"]


def test_with_evidence_it_is_submitted(cast, claimed, question_key):
    add_file(cast, question_key, valid_until=timezone.localdate())

    assessment_submit(assessment=claimed, user=cast.member)

    assert status_of(cast) == "submitted"


def test_without_the_requirement_claims_do_not_stop_a_submission(cast, claimed):
    assessment_evidence_required_set(assessment=claimed, required=False)

    assessment_submit(assessment=claimed, user=cast.member)

    assert status_of(cast) == "submitted"


def test_the_api_answers_400_listing_the_claims(cast, claimed, question_key):
    response = api_as(cast.member).post(f"/api/assessments/{cast.assessment.pk}/submit/")

    assert response.status_code == 400
    assert response.json()["unsupported_claims"] == [question_key]
    assert_documented(response.json(), IncompleteSerializer())
    assert status_of(cast) == "draft"


def test_the_review_page_lists_the_claims_and_refuses_the_submission(client, cast, claimed, question_key):
    client.force_login(cast.member)

    page = client.get(f"/assessments/{cast.assessment.pk}/review/").content.decode()
    response = client.post(f"/assessments/{cast.assessment.pk}/submit/", {"confirm": "on"})

    assert "Evidence required (1)" in page
    assert f"#q-{question_key}" in page
    assert "Add the evidence still required first." in page
    assert response.status_code == 400
    assert '<a href="#claims-heading">1 claim still needs evidence that holds.</a>' in response.content.decode()
    assert status_of(cast) == "draft"


def test_the_review_page_counts_each_answers_evidence_and_warns_of_claims_when_not_required(
    client, cast, claimed, question_key
):
    assessment_evidence_required_set(assessment=claimed, required=False)
    other = cast.framework.questions.filter(level=1).values_list("key", flat=True).first()
    add_link(cast, other)
    add_link(cast, other, url="https://x.example/2")
    client.force_login(cast.member)

    html = client.get(f"/assessments/{cast.assessment.pk}/review/").content.decode()

    assert "Unsupported claims (1)" in html
    assert "2 pieces of evidence" in html


def test_the_facilitator_switches_it_on_the_summary(client, cast):
    client.force_login(cast.assessor)

    page = client.get(f"/assessments/{cast.assessment.pk}/summary/").content.decode()
    response = client.post(f"/assessments/{cast.assessment.pk}/evidence-required/", {"evidence_required": "on"})

    assert 'name="evidence_required"' in page
    assert response.url == f"/assessments/{cast.assessment.pk}/summary/"
    cast.assessment.refresh_from_db()
    assert cast.assessment.evidence_required


def test_a_member_sees_it_but_cannot_switch_it(client, cast):
    assessment_evidence_required_set(assessment=cast.assessment, required=True)
    client.force_login(cast.member)

    page = client.get(f"/assessments/{cast.assessment.pk}/summary/").content.decode()
    response = client.post(f"/assessments/{cast.assessment.pk}/evidence-required/", {})

    assert "Evidence is required before submitting" in page
    assert 'name="evidence_required"' not in page
    assert response.status_code == 403
    cast.assessment.refresh_from_db()
    assert cast.assessment.evidence_required


def test_a_facilitator_starts_an_assessment_with_evidence_required(client, cast):
    team = TeamFactory(organization=cast.organization)
    client.force_login(cast.owner)

    page = client.get(f"/teams/{team.pk}/").content.decode()
    client.post(f"/teams/{team.pk}/assessments/", {"start": "blank", "evidence_required": "on"})

    assert 'name="evidence_required"' in page
    assert Assessment.objects.get(team=team).evidence_required


def test_a_member_is_not_offered_the_choice_and_is_refused_it(client, cast):
    team = TeamFactory(organization=cast.organization)
    client.force_login(cast.member)

    page = client.get(f"/teams/{team.pk}/").content.decode()
    refused = client.post(f"/teams/{team.pk}/assessments/", {"start": "blank", "evidence_required": "on"})
    client.post(f"/teams/{team.pk}/assessments/", {"start": "blank"})

    assert 'name="evidence_required"' not in page
    assert refused.status_code == 403
    assert not Assessment.objects.get(team=team).evidence_required
