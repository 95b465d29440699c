"""The second pair of eyes is a second person: not the one who submitted, and not one who wrote any of the
answers (answered_by: a workshop's answers, or the agreed answers a survey's facilitator recorded). Refused
with a clear message on the page and in the API, nothing changed, and never offered to them."""

import pytest

from assessments.models import Assessment, Review
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from tests.api_helpers import api_as
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db

REFUSED = "You wrote answers of this assessment, so you cannot review it"


@pytest.fixture
def co_written(cast) -> Assessment:
    """In review: the owner answered one question, the member the rest and submitted."""
    cast.assessment.review_required = True
    cast.assessment.save(update_fields=["review_required"])
    items = complete_answers(cast.framework)
    answers_save(assessment=cast.assessment, user=cast.member, items=items[1:])
    answers_save(assessment=cast.assessment, user=cast.owner, items=[AnswerInput(items[0].question, 1, "")])
    assessment_submit(assessment=cast.assessment, user=cast.member)
    cast.assessment.refresh_from_db()
    return cast.assessment


@pytest.mark.parametrize("decision", ["accept", "return"])
def test_the_api_refuses_an_author_of_answers(cast, co_written, decision):
    body = {"comment": "Redo it."}

    response = api_as(cast.owner).post(f"/api/assessments/{co_written.pk}/{decision}/", body, format="json")

    assert response.status_code == 403
    assert REFUSED in response.json()["detail"]
    assert not Review.objects.exists()
    assert Assessment.objects.get(pk=co_written.pk).status == Assessment.Status.IN_REVIEW


def test_the_api_lets_a_reviewer_who_wrote_nothing_accept(cast, co_written):
    response = api_as(cast.assessor).post(f"/api/assessments/{co_written.pk}/accept/", {}, format="json")

    assert response.status_code == 201


def test_the_page_refuses_an_author_of_answers_and_offers_them_no_decision(client, cast, co_written):
    client.force_login(cast.owner)

    page = client.get(f"/assessments/{co_written.pk}/signoff/")
    posted = client.post(f"/assessments/{co_written.pk}/signoff/", {"decision": "accept"})

    assert page.status_code == 200
    assert REFUSED in page.content.decode()
    assert 'value="accept"' not in page.content.decode()
    assert posted.status_code == 403
    assert REFUSED in posted.content.decode()
    assert not Review.objects.exists()


def test_home_does_not_ask_an_author_of_answers_to_review_it(client, cast, co_written):
    client.force_login(cast.owner)
    mine = client.get("/").content.decode()
    client.force_login(cast.assessor)
    theirs = client.get("/").content.decode()

    assert f"/assessments/{co_written.pk}/signoff/" not in mine
    assert f"/assessments/{co_written.pk}/signoff/" in theirs


def test_it_refuses_the_facilitator_who_recorded_a_surveys_agreed_answers(cast):
    cast.assessment.mode = Assessment.Mode.SURVEY
    cast.assessment.review_required = True
    cast.assessment.save(update_fields=["mode", "review_required"])
    answers_save(assessment=cast.assessment, user=cast.assessor, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.owner)

    response = api_as(cast.assessor).post(f"/api/assessments/{cast.assessment.pk}/accept/", {}, format="json")

    assert response.status_code == 403
    assert REFUSED in response.json()["detail"]
