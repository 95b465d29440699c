"""The reviewer's sign-off page counts the don't know answers, per area and in all, with who answered each."""

import pytest

from assessments.models import Assessment
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db


def test_the_signoff_page_counts_dont_know_with_who_answered(client, cast):
    cast.assessment.review_required = True
    cast.assessment.save(update_fields=["review_required"])
    items = complete_answers(cast.framework)
    items[0] = AnswerInput(items[0].question, "unknown")
    answers_save(assessment=cast.assessment, user=cast.member, items=items)
    assessment_submit(assessment=cast.assessment, user=cast.member)
    assert Assessment.objects.get().status == Assessment.Status.IN_REVIEW
    client.force_login(cast.assessor)

    html = client.get(f"/assessments/{cast.assessment.pk}/signoff/").content.decode()

    assert "1 answer is “Don't know”: scored as not in place" in html
    assert '<small class="muted">1 “Don\'t know”</small></summary>' in html
    assert 'Don&#x27;t know</span> <small class="muted">answered by member</small>' in html
