"""The summary: progress per area, the unanswered questions, and submitting."""

import pytest

from assessments.models import Assessment
from assessments.services import answers_save, assessment_submit
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db


def summary_url(cast) -> str:
    return f"/assessments/{cast.assessment.pk}/summary/"


def submit_url(cast) -> str:
    return f"/assessments/{cast.assessment.pk}/submit/"


def test_it_lists_the_unanswered_questions(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework)[:-2])
    client.force_login(cast.member)

    response = client.get(summary_url(cast))

    assert [row.question.key for row in response.context["unanswered"]] == [
        "governance.fairness",
        "governance.regulatory_lineage",
    ]
    assert 'areas/governance/#q-governance.fairness"' in response.content.decode()


def test_it_shows_answered_per_area(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework)[:3])
    client.force_login(cast.member)

    response = client.get(summary_url(cast))

    first = response.context["nav"][0]
    assert (first.area.key, first.progress.answered, first.progress.total) == ("people", 3, 7)


def test_the_submit_button_is_disabled_until_complete(client, cast):
    client.force_login(cast.member)

    html = client.get(summary_url(cast)).content.decode()

    assert 'aria-describedby="submit-help" disabled>Submit assessment</button>' in html


def test_submitting_an_incomplete_assessment_shows_an_error(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework)[:-1])
    client.force_login(cast.member)

    response = client.post(submit_url(cast))

    assert "Not submitted: 1 question(s) still need an answer." in response.content.decode()
    assert Assessment.objects.get().status == "draft"


def test_it_submits_a_complete_assessment(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    client.force_login(cast.member)

    response = client.post(submit_url(cast), follow=True)

    assert response.redirect_chain == [(f"/assessments/{cast.assessment.pk}/report/", 302)]
    assert (Assessment.objects.get().status, Assessment.objects.get().submitted_by) == ("submitted", cast.member)
    assert f"Submitted self-assessment #{cast.assessment.pk}." in response.content.decode()
    assert "The report is queued" in response.content.decode()


def test_submitting_twice_is_409(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.member)
    client.force_login(cast.member)

    response = client.post(submit_url(cast))

    assert response.status_code == 409
    assert "Submitted by <strong>member</strong>" in response.content.decode()
