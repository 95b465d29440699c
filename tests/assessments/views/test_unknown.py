""" "Don't know" on the pages: offered beside 0-3 and Not applicable, saved by autosave and without JavaScript,
and counted, with who answered it, on the review page."""

import re

import pytest

from assessments.models import Answer
from assessments.services.answers import AnswerInput, answers_save

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_the_question_card_offers_dont_know_as_a_labelled_radio(client, cast):
    client.force_login(cast.member)

    html = client.get(f"/assessments/{cast.assessment.pk}/areas/data/").content.decode()

    card = re.search(r'<article class="question" id="q-data.versioning".*?</article>', html, re.S).group(0)
    assert '<label><input type="radio" name="value" value="unknown"> Don&#x27;t know</label>' in card
    assert "<kbd>d</kbd> for Don't know" in html  # the keyboard hint


@pytest.mark.parametrize("headers", [HTMX, {}])
def test_it_saves_dont_know_without_a_comment(client, cast, headers):
    client.force_login(cast.member)

    response = client.post(
        f"/assessments/{cast.assessment.pk}/answers/data.versioning/", {"value": "unknown"}, **headers
    )

    assert response.status_code == (200 if headers else 302)
    assert list(Answer.objects.values_list("value", "not_applicable", "unknown")) == [(None, False, True)]


def test_the_page_shows_dont_know_checked_once_saved(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput("data.versioning", "unknown")])
    client.force_login(cast.member)

    html = client.get(f"/assessments/{cast.assessment.pk}/areas/data/").content.decode()

    assert '<input type="radio" name="value" value="unknown" checked> Don&#x27;t know' in html


def test_a_bad_value_is_a_form_error_naming_dont_know_among_the_choices(client, cast):
    client.force_login(cast.member)

    response = client.post(f"/assessments/{cast.assessment.pk}/answers/data.versioning/", {"value": "maybe"}, **HTMX)

    assert response.status_code == 422
    assert "Not applicable or Don&#x27;t know." in response.content.decode()
    assert not Answer.objects.exists()


def test_the_review_page_counts_dont_know_per_area_and_overall_with_who_answered(client, cast):
    answers_save(
        assessment=cast.assessment,
        user=cast.member,
        items=[AnswerInput("data.versioning", "unknown"), AnswerInput("data.source_catalogue", 3)],
    )
    answers_save(
        assessment=cast.assessment, user=cast.assessor, items=[AnswerInput("people.shared_repository", "unknown")]
    )
    client.force_login(cast.member)

    response = client.get(f"/assessments/{cast.assessment.pk}/review/")

    html = response.content.decode()
    counts = {area.area.key: len(area.unknown) for area in response.context["areas"]}
    assert (counts["data"], counts["people"], sum(counts.values())) == (1, 1, 2)
    assert "2 answers are “Don't know”: scored as not in place" in html
    assert html.count("1 answer is “Don't know”.") == 2
    assert (
        '<span class="badge answer-unknown">Don&#x27;t know</span> <small class="muted">answered by member</small>'
        in html
    )
    assert "answered by assessor" in html
