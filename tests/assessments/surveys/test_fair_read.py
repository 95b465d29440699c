"""Nobody answers a survey after reading the others' answers: an owner or assessor (who may read the named
consensus whenever they are not a respondent) becomes a respondent only while nobody has submitted. The
sequence that got around it: a facilitator who is a respondent removes themselves, reads the consensus, adds
themselves back and answers."""

import pytest

from assessments.errors import RespondentInvalidError
from assessments.models import Respondent
from assessments.services.surveys import respondent_add
from tests.assessments.surveys.conftest import first_keys, member, responded
from tests.factories import verified

pytestmark = pytest.mark.django_db

REFUSED = "has read or could read the others"


@pytest.fixture
def ada_submitted(cast, survey):
    (key,) = first_keys(cast.framework, 1)
    return responded(cast, survey, member(cast, "ada"), {key: (0, "ada's secret")})


def test_it_refuses_a_facilitator_who_removed_themselves_and_read_the_consensus_answering_after(client, cast, survey):
    (key,) = first_keys(cast.framework, 1)
    client.force_login(cast.assessor)
    added = client.post(f"/api/assessments/{survey.pk}/respondents/", {"username": "assessor"}, "application/json")
    mine = added.json()["id"]
    responded(cast, survey, member(cast, "ada"), {key: (0, "ada's secret")})

    removed = client.delete(f"/api/assessments/{survey.pk}/respondents/{mine}/")
    read = client.get(f"/api/assessments/{survey.pk}/consensus/")
    again = client.post(f"/api/assessments/{survey.pk}/respondents/", {"username": "assessor"}, "application/json")
    answered = client.patch(
        f"/api/assessments/{survey.pk}/my-answers/", [{"question": key, "value": 0}], "application/json"
    )

    assert [added.status_code, removed.status_code, read.status_code] == [201, 204, 200]
    assert read.json()["questions"][0]["responses"][0]["comment"] == "ada's secret"
    assert again.status_code == 400
    assert REFUSED in again.json()["username"][0]
    assert answered.status_code == 403
    assert not Respondent.objects.filter(assessment=survey, user=cast.assessor).exists()


def test_the_page_refuses_adding_a_facilitator_once_someone_submitted(client, cast, survey, ada_submitted):
    client.force_login(cast.owner)

    response = client.post(f"/assessments/{survey.pk}/respondents/", {"respondent": "assessor"})

    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    assert not Respondent.objects.filter(assessment=survey, user=cast.assessor).exists()


@pytest.mark.parametrize("username", ["owner", "assessor"])
def test_it_refuses_a_facilitator_by_username_or_address_once_someone_submitted(cast, survey, ada_submitted, username):
    cast.users[username].email = f"{username}@corp.example"
    cast.users[username].save()
    verified(cast.users[username])

    with pytest.raises(RespondentInvalidError, match=REFUSED):
        respondent_add(assessment=survey, added_by=cast.owner, username=username)
    with pytest.raises(RespondentInvalidError, match=REFUSED):
        respondent_add(assessment=survey, added_by=cast.owner, email=f"{username}@corp.example")


def test_it_still_adds_a_member_or_a_viewer_after_the_first_submission(cast, survey, ada_submitted):
    added = [respondent_add(assessment=survey, added_by=cast.owner, username=name) for name in ("member", "viewer")]

    assert [respondent.user for respondent in added] == [cast.member, cast.viewer]


def test_it_adds_a_facilitator_back_while_nobody_has_submitted(cast, survey):
    first = respondent_add(assessment=survey, added_by=cast.owner, username="assessor")
    Respondent.objects.filter(pk=first.pk).delete()

    again = respondent_add(assessment=survey, added_by=cast.owner, username="assessor")

    assert again.user == cast.assessor
