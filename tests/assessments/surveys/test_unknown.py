""" "unknown" (don't know) in a survey: a respondent may answer it, and the consensus leaves it out of the
spread and the medians while counting it (names only where the page shows who said what)."""

import pytest

from assessments.models import Answer, RespondentAnswer
from assessments.selectors.surveys import consensus
from assessments.services.surveys import consensus_record_medians, respondent_add
from tests.assessments.surveys.conftest import first_keys, member, responded

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(cast, survey):
    """Ada, Bob and Cy: q1 3 / unknown / 1; q2 unknown from everyone."""
    q1, q2 = first_keys(cast.framework, 2)
    responded(cast, survey, member(cast, "ada"), {q1: 3, q2: "unknown"})
    responded(cast, survey, member(cast, "bob"), {q1: "unknown", q2: "unknown"})
    responded(cast, survey, member(cast, "cy"), {q1: 1, q2: "unknown"})
    return q1, q2


def test_the_consensus_takes_the_median_of_the_others_and_counts_unknown(cast, survey, three):
    q1, q2 = three

    rows = {row.question.key: row for row in consensus(assessment=survey).rows}

    # q1: 3 and 1 only, so median 2 (with unknown as 0 it would be 1).
    assert (rows[q1].spread.median, rows[q1].spread.numeric, rows[q1].spread.unknown) == (2, 2, 1)
    assert (rows[q2].spread.median, rows[q2].spread.unknown) == (None, 3)


def test_recording_the_medians_skips_a_question_nobody_knew(cast, survey, three):
    q1, _q2 = three

    assert consensus_record_medians(assessment=survey, user=cast.owner) == 1
    assert dict(Answer.objects.values_list("question__key", "value")) == {q1: 2}


def test_the_page_counts_dont_know_names_it_for_the_facilitator_and_says_when_there_is_no_median(
    client, cast, survey, three
):
    client.force_login(cast.assessor)

    page = client.get(f"/assessments/{survey.pk}/consensus/").content.decode()

    assert "<li>Don&#x27;t know: 1</li>" in page
    assert "<strong>bob</strong>: Don&#x27;t know" in page
    assert 'median <strong>2</strong>, maximum <strong>3</strong> <small class="muted">of the 2 with a value' in page
    assert "3 answers: no median, as none has a value" in page


def test_an_anonymous_survey_counts_dont_know_without_names(client, cast, three, anonymous):
    client.force_login(cast.assessor)

    page = client.get(f"/assessments/{anonymous.pk}/consensus/").content.decode()
    api = client.get(f"/api/assessments/{anonymous.pk}/consensus/").json()

    assert "<li>Don&#x27;t know: 1</li>" in page
    assert "bob" not in page
    assert [(q["unknown"], q["median"], q["responses"]) for q in api["questions"][:2]] == [(1, 2.0, []), (3, None, [])]


def test_a_respondent_answers_dont_know_from_their_page(client, cast, survey):
    first = first_keys(cast.framework, 1)[0]
    respondent_add(assessment=survey, added_by=cast.owner, username="member")
    client.force_login(cast.member)
    area = cast.framework.questions.get(key=first).area.key

    page = client.get(f"/assessments/{survey.pk}/my-answers/{area}/").content.decode()
    saved = client.post(f"/assessments/{survey.pk}/my-answers/answers/{first}/", {"value": "unknown"})

    assert '<input type="radio" name="value" value="unknown"> Don&#x27;t know</label>' in page
    assert saved.status_code == 302
    assert list(RespondentAnswer.objects.values_list("value", "unknown", "comment")) == [(None, True, "")]
