"""An anonymous survey names nobody's answers, nor who has submitted and when: the consensus and the
respondents (API and pages) leave each person's submission out (`submitted` and `submitted_at` null) and
give the count; the spread shows once at least 3 have submitted (before, it would be one or two people's
answers); and the activity keeps respondents' names off the trail of their own answers, stored actor
included."""

import csv
import io

import pytest

from activity.models import ActivityEntry
from assessments.api.serializers.surveys import ConsensusOutputSerializer
from assessments.models import Respondent
from assessments.services.surveys import respondent_add
from tests.assessments.surveys.conftest import first_keys, member
from tests.documented import assert_documented

pytestmark = pytest.mark.django_db

SPREAD_FROM_3 = "The spread shows once 3 respondents have submitted"


def answer_and_submit(client, survey, user, key, value, comment):
    """Through the site, as the respondent, so that the trail records whatever it records of a request."""
    client.force_login(user)
    saved = client.patch(
        f"/api/assessments/{survey.pk}/my-answers/",
        [{"question": key, "value": value, "comment": comment}],
        content_type="application/json",
    )
    submitted = client.post(f"/api/assessments/{survey.pk}/my-answers/submit/")
    assert (saved.status_code, submitted.status_code) == (200, 200)


@pytest.fixture
def two_of_three(client, cast, anonymous):
    """Ada and Bob submitted, Cara has not."""
    (key,) = first_keys(cast.framework, 1)
    people = {name: member(cast, name) for name in ("ada", "bob", "cara")}
    for person in people.values():
        respondent_add(assessment=anonymous, added_by=cast.owner, username=person.username)
    answer_and_submit(client, anonymous, people["ada"], key, 0, "ada says no")
    answer_and_submit(client, anonymous, people["bob"], key, 3, "bob says yes")
    client.logout()
    return people


def test_the_consensus_hides_the_spread_and_each_submission_before_3_have_submitted(client, cast, two_of_three):
    client.force_login(cast.owner)
    survey = cast.assessment

    body = client.get(f"/api/assessments/{survey.pk}/consensus/").json()

    assert (body["anonymous"], body["submitted"], body["spread_hidden"]) == (True, 2, True)
    assert [r["submitted"] for r in body["respondents"]] == [None, None, None]
    first = body["questions"][0]
    assert [first[name] for name in ("answered", "counts", "min", "median", "max", "disagreement")] == [None] * 6
    assert (first["responses"], first["comments"]) == ([], [])
    assert_documented(body, ConsensusOutputSerializer())


def test_the_consensus_page_says_how_many_submitted_and_that_the_spread_shows_from_3(client, cast, two_of_three):
    client.force_login(cast.owner)

    page = client.get(f"/assessments/{cast.assessment.pk}/consensus/").content.decode()

    assert "2 of 3 respondents submitted" in page
    assert SPREAD_FROM_3 in page
    assert "ada says no" not in page
    assert "badge-submitted" not in page


def test_the_consensus_shows_the_spread_once_3_have_submitted(client, cast, two_of_three):
    (key,) = first_keys(cast.framework, 1)
    answer_and_submit(client, cast.assessment, two_of_three["cara"], key, 1, "")
    client.force_login(cast.owner)

    body = client.get(f"/api/assessments/{cast.assessment.pk}/consensus/").json()

    assert (body["submitted"], body["spread_hidden"]) == (3, False)
    assert [r["submitted"] for r in body["respondents"]] == [None, None, None]
    first = body["questions"][0]
    assert (first["min"], first["max"], first["responses"]) == (0, 3, [])
    assert first["comments"] == ["ada says no", "bob says yes"]


def test_it_records_no_median_while_the_spread_is_hidden(client, cast, two_of_three):
    client.force_login(cast.owner)

    response = client.post(f"/api/assessments/{cast.assessment.pk}/consensus/medians/")

    assert response.json() == {"recorded": 0}


@pytest.mark.parametrize("user", ["owner", "ada"])
def test_the_respondents_say_nobodys_submission(client, cast, two_of_three, user):
    client.force_login(cast.owner if user == "owner" else two_of_three[user])

    body = client.get(f"/api/assessments/{cast.assessment.pk}/respondents/").json()
    page = client.get(f"/assessments/{cast.assessment.pk}/respondents/").content.decode()

    assert [(r["name"], r["submitted"], r["submitted_at"]) for r in body] == [
        ("ada", None, None),
        ("bob", None, None),
        ("cara", None, None),
    ]
    assert "badge-submitted" not in page
    assert "Not submitted yet" not in page
    assert "2 of 3 respondents submitted" in page


def test_it_removes_no_respondent_once_someone_submitted_so_that_the_refusal_names_nobody(client, cast, two_of_three):
    client.force_login(cast.owner)
    respondents = Respondent.objects.filter(assessment=cast.assessment).order_by("added_at", "id")

    statuses = [
        client.delete(f"/api/assessments/{cast.assessment.pk}/respondents/{respondent.pk}/").status_code
        for respondent in respondents
    ]
    page = client.get(f"/assessments/{cast.assessment.pk}/respondents/").content.decode()

    assert statuses == [409, 409, 409]
    assert Respondent.objects.filter(assessment=cast.assessment).count() == 3
    assert "/remove/" not in page


def _lines(client, path):
    return client.get(path).json()["results"]


def test_the_activity_keeps_respondents_names_off_their_own_answers(client, cast, two_of_three):
    survey = cast.assessment
    client.force_login(cast.owner)
    pages = [
        client.get(f"/organizations/{cast.organization.pk}/activity/").content.decode(),
    ]
    api_lines = _lines(client, f"/api/organizations/{cast.organization.pk}/activity/")
    csv_rows = list(
        csv.DictReader(
            io.StringIO(client.get(f"/api/organizations/{cast.organization.pk}/activity.csv").content.decode())
        )
    )
    by_ada = client.get(f"/api/organizations/{cast.organization.pk}/activity/?actor=ada").json()["results"]

    own = [line for line in api_lines if line["kind"] == "respondent" and "asked" not in line["text"]]
    assert len(own) == 4  # two answers, two submissions
    assert all(line["actor"] is None for line in own)
    assert all("ada" not in line["text"] and "bob" not in line["text"] for line in own)
    assert {row["actor"] for row in csv_rows} <= {"owner", ""}
    assert by_ada == []
    assert "ada says no" not in pages[0]
    assert not ActivityEntry.objects.filter(assessment_id=survey.pk, actor__username__in=["ada", "bob"]).exists()
    assert ActivityEntry.objects.filter(assessment_id=survey.pk, content_type__model="respondentanswer").count() == 2


def test_the_actor_filter_finds_no_respondents_own_entry_stored_with_an_actor_before(client, cast, two_of_three):
    """Entries written before the services stopped storing who: the filter must not attribute them either."""
    ActivityEntry.objects.filter(assessment_id=cast.assessment.pk, content_type__model="respondentanswer").update(
        actor=two_of_three["ada"]
    )
    client.force_login(cast.owner)

    by_ada = client.get(f"/api/organizations/{cast.organization.pk}/activity/?actor=ada").json()["results"]
    page = client.get(f"/assessments/{cast.assessment.pk}/activity/?actor=ada").content.decode()

    assert by_ada == []
    assert "A respondent answered" not in page
