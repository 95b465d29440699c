"""Before submitting, a respondent sees only their own answers: not the others', not the consensus, not the
spread; refused with a clear message, and nothing changed. In survey mode the shared answers are the
facilitator's."""

import pytest

from assessments.models import Answer, RespondentAnswer
from assessments.services.surveys import consensus_record_medians
from tests.assessments.surveys.conftest import first_keys, member, responded

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada_and_bob(cast, survey):
    """Ada submitted; Bob, a member, answered and has not submitted."""
    (key,) = first_keys(cast.framework, 1)
    ada = responded(cast, survey, member(cast, "ada"), {key: (0, "ada's secret")})
    bob = responded(cast, survey, member(cast, "bob"), {key: 3}, submit=False)
    return ada, bob


@pytest.mark.parametrize(
    "path",
    [
        "/assessments/{}/consensus/",
        "/api/assessments/{}/consensus/",
        "/api/assessments/{}/consensus/?disagreements=true",
    ],
)
def test_it_refuses_the_consensus_to_a_respondent_who_has_not_submitted(client, cast, survey, ada_and_bob, path):
    client.force_login(ada_and_bob[1].user)

    response = client.get(path.format(survey.pk))

    assert response.status_code == 403
    assert "Submit your own answers first" in response.content.decode()
    assert "ada's secret" not in response.content.decode()


@pytest.mark.parametrize("path", ["/assessments/{}/my-answers/{}/", "/api/assessments/{}/my-answers/"])
def test_it_shows_a_respondent_only_their_own_answers(client, cast, survey, ada_and_bob, path):
    area = cast.framework.questions.get(key=first_keys(cast.framework, 1)[0]).area.key
    client.force_login(ada_and_bob[1].user)

    content = client.get(path.format(survey.pk, area)).content.decode()

    assert "ada's secret" not in content


@pytest.mark.parametrize(
    "path",
    ["/api/assessments/{}/respondents/", "/assessments/{}/respondents/"],
)
def test_it_shows_others_answers_through_no_other_endpoint(client, cast, survey, ada_and_bob, path):
    client.force_login(ada_and_bob[1].user)

    response = client.get(path.format(survey.pk))

    assert response.status_code == 200
    assert "ada's secret" not in response.content.decode()


SHARED_ANSWERS = [
    "/api/assessments/{}/",
    "/assessments/{}/areas/{}/",
    "/assessments/{}/summary/",
    "/assessments/{}/review/",
    "/assessments/{}/activity/",
    "/assessments/{}/activity.csv",
    "/api/assessments/{}/activity/",
    "/api/assessments/{}/activity.csv",
    "/api/assessments/{}/export.csv",
    "/api/assessments/{}/evidence/",
]


@pytest.mark.parametrize("path", SHARED_ANSWERS)
def test_it_keeps_the_agreed_answers_and_their_trail_from_respondents_while_the_survey_is_open(
    client, cast, survey, ada_and_bob, path
):
    """Agreed so far from Ada's answers alone, the shared answers would tell Bob what she answered."""
    consensus_record_medians(assessment=survey, user=cast.owner)
    area = cast.framework.questions.get(key=first_keys(cast.framework, 1)[0]).area.key
    client.force_login(ada_and_bob[1].user)

    response = client.get(path.format(survey.pk, area))

    assert response.status_code == 403
    assert "its agreed answers and their activity are the facilitator" in response.content.decode()
    assert "not in place" not in response.content.decode().lower()


def test_it_leads_a_respondent_who_opens_the_assessment_to_their_own_answers(client, cast, survey, ada_and_bob):
    client.force_login(ada_and_bob[1].user)

    response = client.get(f"/assessments/{survey.pk}/")

    assert response.status_code == 302
    assert response["Location"] == f"/assessments/{survey.pk}/my-answers/"


@pytest.mark.parametrize("path", SHARED_ANSWERS)
def test_the_facilitator_reads_the_agreed_answers_and_their_trail(client, cast, survey, ada_and_bob, path):
    area = cast.framework.questions.get(key=first_keys(cast.framework, 1)[0]).area.key
    client.force_login(cast.owner)

    assert client.get(path.format(survey.pk, area)).status_code == 200


def test_it_refuses_a_member_who_is_no_respondent_the_answers_of_the_survey(client, cast, survey, ada_and_bob):
    client.force_login(cast.member)

    mine = client.get(f"/api/assessments/{survey.pk}/my-answers/")
    page = client.get(f"/assessments/{survey.pk}/consensus/")

    assert (mine.status_code, page.status_code) == (403, 403)
    assert "not a respondent" in mine.json()["detail"]


def test_it_shows_the_spread_without_names_once_the_respondent_submitted(client, cast, survey, ada_and_bob):
    client.force_login(ada_and_bob[0].user)

    api = client.get(f"/api/assessments/{survey.pk}/consensus/").json()
    page = client.get(f"/assessments/{survey.pk}/consensus/").content.decode()

    assert api["anonymous"] is True
    assert api["questions"][0]["responses"] == []
    assert "Read only" in page
    assert "Record agreed answer" not in page


def test_it_shows_a_respondent_who_submitted_the_spread_but_not_the_agreed_answers(client, cast, survey, ada_and_bob):
    consensus_record_medians(assessment=survey, user=cast.owner)
    client.force_login(ada_and_bob[0].user)

    api = client.get(f"/api/assessments/{survey.pk}/consensus/").json()
    page = client.get(f"/assessments/{survey.pk}/consensus/").content.decode()

    assert (api["questions"][0]["min"], api["questions"][0]["agreed"]) == (0, None)
    assert "Agreed answer" not in page


def test_the_facilitator_reads_the_agreed_answers_in_the_consensus(client, cast, survey, ada_and_bob):
    consensus_record_medians(assessment=survey, user=cast.owner)
    client.force_login(cast.assessor)

    api = client.get(f"/api/assessments/{survey.pk}/consensus/").json()

    assert api["questions"][0]["agreed"] == {"value": 0, "comment": ""}


def test_it_refuses_a_respondent_writing_the_consensus(client, cast, survey, ada_and_bob):
    client.force_login(ada_and_bob[0].user)
    (key,) = first_keys(cast.framework, 1)

    responses = [
        client.post(f"/assessments/{survey.pk}/consensus/", {"question": key, "value": "3"}),
        client.post(f"/api/assessments/{survey.pk}/consensus/medians/"),
        client.patch(
            f"/api/assessments/{survey.pk}/answers/", [{"question": key, "value": 3}], content_type="application/json"
        ),
        client.post(f"/assessments/{survey.pk}/answers/{key}/", {"value": "3"}),
        client.post(
            f"/api/assessments/{survey.pk}/respondents/", {"username": "member"}, content_type="application/json"
        ),
    ]

    assert [r.status_code for r in responses] == [403] * 5
    assert "only its facilitator" in responses[2].json()["detail"]
    assert not Answer.objects.exists()
    assert RespondentAnswer.objects.filter(value=3).count() == 1  # bob's own, untouched


def test_it_keeps_the_workshop_as_it_was_for_members(client, cast):
    (key,) = first_keys(cast.framework, 1)
    client.force_login(cast.member)

    response = client.patch(
        f"/api/assessments/{cast.assessment.pk}/answers/",
        [{"question": key, "value": 2}],
        content_type="application/json",
    )

    assert response.status_code == 200
