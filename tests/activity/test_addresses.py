"""Invited respondents' addresses in the activity: those who run surveys (owners and assessors) read them, like on
the respondents page; members and viewers read "someone invited by email", in the lines, the before and after
values, the CSV and the API alike. The organisation's log is the owners' and shows them."""

import pytest
from auditlog.context import set_actor
from django.utils import timezone

from assessments.models import Assessment
from assessments.services.surveys import respondent_add, respondent_remove
from tests.activity.conftest import token_client

pytestmark = pytest.mark.django_db

ADDRESSES = ("grace@example.com", "hal@example.com")


@pytest.fixture
def closed_survey(cast, smtp) -> Assessment:
    """A survey the owner invited grace to, and invited hal to and removed, since submitted."""
    survey = cast.assessment
    survey.mode = Assessment.Mode.SURVEY
    survey.save(update_fields=["mode"])
    with set_actor(cast.owner):
        respondent_add(assessment=survey, added_by=cast.owner, email=ADDRESSES[0])
        respondent_remove(respondent=respondent_add(assessment=survey, added_by=cast.owner, email=ADDRESSES[1]))
    Assessment.objects.filter(pk=survey.pk).update(
        status=Assessment.Status.SUBMITTED, submitted_by=cast.owner, submitted_at=timezone.now()
    )
    return survey


def bodies(client, api, survey: Assessment) -> dict[str, str]:
    """The assessment's activity as its page, its CSV, the API and the API's CSV, each asserted 200."""
    responses = {
        "page": client.get(f"/assessments/{survey.pk}/activity/"),
        "csv": client.get(f"/assessments/{survey.pk}/activity.csv"),
        "api": api.get(f"/api/assessments/{survey.pk}/activity/"),
        "api csv": api.get(f"/api/assessments/{survey.pk}/activity.csv"),
    }
    assert {name: response.status_code for name, response in responses.items()} == dict.fromkeys(responses, 200)
    return {name: response.content.decode() for name, response in responses.items()}


@pytest.mark.parametrize("role", ["member", "viewer"])
def test_it_keeps_invited_addresses_from_members_and_viewers(client, cast, closed_survey, role):
    client.force_login(cast.users[role])

    read = bodies(client, token_client(cast.users[role]), closed_survey)

    leaks = {(name, address) for name, body in read.items() for address in ADDRESSES if address in body}
    assert leaks == set()
    lines = token_client(cast.users[role]).get(f"/api/assessments/{closed_survey.pk}/activity/").json()["results"]
    assert [line["text"] for line in lines if line["kind"] == "respondent"] == [
        "owner removed someone invited by email from the survey",
        "owner asked someone invited by email to answer the survey",
        "owner asked someone invited by email to answer the survey",
    ]
    assert {line["object"] for line in lines if line["kind"] == "respondent"} == {"someone invited by email"}
    respondent_changes = [line["changes"] for line in lines if line["kind"] == "respondent"]
    assert [change for changes in respondent_changes for change in changes if change["field"] == "email"] == [
        {"field": "email", "before": "someone invited by email", "after": None},
        {"field": "email", "before": None, "after": "someone invited by email"},
        {"field": "email", "before": None, "after": "someone invited by email"},
    ]


@pytest.mark.parametrize("role", ["owner", "assessor"])
def test_it_shows_invited_addresses_to_those_who_run_surveys(client, cast, closed_survey, role):
    client.force_login(cast.users[role])

    read = bodies(client, token_client(cast.users[role]), closed_survey)

    shown = {(name, address) for name, body in read.items() for address in ADDRESSES if address in body}
    assert shown == {(name, address) for name in read for address in ADDRESSES}
    lines = token_client(cast.users[role]).get(f"/api/assessments/{closed_survey.pk}/activity/").json()["results"]
    assert lines[0]["text"] == "owner removed hal@example.com from the survey"


def test_the_organisations_log_shows_them_to_its_owners(client, cast, closed_survey):
    client.force_login(cast.owner)
    api = token_client(cast.owner)
    path = f"organizations/{cast.organization.pk}"

    read = [client.get(f"/{path}/activity/"), client.get(f"/{path}/activity.csv")]
    read += [api.get(f"/api/{path}/activity/"), api.get(f"/api/{path}/activity.csv")]

    assert [response.status_code for response in read] == [200, 200, 200, 200]
    assert all(address in response.content.decode() for response in read for address in ADDRESSES)
