"""A respondent's "Your answers" pages: each answer autosaved as in the workshop (htmx, with a plain POST
without JavaScript), which questions adaptive depth requires, and a submission that leaves required
questions blank only once the respondent has confirmed how many."""

import pytest

from assessments.models import Answer, RespondentAnswer
from assessments.services.answers import AnswerInput
from assessments.services.surveys import respondent_add, respondent_answers_save, respondent_submit
from maturity.selectors import framework_content

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def respondent(cast, survey, client):
    client.force_login(cast.member)
    return respondent_add(assessment=survey, added_by=cast.owner, username="member")


def save_url(survey, key: str = "data.versioning") -> str:
    return f"/assessments/{survey.pk}/my-answers/answers/{key}/"


def keys(cast, *, area: str | None = None, level: int | None = None) -> list[str]:
    """Question keys in framework order, of one area and one level when given."""
    return [
        question.key
        for question in framework_content(framework=cast.framework).questions
        if area in (None, question.area.key) and level in (None, question.level)
    ]


def test_it_autosaves_one_answer_and_says_saved(client, survey, respondent):
    response = client.post(save_url(survey), {"value": "2", "comment": "in git"}, **HTMX)

    assert response.status_code == 200
    assert '<span class="status-saved">Saved ' in response.content.decode()
    assert list(RespondentAnswer.objects.values_list("question__key", "value", "comment")) == [
        ("data.versioning", 2, "in git")
    ]
    assert not Answer.objects.exists()


def test_the_saved_status_updates_the_areas_the_bar_the_badges_and_the_submit_box(client, cast, survey, respondent):
    html = client.post(save_url(survey), {"value": "0"}, **HTMX).content.decode()

    assert f'<a href="/assessments/{survey.pk}/my-answers/data/"' in html  # the area's line of the list
    assert 'id="nav-area-data" class="area-nav-item current" hx-swap-oob="true"' in html
    assert '<div id="area-status" class="area-status" hx-swap-oob="true"' in html
    assert '<section id="my-submit" class="my-submit" hx-swap-oob="true"' in html
    assert html.count('class="need" hx-swap-oob="true"') == len(keys(cast, area="data"))


def test_a_refused_save_says_why_and_saves_nothing(client, survey, respondent):
    response = client.post(save_url(survey), {"value": "na", "comment": ""}, **HTMX)

    assert response.status_code == 422
    assert 'class="status-error"' in response.content.decode()
    assert "needs a comment" in response.content.decode()
    assert not RespondentAnswer.objects.exists()


def test_a_save_after_submitting_is_refused(client, survey, respondent):
    respondent_answers_save(respondent=respondent, items=[AnswerInput("data.versioning", 1)])
    respondent_submit(respondent=respondent)

    response = client.post(save_url(survey), {"value": "3"}, **HTMX)

    assert response.status_code == 409
    assert "can no longer change" in response.content.decode()
    assert RespondentAnswer.objects.get().value == 1


def test_without_javascript_a_save_goes_back_to_the_question(client, survey, respondent):
    response = client.post(save_url(survey), {"value": "3"})

    assert response.status_code == 302
    assert response.url == f"/assessments/{survey.pk}/my-answers/data/#q-data.versioning"
    assert RespondentAnswer.objects.get().value == 3


def test_without_javascript_a_refused_save_shows_the_page_with_what_was_typed(client, survey, respondent):
    response = client.post(save_url(survey), {"value": "na", "comment": "   "})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Not saved" in html
    assert 'name="value" value="na" checked aria-invalid="true"' in html
    assert not RespondentAnswer.objects.exists()


def test_a_member_who_is_no_respondent_cannot_save(client, cast, survey):
    client.force_login(cast.member)

    assert client.post(save_url(survey), {"value": "3"}, **HTMX).status_code == 403
    assert not RespondentAnswer.objects.exists()


def test_it_marks_the_questions_that_are_optional_for_now(client, cast, survey, respondent):
    html = client.get(f"/assessments/{survey.pk}/my-answers/data/").content.decode()

    # Nothing answered: every area is at level 0, so its level-1 questions are required, the rest optional.
    required, data = keys(cast, area="data", level=1), keys(cast, area="data")
    assert html.count(">Optional for now</small>") == len(data) - len(required)
    assert f"{len(data)} unanswered, {len(required)} required here" in html
    assert f"{len(keys(cast, level=1))} required questions are still blank" in html


def test_answers_that_raise_an_area_make_its_next_level_required(client, cast, survey, respondent):
    level_1 = keys(cast, area="data", level=1)
    respondent_answers_save(respondent=respondent, items=[AnswerInput(key, 3) for key in level_1])

    status = client.get(f"/assessments/{survey.pk}/my-answers/data/").context["status"]

    assert (status.level, status.required) == (1, keys(cast, area="data", level=2))


def first_level_1_not_in_place(cast, respondent) -> int:
    """Answers the first level-1 question "not in place", which leaves every area at level 0: the other level-1
    questions stay required, and only they. Returns how many they are."""
    first = keys(cast, level=1)[0]
    respondent_answers_save(respondent=respondent, items=[AnswerInput(first, 0)])
    return len(keys(cast, level=1)) - 1


def test_submitting_with_required_questions_blank_asks_to_confirm_how_many(client, cast, survey, respondent):
    blank = first_level_1_not_in_place(cast, respondent)

    asked = client.post(f"/assessments/{survey.pk}/my-answers/submit/")

    respondent.refresh_from_db()
    assert asked.status_code == 400
    assert f"<h1>Submit with {blank} required questions blank?</h1>" in asked.content.decode()
    assert f'name="leave_blank" value="{blank}"> Submit with {blank} required' in asked.content.decode()
    assert respondent.submitted_at is None

    submitted = client.post(f"/assessments/{survey.pk}/my-answers/submit/", {"leave_blank": str(blank)})

    respondent.refresh_from_db()
    assert submitted.url == f"/assessments/{survey.pk}/consensus/"
    assert respondent.submitted_at is not None


def test_a_confirmation_of_another_count_is_asked_again(client, cast, survey, respondent):
    """The box ticked on a page that said 23 while the answers of another tab left 22: the respondent
    confirms what is blank now."""
    blank = first_level_1_not_in_place(cast, respondent)

    asked = client.post(f"/assessments/{survey.pk}/my-answers/submit/", {"leave_blank": str(blank + 1)})

    respondent.refresh_from_db()
    assert asked.status_code == 400
    assert respondent.submitted_at is None


def test_submitting_with_every_required_question_answered_needs_no_confirmation(client, cast, survey, respondent):
    # Not in place everywhere at level 1: every area stays at level 0, and nothing further up is required.
    respondent_answers_save(respondent=respondent, items=[AnswerInput(key, 0) for key in keys(cast, level=1)])

    submitted = client.post(f"/assessments/{survey.pk}/my-answers/submit/")

    respondent.refresh_from_db()
    assert submitted.url == f"/assessments/{survey.pk}/consensus/"
    assert respondent.submitted_at is not None


def test_once_submitted_the_page_reads_the_answers_and_submitting_again_says_why(client, cast, survey, respondent):
    blank = first_level_1_not_in_place(cast, respondent)
    client.post(f"/assessments/{survey.pk}/my-answers/submit/", {"leave_blank": str(blank)})

    page = client.get(f"/assessments/{survey.pk}/my-answers/data/").content.decode()
    again = client.post(f"/assessments/{survey.pk}/my-answers/submit/", follow=True)

    assert "You submitted your answers on" in page
    assert "<form" not in page.split('<main id="main"')[1].split("</main>")[0]
    assert "You have submitted your answers: they can no longer change." in again.content.decode()


def test_the_api_lists_what_is_required_and_submits_without_confirmation(client, cast, survey, respondent):
    url = f"/api/assessments/{survey.pk}/my-answers/"

    mine = client.get(url).json()
    submitted = client.patch(url, [{"question": "data.versioning", "value": 1}], content_type="application/json")
    done = client.post(url + "submit/")

    assert mine["required"] == keys(cast, level=1)
    assert "data.versioning" not in submitted.json()["required"]
    assert done.status_code == 200


# session, user, the assessment with the user's role, the respondent, their answers, the menu's portfolio check
MY_AREA_PAGE_QUERIES = 6
# the page's first four, the locks of the survey and the respondent, whether it was ever returned, the upsert
# and its trail in a savepoint, then the answers again for the page's counts
MY_ANSWER_SAVE_QUERIES = 14
MY_SUBMIT_CONFIRMATION_QUERIES = 6  # the page's reads


@pytest.mark.parametrize("answered", [0, 1, 39])
def test_the_page_a_save_and_the_confirmation_do_not_grow_with_answers(
    client, cast, survey, respondent, django_assert_max_num_queries, answered
):
    # Every level-1 question left blank, so that each submission asks to confirm.
    above_level_1 = [key for key in keys(cast) if key not in keys(cast, level=1)]
    if answered:
        respondent_answers_save(respondent=respondent, items=[AnswerInput(key, 2) for key in above_level_1[:answered]])

    with django_assert_max_num_queries(MY_AREA_PAGE_QUERIES):
        assert client.get(f"/assessments/{survey.pk}/my-answers/data/").status_code == 200
    with django_assert_max_num_queries(MY_ANSWER_SAVE_QUERIES + 1):  # + the content types, read once a process
        assert client.post(save_url(survey), {"value": "1"}, **HTMX).status_code == 200
    with django_assert_max_num_queries(MY_SUBMIT_CONFIRMATION_QUERIES):
        assert client.post(f"/assessments/{survey.pk}/my-answers/submit/").status_code == 400
