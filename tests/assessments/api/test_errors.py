"""A domain error of an assessments service reaches the client through core.api's exception handler, with its
status and body; no view catches it."""

import pytest

from assessments.errors import OWN_ANSWERS_MESSAGE
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_submit
from tests.api_helpers import api_as
from tests.assessments.reviews.conftest import submit_for_review
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db


def test_it_answers_starting_while_one_is_in_review_with_a_409_naming_it(cast):
    in_review = submit_for_review(cast)

    response = api_as(cast.owner).post("/api/assessments/", {"team": cast.team.pk}, format="json")

    assert (response.status_code, response.json()["draft"]) == (409, in_review.pk)
    assert "has an assessment in review" in response.json()["detail"]


def test_it_answers_reviewing_answers_one_wrote_with_a_403(cast):
    cast.assessment.review_required = True
    cast.assessment.save(update_fields=["review_required"])
    answers_save(assessment=cast.assessment, user=cast.assessor, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.member)

    response = api_as(cast.assessor).post(f"/api/assessments/{cast.assessment.pk}/accept/", {}, format="json")

    assert (response.status_code, response.json()) == (403, {"detail": OWN_ANSWERS_MESSAGE})
