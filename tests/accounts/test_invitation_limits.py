"""Invitation mail is limited per day, per inviter, per organisation and per address across organisations
(accounts.selectors.invitation_limit_problem), counted from the invitations made (one mail each, which the
worker writes), so that nobody can make the site send spam; over a limit, the API answers 429 and the page a
form error, and nothing is saved."""

from datetime import timedelta

import pytest

from accounts.models import Invitation, OutgoingEmail
from assessments.models import Assessment, Respondent, Role
from tests.api_helpers import api_as
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def generous_limits(settings):
    """Each test lowers the one limit it is about."""
    settings.INVITATIONS_PER_SENDER_PER_DAY = 100
    settings.INVITATIONS_PER_ORGANIZATION_PER_DAY = 100
    settings.INVITATIONS_PER_ADDRESS_PER_DAY = 100


def invite_api(user, organization, email, role="member"):
    url = f"/api/organizations/{organization.pk}/invitations/"
    return api_as(user).post(url, {"email": email, "role": role}, format="json")


def test_it_answers_429_past_the_inviters_daily_limit_and_saves_nothing(cast, settings):
    settings.INVITATIONS_PER_SENDER_PER_DAY = 2
    invite_api(cast.owner, cast.organization, "a@example.com")
    invite_api(cast.owner, cast.organization, "b@example.com")

    response = invite_api(cast.owner, cast.organization, "c@example.com")

    assert response.status_code == 429
    assert "You have sent 2 invitations in the last 24 hours" in response.json()["detail"]
    assert 0 < int(response["Retry-After"]) <= 24 * 3600
    assert not Invitation.objects.filter(email="c@example.com").exists()
    assert Invitation.objects.count() == 2


def test_it_limits_the_organisation_whoever_of_its_owners_invites(cast, settings):
    settings.INVITATIONS_PER_ORGANIZATION_PER_DAY = 2
    second_owner = UserFactory(username="second")
    MembershipFactory(user=second_owner, organization=cast.organization, role=Role.OWNER)
    invite_api(cast.owner, cast.organization, "a@example.com")
    invite_api(second_owner, cast.organization, "b@example.com")

    refused = invite_api(second_owner, cast.organization, "c@example.com")
    elsewhere = invite_api(cast.outsider, cast.outsider.memberships.get().organization, "c@example.com")

    assert (refused.status_code, elsewhere.status_code) == (429, 201)
    assert "The organisation has sent 2 invitations" in refused.json()["detail"]


def test_it_limits_an_address_across_organisations(cast, settings):
    settings.INVITATIONS_PER_ADDRESS_PER_DAY = 2
    invite_api(cast.owner, cast.organization, "grace@example.com")
    invite_api(cast.owner, cast.organization, "other@example.com")
    invite_api(cast.owner, cast.organization, "grace@example.com", role="viewer")  # replaces the first: still counts

    response = invite_api(cast.outsider, cast.outsider.memberships.get().organization, "Grace@example.com")

    assert response.status_code == 429
    assert "Grace@example.com has been sent 2 invitations" in response.json()["detail"]
    assert Invitation.objects.filter(email__iexact="grace@example.com").count() == 2


def test_re_inviting_the_same_address_stops_at_the_limit(cast, settings):
    settings.INVITATIONS_PER_ADDRESS_PER_DAY = 3
    statuses = [invite_api(cast.owner, cast.organization, "grace@example.com").status_code for _ in range(25)]

    assert statuses == [201] * 3 + [429] * 22
    assert Invitation.objects.filter(email="grace@example.com").count() == 3


def test_mail_older_than_a_day_stops_counting(cast, settings):
    settings.INVITATIONS_PER_SENDER_PER_DAY = 1
    invite_api(cast.owner, cast.organization, "a@example.com")
    Invitation.objects.update(created_at=Invitation.objects.get().created_at - timedelta(hours=25))

    assert invite_api(cast.owner, cast.organization, "b@example.com").status_code == 201


def test_the_page_shows_the_limit_as_a_form_error_and_saves_nothing(client, cast, settings):
    settings.INVITATIONS_PER_SENDER_PER_DAY = 1
    client.force_login(cast.owner)
    url = f"/organizations/{cast.organization.pk}/invitations/"
    client.post(url, {"email": "a@example.com", "role": "member"})

    response = client.post(url, {"email": "b@example.com", "role": "member"})

    assert response.status_code == 200
    assert "You have sent 1 invitations in the last 24 hours" in response.content.decode()
    assert not Invitation.objects.filter(email="b@example.com").exists()


@pytest.fixture
def survey(cast) -> Assessment:
    cast.assessment.mode = Assessment.Mode.SURVEY
    cast.assessment.save(update_fields=["mode"])
    return cast.assessment


def respondents_url(survey) -> str:
    return f"/api/assessments/{survey.pk}/respondents/"


def test_adding_and_removing_a_respondent_again_and_again_mails_once(cast, survey, mail_worker):
    client = api_as(cast.owner)
    for _ in range(10):
        added = client.post(respondents_url(survey), {"email": "grace@example.com"}, format="json")
        client.delete(f"{respondents_url(survey)}{added.json()['id']}/")
    mail_worker()

    assert OutgoingEmail.objects.filter(to="grace@example.com").count() == 1


def test_a_respondent_whose_invitation_is_over_the_limit_is_not_added(cast, survey, settings):
    settings.INVITATIONS_PER_SENDER_PER_DAY = 1
    client = api_as(cast.owner)
    client.post(respondents_url(survey), {"email": "grace@example.com"}, format="json")

    response = client.post(respondents_url(survey), {"email": "ada@example.com"}, format="json")

    assert response.status_code == 429
    assert "You have sent 1 invitations" in response.json()["detail"]
    assert not Respondent.objects.filter(email="ada@example.com").exists()
    assert not Invitation.objects.filter(email="ada@example.com").exists()


def test_a_respondent_over_the_limit_is_a_form_error_on_the_page(client, cast, survey, settings):
    settings.INVITATIONS_PER_ADDRESS_PER_DAY = 0
    client.force_login(cast.owner)

    response = client.post(f"/assessments/{survey.pk}/respondents/", {"respondent": "grace@example.com"})

    assert response.status_code == 400
    assert "grace@example.com has been sent 0 invitations" in response.content.decode()
    assert not Respondent.objects.exists()


def test_the_invitation_subject_carries_nothing_its_sender_chose(client, cast, mail_worker, smtp):
    cast.organization.name = "Your bank: verify at evil.example"
    cast.organization.save()
    cast.owner.first_name, cast.owner.last_name = "IT", "support www.evil.example"
    cast.owner.save()

    invite_api(cast.owner, cast.organization, "grace@example.com")
    mail_worker()

    (message,) = smtp.to("grace@example.com")
    text = message.get_payload(decode=True).decode()
    assert message["Subject"] == "You are invited to join an organisation on MLOps maturity"
    assert "IT support www[.]evil[.]example invites you" in text
    assert 'the organisation "Your bank: verify at evil[.]example"' in text
    assert "evil.example" not in text
