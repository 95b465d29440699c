"""The questionnaire pages: one per area, questions grouped by level; read-only once submitted."""

import re

import pytest

from assessments.services import AnswerInput, answers_save, assessment_submit
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
