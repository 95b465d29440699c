"""The consensus view: every submitted answer with names (or only the spread when anonymous), the median
rounded down as the pre-filled agreed answer, the medians recorded at once, bounded queries."""

import pytest

from assessments.models import Answer
from assessments.selectors.surveys import consensus
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.surveys import consensus_record_medians
from tests.assessments.surveys.conftest import first_keys, member, responded

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(cast, survey):
    """Ada, Bob and Cy answer the first three questions: 0/3/1 with comments, 2/2/na, and 1/3 (Cy: nothing)."""
    q1, q2, q3 = first_keys(cast.framework, 3)
    responded(cast, survey, member(cast, "ada"), {q1: (0, "no pipeline at all"), q2: 2, q3: 1})
    responded(cast, survey, member(cast, "bob"), {q1: (3, "we have one in CI"), q2: 2, q3: 3})
    responded(cast, survey, member(cast, "cy"), {q1: 1, q2: ("na", "not our job")})
    return q1, q2, q3


def test_it_gives_each_question_the_spread_of_the_submitted_answers(cast, survey, three):
    q1, q2, _q3 = three

    rows = {row.question.key: row for row in consensus(assessment=survey).rows}

    assert [(r.respondent, r.value) for r in rows[q1].responses] == [("ada", 0), ("bob", 3), ("cy", 1)]
    spreads = {key: rows[key].spread for key in three}
    assert [(s.minimum, s.median, s.maximum, s.suggested, s.disagreement) for s in spreads.values()] == [
        (0, 1, 3, 1, True),  # sorted 0 1 3
        (2, 2, 2, 2, False),  # "na" counted apart
        (1, 2, 3, 2, True),  # even: (1 + 3) / 2
    ]
    assert spreads[q2].not_applicable == 1


def test_it_leaves_out_the_answers_of_respondents_who_have_not_submitted(cast, survey, three):
    q1 = three[0]
    responded(cast, survey, member(cast, "dee"), {q1: 3}, submit=False)

    row = next(row for row in consensus(assessment=survey).rows if row.question.key == q1)

    assert [r.respondent for r in row.responses] == ["ada", "bob", "cy"]


def test_it_records_every_median_rounded_down_for_the_questions_not_agreed(cast, survey, three):
    q1, q2, q3 = three
    answers_save(assessment=survey, user=cast.owner, items=[AnswerInput(q1, 3, "agreed in the workshop")])

    recorded = consensus_record_medians(assessment=survey, user=cast.owner)

    assert recorded == 2
    assert dict(Answer.objects.values_list("question__key", "value")) == {q1: 3, q2: 2, q3: 2}


def test_it_shows_the_facilitator_names_and_comments(client, cast, survey, three):
    client.force_login(cast.assessor)

    page = client.get(f"/assessments/{survey.pk}/consensus/").content.decode()

    assert "<strong>ada</strong>: Not in place" in page
    assert "we have one in CI" in page
    assert "3 of 3 respondents submitted" in page
    assert "Disagreement" in page


def test_it_hides_names_when_responses_are_anonymous(client, cast, three, anonymous):
    client.force_login(cast.owner)

    page = client.get(f"/assessments/{anonymous.pk}/consensus/").content.decode()
    api = client.get(f"/api/assessments/{anonymous.pk}/consensus/").json()

    assert "<strong>ada</strong>" not in page
    assert "we have one in CI" in page
    question = api["questions"][0]
    assert (api["anonymous"], question["responses"]) == (True, [])
    assert question["comments"] == ["no pipeline at all", "we have one in CI"]
    assert "ada" not in str(api["questions"])


def test_it_records_the_agreed_answer_through_the_same_validation(client, cast, survey, three):
    q1 = three[0]
    client.force_login(cast.owner)

    refused = client.post(f"/assessments/{survey.pk}/consensus/", {"question": q1, "value": "na"}, follow=True)
    recorded = client.post(f"/assessments/{survey.pk}/consensus/", {"question": q1, "value": "1"})

    assert "Not recorded" in refused.content.decode()
    assert recorded.status_code == 302
    assert Answer.objects.get().value == 1


def test_it_filters_the_disagreements(client, cast, survey, three):
    client.force_login(cast.owner)

    api = client.get(f"/api/assessments/{survey.pk}/consensus/?disagreements=true").json()
    page = client.get(f"/assessments/{survey.pk}/consensus/?disagreements=1").content.decode()

    assert [q["question"] for q in api["questions"]] == [three[0], three[2]]
    assert [(q["min"], q["median"], q["max"], q["suggested"]) for q in api["questions"]] == [
        (0, 1.0, 3, 1),
        (1, 2.0, 3, 2),
    ]
    assert page.count('class="question consensus-question"') == 2


def test_it_records_the_medians_from_the_api(client, cast, survey, three):
    client.force_login(cast.owner)

    response = client.post(f"/api/assessments/{survey.pk}/consensus/medians/")

    assert response.json() == {"recorded": 3}


def test_it_answers_409_for_a_workshop(client, cast):
    client.force_login(cast.owner)

    response = client.get(f"/api/assessments/{cast.assessment.pk}/consensus/")

    assert response.status_code == 409
    assert "workshop mode" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/assessments/{}/consensus/", "/api/assessments/{}/consensus/"])
def test_it_reads_the_consensus_in_a_bounded_number_of_queries(
    client, cast, survey, django_assert_max_num_queries, path
):
    keys = first_keys(cast.framework, 20)
    for number in range(25):
        responded(cast, survey, member(cast, f"r{number}"), {key: (number + i) % 4 for i, key in enumerate(keys)})
    client.force_login(cast.owner)

    with django_assert_max_num_queries(12):
        response = client.get(path.format(survey.pk))

    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/assessments/{}/respondents/", "/api/assessments/{}/respondents/"])
def test_it_lists_the_respondents_in_a_bounded_number_of_queries(
    client, cast, survey, django_assert_max_num_queries, path
):
    for number in range(25):
        responded(cast, survey, member(cast, f"r{number}"), {first_keys(cast.framework, 1)[0]: 1})
    client.force_login(cast.owner)

    with django_assert_max_num_queries(10):
        response = client.get(path.format(survey.pk))

    assert "r24" in response.content.decode()
