"""A write racing a discard: the draft is found, then discarded by someone else before the write locks it.
Every write to a draft locks it with services.lock_draft, which answers 404 (as for any assessment that is
not there), never a 500, on pages and through the API."""

import pytest

from assessments import tenancy
from assessments.api.views import evidence, surveys
from assessments.models import Assessment, Respondent
from assessments.services.answers import answers_save
from assessments.services.surveys import respondent_add
from assessments.views import discard
from tests.api_helpers import api_as
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def discarded_after_lookup(monkeypatch):
    """Makes `module`'s assessment_or_404 find the draft, then delete it: the discard of another request that
    lands between the lookup and the lock, every time."""

    def patch(module):
        found = module.assessment_or_404

        def found_then_discarded(**kwargs):
            assessment = found(**kwargs)
            Assessment.objects.filter(pk=assessment.pk).delete()
            return assessment

        monkeypatch.setattr(module, "assessment_or_404", found_then_discarded)

    return patch


def test_it_answers_404_to_answers_saved_through_the_api_as_the_draft_is_discarded(cast, discarded_after_lookup):
    discarded_after_lookup(tenancy)

    response = api_as(cast.member).patch(
        f"/api/assessments/{cast.assessment.pk}/answers/", [{"question": "data.versioning", "value": 1}], format="json"
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "This assessment was discarded."}


def test_it_answers_404_to_a_submit_through_the_api_as_the_draft_is_discarded(cast, discarded_after_lookup):
    discarded_after_lookup(tenancy)

    response = api_as(cast.member).post(f"/api/assessments/{cast.assessment.pk}/submit/")

    assert response.status_code == 404


def test_it_answers_404_to_evidence_added_through_the_api_as_the_draft_is_discarded(cast, discarded_after_lookup):
    discarded_after_lookup(evidence)

    response = api_as(cast.member).post(
        f"/api/assessments/{cast.assessment.pk}/evidence/",
        {"question": "data.versioning", "url": "https://ci.example.com/1"},
        format="json",
    )

    assert response.status_code == 404


def test_it_answers_404_to_an_answer_saved_on_the_page_as_the_draft_is_discarded(client, cast, discarded_after_lookup):
    discarded_after_lookup(tenancy)
    client.force_login(cast.member)

    response = client.post(f"/assessments/{cast.assessment.pk}/answers/data.versioning/", {"value": "2"})

    assert response.status_code == 404


def test_it_answers_404_to_a_submit_on_the_page_as_the_draft_is_discarded(client, cast, discarded_after_lookup):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    discarded_after_lookup(tenancy)
    client.force_login(cast.member)

    response = client.post(f"/assessments/{cast.assessment.pk}/submit/", {"confirm": "on"})

    assert response.status_code == 404


def test_it_answers_404_to_a_second_discard_on_the_page(client, cast, discarded_after_lookup):
    discarded_after_lookup(discard)
    client.force_login(cast.owner)

    response = client.post(f"/assessments/{cast.assessment.pk}/discard/")

    assert response.status_code == 404


def test_it_answers_404_to_a_respondent_answering_as_they_are_removed(cast, monkeypatch):
    cast.assessment.mode = Assessment.Mode.SURVEY
    cast.assessment.save(update_fields=["mode"])
    respondent_add(assessment=cast.assessment, added_by=cast.owner, username=cast.member.username)
    found = surveys.my_respondent_or_403

    def found_then_removed(**kwargs):
        assessment, respondent = found(**kwargs)
        Respondent.objects.filter(pk=respondent.pk).delete()
        return assessment, respondent

    monkeypatch.setattr(surveys, "my_respondent_or_403", found_then_removed)

    response = api_as(cast.member).patch(
        f"/api/assessments/{cast.assessment.pk}/my-answers/",
        [{"question": "data.versioning", "value": 1}],
        format="json",
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "You are no longer a respondent."}
