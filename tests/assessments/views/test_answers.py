"""Saving one answer: htmx autosave answers a status fragment; a plain POST redirects to the question."""

import pytest

from assessments.models import Answer
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_submit
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def answer_url(cast, key: str = "data.versioning") -> str:
    return f"/assessments/{cast.assessment.pk}/answers/{key}/"


def test_it_autosaves_and_answers_the_status_fragment(client, cast):
    client.force_login(cast.member)

    response = client.post(answer_url(cast), {"value": "2", "comment": "in git"}, **HTMX)

    answer = Answer.objects.get()
    assert (answer.value, answer.comment, answer.answered_by) == (2, "in git", cast.member)
    assert "Saved " in response.content.decode()


def test_the_fragment_updates_the_progress_bars_out_of_band(client, cast):
    client.force_login(cast.member)

    html = client.post(answer_url(cast), {"value": "na", "comment": "no data"}, **HTMX).content.decode()

    assert '<div id="progress-overall" class="progress-overall" hx-swap-oob="true">' in html
    assert 'id="nav-area-data" class="area-nav-item current" hx-swap-oob="true"' in html
    # Over the work submitting needs: the answer given and the two level-1 questions; 4 above them may wait.
    assert "1/3" in html


def test_the_fragment_sends_the_areas_provisional_level_and_jumps_again(client, cast):
    level_1 = cast.framework.questions.filter(area__key="data", level=1).values_list("key", flat=True)
    client.force_login(cast.member)
    for key in level_1:
        html = client.post(answer_url(cast, key), {"value": "3"}, **HTMX).content.decode()

    assert '<div id="area-status" class="area-status" hx-swap-oob="true"' in html
    assert '<span class="badge level-badge level-1">Provisional level 1</span>' in html
    status = client.post(answer_url(cast, key), {"value": "3"}, **HTMX).context["status"]
    assert (status.level, status.area.key) == (1, "data")
    assert status.required == list(
        cast.framework.questions.filter(area__key="data", level=2).order_by("position").values_list("key", flat=True)
    )


def test_it_updates_an_answer(client, cast):
    client.force_login(cast.member)
    client.post(answer_url(cast), {"value": "1"}, **HTMX)

    client.post(answer_url(cast), {"value": "3", "comment": "now automated"}, **HTMX)

    assert Answer.objects.get().value == 3


def test_a_plain_post_redirects_to_the_question(client, cast):
    client.force_login(cast.member)

    response = client.post(answer_url(cast), {"value": "0"})

    assert response.url == f"/assessments/{cast.assessment.pk}/areas/data/#q-data.versioning"
    assert Answer.objects.get().value == 0


def test_not_applicable_needs_a_comment(client, cast):
    client.force_login(cast.member)

    response = client.post(answer_url(cast), {"value": "na", "comment": "  "}, **HTMX)

    assert response.status_code == 422
    assert "Not applicable needs a comment saying why" in response.content.decode()
    assert not Answer.objects.exists()


@pytest.mark.parametrize("value", ["7", "-1", "two", ""])
def test_it_refuses_a_bad_value(client, cast, value):
    client.force_login(cast.member)

    response = client.post(answer_url(cast), {"value": value}, **HTMX)

    assert response.status_code == 422
    assert "Choose one of the answers" in response.content.decode()
    assert not Answer.objects.exists()


def test_a_plain_post_with_errors_shows_the_page_again_with_what_was_sent(client, cast):
    client.force_login(cast.member)

    response = client.post(answer_url(cast), {"value": "na", "comment": ""})

    html = response.content.decode()
    assert response.status_code == 200
    assert '<input type="radio" name="value" value="na" checked aria-invalid="true">' in html
    assert "Not applicable needs a comment saying why" in html


def test_an_unknown_question_is_404(client, cast):
    client.force_login(cast.member)

    assert client.post(answer_url(cast, "data.nope"), {"value": "1"}).status_code == 404


def test_a_submitted_assessment_refuses_answers_with_409(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.member)
    client.force_login(cast.member)

    htmx_response = client.post(answer_url(cast), {"value": "0"}, **HTMX)
    plain_response = client.post(answer_url(cast), {"value": "0"})

    assert (htmx_response.status_code, plain_response.status_code) == (409, 409)
    assert "can no longer change" in htmx_response.content.decode()
    assert set(Answer.objects.values_list("value", flat=True)) == {2}


def optional_slot(html: str, key: str) -> str:
    start = html.index(f'<span id="optional-{key}" class="optional-slot" hx-swap-oob="true">')
    return html[start : html.index("</span>", start) + len("</span>")]


def test_the_fragment_sends_every_questions_optional_badge_again(client, cast):
    """Level 2 of data becomes required once its level 1 holds: the badges say so with the save that did it."""
    first = cast.framework.questions.filter(area__key="data", level=1).values_list("key", flat=True).first()
    client.force_login(cast.member)

    before = client.post(answer_url(cast, first), {"value": "0"}, **HTMX).content.decode()
    after = client.post(answer_url(cast, first), {"value": "3"}, **HTMX).content.decode()

    assert "Optional for now" in optional_slot(before, "data.versioning")
    assert "Optional for now" not in optional_slot(after, "data.versioning")
    assert "Optional for now" in optional_slot(after, "data.automatic_refresh")  # level 4 may still wait
    assert "Optional for now" not in optional_slot(after, first)  # answered


def test_a_comment_typed_before_the_answer_is_kept_and_the_answer_follows(client, cast):
    client.force_login(cast.member)

    first = client.post(answer_url(cast), {"value": "", "comment": "Ask Priya about DVC"}, **HTMX)
    kept = Answer.objects.values_list("value", "comment").get()
    client.post(answer_url(cast), {"value": "2", "comment": "Ask Priya about DVC"}, **HTMX)

    assert first.status_code == 200
    assert "Comment saved" in first.content.decode()
    assert kept == (None, "Ask Priya about DVC")
    assert Answer.objects.values_list("value", "comment").get() == (2, "Ask Priya about DVC")


def test_the_page_shows_a_comment_kept_before_the_answer(client, cast):
    client.force_login(cast.member)
    client.post(answer_url(cast), {"value": "", "comment": "Ask Priya about DVC"}, **HTMX)

    page = client.get(f"/assessments/{cast.assessment.pk}/areas/data/").content.decode()

    assert "Ask Priya about DVC</textarea>" in page
    assert "Comment saved" in page
