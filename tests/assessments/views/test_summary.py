"""The summary: progress per area, the unanswered questions, the scope, and the way to the review."""

import pytest

from assessments.models import Assessment
from assessments.selectors.answers import Progress
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_discard, assessment_scope_set, assessment_start
from reports.models import Report
from reports.services import report_compute
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


def test_it_links_to_the_review_where_the_assessment_is_submitted(client, cast):
    client.force_login(cast.member)

    html = client.get(summary_url(cast)).content.decode()

    assert f'<a href="/assessments/{cast.assessment.pk}/review/" role="button"' in html
    assert "Submit assessment" not in html


def test_it_shows_answered_per_area(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework)[:3])
    client.force_login(cast.member)

    response = client.get(summary_url(cast))

    first = response.context["nav"][0]
    # Of people's 7 questions: the 3 answered, 1 still required, and 3 above them that may stay unanswered.
    assert (first.area.key, first.progress) == ("people", Progress(answered=3, total=4, optional=3))


def test_questions_that_cannot_change_the_result_are_optional_and_the_rest_submits(client, cast):
    """Level 1 of every area answered "not in place": every area is at level 0, so only level 1 is asked."""
    level_1 = cast.framework.questions.filter(level=1).values_list("key", flat=True)
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(key, 0) for key in level_1])
    client.force_login(cast.member)

    page = client.get(summary_url(cast))
    response = client.post(submit_url(cast), {"confirm": "on"}, follow=True)

    assert (page.context["required"], page.context["ready"]) == ([], True)
    assert len(page.context["optional"]) == cast.framework.questions.exclude(level=1).count()
    assert "Optional for now" in page.content.decode()
    assert {item.level for item in page.context["nav"]} == {0}
    assert Assessment.objects.get().status == "submitted"
    assert response.status_code == 200


def test_the_questionnaire_marks_the_optional_questions(client, cast):
    client.force_login(cast.member)

    response = client.get(f"/assessments/{cast.assessment.pk}/areas/data/")

    optional = [item for group in response.context["groups"] for item in group.questions if item.optional]
    assert {item.row.question.level for item in optional} == {2, 3, 4}
    assert "Optional for now" in response.content.decode()


def test_an_area_out_of_scope_asks_nothing_and_says_so(client, cast, scoped_framework):
    assessment_discard(assessment=cast.assessment)  # one draft per team: this one, on the scoped framework
    draft = assessment_start(framework=scoped_framework, team=cast.team, user=cast.member)
    assessment_scope_set(assessment=draft, answers={"regulated": False})
    items = [AnswerInput(q.key, 2, "see the wiki") for q in scoped_framework.questions.exclude(area__key="governance")]
    answers_save(assessment=draft, user=cast.member, items=items)
    client.force_login(cast.member)

    page = client.get(f"/assessments/{draft.pk}/summary/")
    submitted = client.post(f"/assessments/{draft.pk}/submit/", {"confirm": "on"})
    report_compute(assessment_id=draft.pk)

    assert (page.context["required"], page.context["optional"], page.context["ready"]) == ([], [], True)
    assert [item.area.key for item in page.context["nav"] if item.out_of_scope] == ["governance"]
    assert submitted.status_code == 302
    content = Report.objects.get(assessment=draft).content
    governance = next(area for area in content["areas"] if area["key"] == "governance")
    assert governance["explanation"].startswith("Out of scope")
    assert {note["area"] for note in content["notes"]} == {area.key for area in scoped_framework.areas.all()} - {
        "governance"
    }
