"""Two reviewers deciding at the same moment: the row is locked, so one decision is taken and the other
finds the assessment decided (409), whichever comes first."""

import threading

import pytest
from django.db import connection

from assessments.models import Assessment, Review
from tests.api_helpers import api_as
from tests.assessments.reviews.conftest import submit_for_review


@pytest.mark.django_db(transaction=True)
def test_two_decisions_at_once_take_one(cast):
    assessment = submit_for_review(cast)
    barrier = threading.Barrier(2)
    statuses = []

    def decide(user, action, body):
        barrier.wait()
        try:
            url = f"/api/assessments/{assessment.pk}/{action}/"
            statuses.append(api_as(user).post(url, body, format="json").status_code)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=(cast.owner, "accept", {})),
        threading.Thread(target=decide, args=(cast.assessor, "return", {"comment": "Redo the data area."})),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(statuses) == [201, 409]
    (review,) = Review.objects.all()
    status = Assessment.objects.get(pk=assessment.pk).status
    assert (review.decision, status) in {("accepted", "submitted"), ("returned", "draft")}
