"""A respondent's own answers: validated as the shared ones, all or nothing, frozen once submitted."""

import pytest

from assessments.errors import AnswersInvalidError, NothingAnsweredError, RespondentSubmittedError
from assessments.models import Answer, RespondentAnswer
from assessments.services.answers import AnswerInput
from assessments.services.surveys import respondent_add, respondent_answers_save, respondent_submit
from tests.assessments.surveys.conftest import first_keys

pytestmark = pytest.mark.django_db


@pytest.fixture
def respondent(cast, survey):
    return respondent_add(assessment=survey, added_by=cast.owner, username="member")


def test_it_saves_the_respondents_answers_not_the_shared_ones(cast, respondent):
    first, second = first_keys(cast.framework, 2)

    respondent_answers_save(
        respondent=respondent, items=[AnswerInput(first, 3), AnswerInput(second, "na", "no ML yet")]
    )

    saved = {answer.question.key: (answer.value, answer.not_applicable) for answer in respondent.answers.all()}
    assert saved == {first: (3, False), second: (None, True)}
    assert not Answer.objects.exists()


def test_it_saves_nothing_when_one_item_is_bad(cast, respondent):
    first, second = first_keys(cast.framework, 2)

    with pytest.raises(AnswersInvalidError) as refused:
        respondent_answers_save(
            respondent=respondent, items=[AnswerInput(first, 2), AnswerInput(second, "na"), AnswerInput("nope", 2)]
        )

    assert [(p["index"], sorted(p["errors"])) for p in refused.value.problems] == [
        (1, ["comment"]),
        (2, ["question"]),
    ]
    assert not RespondentAnswer.objects.exists()


def test_it_freezes_the_answers_once_submitted(cast, respondent):
    (first,) = first_keys(cast.framework, 1)
    respondent_answers_save(respondent=respondent, items=[AnswerInput(first, 1)])
    respondent_submit(respondent=respondent)

    with pytest.raises(RespondentSubmittedError):
        respondent_answers_save(respondent=respondent, items=[AnswerInput(first, 3)])
    with pytest.raises(RespondentSubmittedError):
        respondent_submit(respondent=respondent)

    assert RespondentAnswer.objects.get().value == 1


def test_it_refuses_to_submit_nothing(respondent):
    with pytest.raises(NothingAnsweredError):
        respondent_submit(respondent=respondent)

    respondent.refresh_from_db()
    assert respondent.submitted_at is None


def test_it_answers_through_the_api(client, cast, survey, respondent):
    (first,) = first_keys(cast.framework, 1)
    client.force_login(cast.member)
    url = f"/api/assessments/{survey.pk}/my-answers/"

    patched = client.patch(url, [{"question": first, "value": 1, "comment": "some"}], content_type="application/json")
    submitted = client.post(url + "submit/")
    again = client.patch(url, [{"question": first, "value": 3}], content_type="application/json")

    assert patched.status_code == 200
    answer = next(a for a in patched.json()["answers"] if a["question"] == first)
    assert (answer["value"], answer["comment"]) == (1, "some")
    assert submitted.status_code == 200
    assert submitted.json()["submitted_at"]
    assert again.status_code == 409
    assert RespondentAnswer.objects.get().value == 1


def test_it_names_each_bad_item_in_the_api(client, cast, survey, respondent):
    client.force_login(cast.member)

    response = client.patch(
        f"/api/assessments/{survey.pk}/my-answers/", [{"question": "nope", "value": 9}], content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["answers"][0]["errors"].keys() == {"question", "value"}
    assert not RespondentAnswer.objects.exists()


def test_the_respondents_page_says_what_the_survey_covers_and_how_to_answer_for_several_systems(
    client, cast, survey, respondent
):
    survey.systems_covered = "Fraud scoring (card and ACH)"
    survey.save(update_fields=["systems_covered"])
    client.force_login(cast.member)

    html = client.get(f"/assessments/{survey.pk}/my-answers/data/").content.decode()

    assert "<strong>Covers:</strong> Fraud scoring (card and ACH)" in html
    assert "When practices differ between the systems it covers" in html
