"""The review before submitting: every answer by area, the provisional result, what is still required, and
submitting with the confirmation that it cannot be undone."""

import re

import pytest
from django.utils.html import escape

from assessments.models import Assessment
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db

CONFIRMED = {"confirm": "on"}
# session, user, the assessment, its answers, its links, the latest review decision and a returned one's
# comments, a spare
REVIEW_PAGE_QUERIES = 8


def level_of(cast, key: str) -> int:
    return cast.framework.questions.get(key=key).level


def statement(cast, key: str) -> str:
    return escape(cast.framework.questions.get(key=key).statement)


def review_url(cast) -> str:
    return f"/assessments/{cast.assessment.pk}/review/"


def submit_url(cast) -> str:
    return f"/assessments/{cast.assessment.pk}/submit/"


def test_it_lists_every_answer_by_area_with_its_comment(client, cast):
    answers_save(
        assessment=cast.assessment,
        user=cast.member,
        items=[
            AnswerInput("data.versioning", 3, "DVC, <b>every</b> dataset"),
            AnswerInput("people.shared_repository", "na", "A team of one"),
        ],
    )
    client.force_login(cast.member)

    response = client.get(review_url(cast))

    html = response.content.decode()
    headings = re.findall(r'<h3 id="review-([\w-]+)">', html)
    assert headings == list(cast.framework.areas.order_by("position").values_list("key", flat=True))
    listed = html.count("<dt>") + html.count('<li class="review-optional-question">')
    assert listed == cast.framework.questions.count()
    assert "DVC, &lt;b&gt;every&lt;/b&gt; dataset" in html
    data = next(area for area in response.context["areas"] if area.area.key == "data")
    versioning = next(answer for answer in data.answers if answer.row.question.key == "data.versioning")
    assert (versioning.label, versioning.row.comment) == ("Fully in place", "DVC, <b>every</b> dataset")
    assert '<span class="badge answer-na">Not applicable</span>' in html
    assert "A team of one" in html


def test_it_shows_the_provisional_result_overall_and_per_area(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework, value=3))
    client.force_login(cast.member)

    response = client.get(review_url(cast))

    assert response.context["now"].overall_level == 4
    assert {area.level for area in response.context["areas"]} == {4}
    assert '<span class="badge level-badge level-4">Level 4</span>' in response.content.decode()


def test_it_lists_the_questions_still_required_and_keeps_the_submit_disabled(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework)[:-2])
    client.force_login(cast.member)

    response = client.get(review_url(cast))

    html = response.content.decode()
    assert [row.question.key for row in response.context["required"]] == ["governance.fairness"]
    assert "Still required (1)" in html
    assert 'areas/governance/#q-governance.fairness"' in html
    assert 'aria-describedby="submit-help" disabled>Submit assessment</button>' in html


def test_it_folds_the_optional_blanks_and_shows_the_required_ones(client, cast):
    # Level-1 practices answered "not in place" but one: every area is at level 0, so up to level 1 is
    # required (the blank one), and levels 2 to 4 are optional.
    items = [item for item in complete_answers(cast.framework, value=0) if level_of(cast, item.question) == 1]
    blank = items.pop(0).question
    answers_save(assessment=cast.assessment, user=cast.member, items=items)
    client.force_login(cast.member)

    response = client.get(review_url(cast))

    html = response.content.decode()
    [area] = [item for item in response.context["areas"] if any(a.row.question.key == blank for a in item.answers)]
    shown = html[html.index(f'id="area-{area.area.key}"') :]
    shown = shown[: shown.index("</section>")]
    listed, folded = shown.split('<details class="review-optional">')
    assert statement(cast, blank) in listed
    assert "required</strong>" in listed
    assert f"{len(area.folded)} optional questions not answered</summary>" in folded
    assert {answer.row.question.level for answer in area.folded} == {2, 3, 4}
    assert all(statement(cast, answer.row.question.key) in folded for answer in area.folded)


def test_it_asks_for_the_confirmation(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    client.force_login(cast.member)

    html = client.get(review_url(cast)).content.decode()

    assert 'type="checkbox" name="confirm" id="id_confirm"' in html
    assert "I understand a submitted assessment cannot be changed" in html
    assert 'aria-describedby="submit-help">Submit assessment</button>' in html


def problems_at_the_top(html: str) -> str:
    """The summary of why the submission was refused: first in the page's content, and focused as it loads."""
    content = html[html.index("<main") :]
    assert content.index('<div class="error-summary" id="problems" tabindex="-1" autofocus>') < content.index("<h1")
    summary = content[content.index('<div class="error-summary"') :]
    return summary[: summary.index("</div>")]


def test_submitting_without_the_confirmation_is_a_form_error(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    client.force_login(cast.member)

    response = client.post(submit_url(cast), {})

    assert response.status_code == 400
    assert "Tick the box to confirm that a submitted assessment cannot be changed." in response.content.decode()
    assert 'aria-invalid="true" aria-describedby="confirm-errors"' in response.content.decode()
    assert Assessment.objects.get().status == "draft"


def test_a_refused_submission_says_why_at_the_top_linking_to_the_tick(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    client.force_login(cast.member)

    summary = problems_at_the_top(client.post(submit_url(cast), {}).content.decode())

    assert "<h2>Not submitted</h2>" in summary
    assert '<a href="#id_confirm">Tick the box to confirm that a submitted assessment cannot be changed.</a>' in summary


def test_the_tick_sits_beside_the_submit_button(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    client.force_login(cast.member)

    html = client.get(review_url(cast)).content.decode()

    row = html[html.index('<div class="submit-row">') :]
    row = row[: row.index("</div>")]
    assert row.index('id="id_confirm"') < row.index(">Submit assessment</button>")


def test_it_submits_a_complete_confirmed_assessment(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    client.force_login(cast.member)

    response = client.post(submit_url(cast), CONFIRMED, follow=True)

    assert response.redirect_chain == [(f"/assessments/{cast.assessment.pk}/summary/", 302)]
    assert (Assessment.objects.get().status, Assessment.objects.get().submitted_by) == ("submitted", cast.member)
    assert "Submitted Self-assessment 1 of Search." in response.content.decode()
    assert f'href="/assessments/{cast.assessment.pk}/report/"' in response.content.decode()


def test_submitting_an_incomplete_assessment_shows_an_error(client, cast):
    # A level-1 practice is always required (adaptive depth asks up to one level above the area's).
    items = [item for item in complete_answers(cast.framework) if item.question != "governance.access_control"]
    answers_save(assessment=cast.assessment, user=cast.member, items=items)
    client.force_login(cast.member)

    response = client.post(submit_url(cast), CONFIRMED)

    assert response.status_code == 400
    summary = problems_at_the_top(response.content.decode())
    assert '<a href="#required-heading">1 required question still unanswered.</a>' in summary
    assert 'id="required-heading"' in response.content.decode()
    assert 'name="confirm" id="id_confirm" checked' in response.content.decode()  # ticked, as it was sent
    assert Assessment.objects.get().status == "draft"


def test_submitting_what_is_not_a_draft_says_so(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.member)
    client.force_login(cast.member)

    response = client.post(submit_url(cast), {})

    assert response.status_code == 409
    assert "This assessment is submitted: it can no longer change." in response.content.decode()


def test_a_submitted_assessment_reads_without_the_confirmation(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.member)
    client.force_login(cast.member)

    html = client.get(review_url(cast)).content.decode()

    assert "Submitted by <strong>member</strong>" in html
    assert 'name="confirm"' not in html
    assert '<h2 id="result-heading">Result</h2>' in html


def test_viewers_read_it_without_the_confirmation(client, cast):
    client.force_login(cast.viewer)

    html = client.get(review_url(cast)).content.decode()

    assert html.count("<dt>") + html.count('<li class="review-optional-question">') == cast.framework.questions.count()
    assert 'name="confirm"' not in html


@pytest.mark.parametrize("answered", [0, 56])
def test_it_does_not_grow_with_answers(client, cast, django_assert_max_num_queries, answered):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework)[:answered])
    client.force_login(cast.member)

    with django_assert_max_num_queries(REVIEW_PAGE_QUERIES):
        client.get(review_url(cast))
