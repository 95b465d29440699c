"""The questionnaire pages: one per area, questions grouped by level; read-only once submitted."""

import re

import pytest

from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db


def area_url(cast, area_key: str = "data") -> str:
    return f"/assessments/{cast.assessment.pk}/areas/{area_key}/"


def answer_forms(html: str) -> list[str]:
    return re.findall(r'<form method="post" action="/assessments/\d+/answers/([\w.]+)/"', html)


def test_it_redirects_to_the_first_area(client, cast):
    client.force_login(cast.member)

    response = client.get(f"/assessments/{cast.assessment.pk}/")

    assert response.url == area_url(cast, "people")


def test_it_renders_every_question_of_the_area_grouped_by_level(client, cast):
    client.force_login(cast.member)

    html = client.get(area_url(cast)).content.decode()

    questions = cast.framework.questions.filter(area__key="data").order_by("level", "position")
    assert answer_forms(html) == [question.key for question in questions]
    assert re.findall(r"<h2 id=\"level-\d\">(Level .+?)</h2>", html) == [
        "Level 1 · DevOps but no MLOps",
        "Level 2 · Automated training",
        "Level 3 · Automated model deployment",
        "Level 4 · Full MLOps automated operations",
    ]


def test_it_shows_saved_answers_and_progress(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput("data.versioning", 2, "in git")])
    client.force_login(cast.member)

    response = client.get(area_url(cast))

    html = response.content.decode()
    assert '<input type="radio" name="value" value="2" checked>' in html
    assert ">in git</textarea>" in html
    assert response.context["overall"].answered == 1


def test_it_answers_404_for_an_unknown_area(client, cast):
    client.force_login(cast.member)

    assert client.get(area_url(cast, "nope")).status_code == 404


def test_it_links_the_neighbouring_areas_and_the_summary(client, cast):
    client.force_login(cast.member)

    html = client.get(area_url(cast)).content.decode()

    assert f'href="{area_url(cast, "people")}" rel="prev"' in html
    assert f'href="{area_url(cast, "experiments")}" rel="next"' in html
    assert f'href="/assessments/{cast.assessment.pk}/summary/"' in html


def test_viewers_read_without_forms(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput("data.versioning", 3, "in git")])
    client.force_login(cast.viewer)

    html = client.get(area_url(cast)).content.decode()

    assert answer_forms(html) == []
    assert "Fully in place" in html


def test_a_submitted_assessment_is_read_only(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.member)
    client.force_login(cast.member)

    html = client.get(area_url(cast)).content.decode()

    assert answer_forms(html) == []
    assert "Submitted by <strong>member</strong> on" in html


def test_a_question_card_folds_its_comment_and_guidance_and_keeps_a_save_button_for_no_javascript(client, cast):
    client.force_login(cast.member)

    html = client.get(area_url(cast)).content.decode()

    card = re.search(r'<article class="question" id="q-data.versioning".*?</article>', html, re.S).group(0)
    assert '<details class="guidance">' in card
    assert '<details class="comment">\n        <summary>Add a comment</summary>' in card
    assert '<label for="comment-data.versioning">Comment' in card
    assert '<button type="submit" class="secondary save-button">Save</button>' in card
    assert re.findall(r'name="value" value="(\w+)"', card) == ["0", "1", "2", "3", "na", "unknown"]


def test_the_comment_is_open_when_there_is_one_or_the_answer_is_not_applicable(client, cast):
    answers_save(
        assessment=cast.assessment,
        user=cast.member,
        items=[AnswerInput("data.versioning", 2, "in git"), AnswerInput("data.schema_validation", "na", "no schema")],
    )
    client.force_login(cast.member)

    html = client.get(area_url(cast)).content.decode()

    assert html.count('<details class="comment" open>') == 2
    assert html.count("<summary>Comment</summary>") == 2


def test_the_area_bar_shows_the_provisional_level_and_jumps_to_the_next_questions(client, cast):
    client.force_login(cast.member)

    response = client.get(area_url(cast))

    html = response.content.decode()
    status = response.context["status"]
    first = cast.framework.questions.filter(area__key="data").order_by("level", "position").first().key
    # Not started: no level yet, rather than a level 0 that reads as a failure.
    assert '<span class="badge badge-neutral">No answers yet</span>' in html
    assert "level-badge" not in html
    assert status.unanswered[0] == first
    assert f'<a href="#q-{first}" class="jump" data-jump="unanswered"' in html
    assert status.unanswered_beyond.url.startswith(area_url(cast, "experiments") + "#q-experiments.")
    assert 'class="keyboard-hint" hidden' in html  # shown by the script, which makes the keys work


def test_the_jumps_lead_to_the_review_when_nothing_is_left(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    client.force_login(cast.member)

    status = client.get(area_url(cast)).context["status"]

    assert (status.unanswered, status.required) == ([], [])
    assert status.unanswered_beyond.url == f"/assessments/{cast.assessment.pk}/review/"
    assert status.required_beyond.area is None
