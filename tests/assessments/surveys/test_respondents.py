"""Adding and removing respondents: members by username or address, addresses invited through the first-day
flow and claimed when they join; the refusals leave everything as it was."""

import pytest

from accounts.models import Invitation
from assessments.errors import RespondentInvalidError, RespondentSubmittedError, SurveyClosedError
from assessments.models import Assessment, Respondent, Review, Role
from assessments.services.surveys import respondent_add, respondent_remove, respondents_claim
from tests.accounts.conftest import mail_link
from tests.assessments.surveys.conftest import first_keys, member, responded
from tests.factories import verified
from tests.smtp_server import body

pytestmark = pytest.mark.django_db


def test_it_adds_a_member_of_any_role_by_username(cast, survey):
    respondent = respondent_add(assessment=survey, added_by=cast.owner, username="viewer")

    assert (respondent.user, respondent.email, respondent.submitted_at) == (cast.viewer, "", None)


def test_it_takes_a_members_verified_address_as_that_member(cast, survey):
    ada = verified(member(cast, "ada"))

    respondent = respondent_add(assessment=survey, added_by=cast.owner, email="ADA@example.com")

    assert (respondent.user, respondent.email) == (ada, "")
    assert not Invitation.objects.exists()


def test_it_takes_an_unverified_claim_to_an_address_for_nobody(cast, survey, smtp):
    """A member who signed up with a colleague's address does not answer in the colleague's place."""
    mallory = member(cast, "mallory")
    mallory.email = "ada@example.com"
    mallory.save()

    respondent = respondent_add(assessment=survey, added_by=cast.owner, email="ada@example.com")

    assert (respondent.user, respondent.email) == (None, "ada@example.com")
    assert Invitation.objects.get().email == "ada@example.com"


def test_a_username_shaped_like_an_address_is_only_a_username(cast, survey, smtp):
    impostor = member(cast, "impostor")
    impostor.username = "ada@example.com"  # made before usernames were refused an @
    impostor.save()

    respondent = respondent_add(assessment=survey, added_by=cast.owner, email="ada@example.com")

    assert respondent.user is None


@pytest.mark.parametrize(
    "address", ["@nohost", "ada@nohost", "ada@example.com\nBcc: eve@example.com", "a" * 250 + "@x.io"]
)
def test_it_refuses_an_address_that_is_not_one_and_stores_and_mails_nothing(client, cast, survey, smtp, address):
    client.force_login(cast.owner)

    api = client.post(f"/api/assessments/{survey.pk}/respondents/", {"email": address}, content_type="application/json")
    page = client.post(f"/assessments/{survey.pk}/respondents/", {"respondent": address})

    assert (api.status_code, list(api.json())) == (400, ["email"])
    assert page.status_code == 400
    assert "Enter a valid email address." in page.content.decode()
    assert not Respondent.objects.exists()
    assert not Invitation.objects.exists()
    assert smtp.messages == []


def test_a_mail_server_that_is_down_delays_the_invitation_and_adds_the_respondent_with_it(
    client, cast, survey, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens on the discard port
    client.force_login(cast.owner)

    api = client.post(
        f"/api/assessments/{survey.pk}/respondents/", {"email": "grace@example.com"}, content_type="application/json"
    )

    assert api.status_code == 201
    respondent, invitation = Respondent.objects.get(), Invitation.objects.get()
    assert (respondent.email, invitation.email) == ("grace@example.com", "grace@example.com")
    assert invitation.email_message is None  # the worker writes and sends it after commit, once the server is back


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"username": "outsider"}, "username", "outsider is not a member of this organisation."),
        ({"username": "nobody"}, "username", "nobody is not a member of this organisation."),
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
        ({}, "username", "Give either the username of a member or an email address."),
    ],
)
def test_it_refuses_someone_it_cannot_add(cast, survey, kwargs, field, message):
    with pytest.raises(RespondentInvalidError) as refused:
        respondent_add(assessment=survey, added_by=cast.owner, **kwargs)

    assert refused.value.problems == {field: [message]}
    assert not Respondent.objects.exists()


def test_it_refuses_the_same_person_twice(cast, survey):
    respondent_add(assessment=survey, added_by=cast.owner, username="member")
    respondent_add(assessment=survey, added_by=cast.owner, email="grace@example.com")

    with pytest.raises(RespondentInvalidError, match="member is a respondent already"):
        respondent_add(assessment=survey, added_by=cast.owner, username="member")
    with pytest.raises(RespondentInvalidError, match=r"(?i)grace@example\.com is a respondent already"):
        respondent_add(assessment=survey, added_by=cast.owner, email="Grace@Example.com")
    assert Respondent.objects.count() == 2


def test_it_refuses_respondents_in_workshop_mode(cast):
    with pytest.raises(SurveyClosedError, match="workshop mode"):
        respondent_add(assessment=cast.assessment, added_by=cast.owner, username="member")

    assert not Respondent.objects.exists()


def test_it_refuses_respondents_once_submitted(cast, survey):
    Assessment.objects.filter(pk=survey.pk).update(
        status="submitted", submitted_at="2026-01-01T00:00Z", submitted_by=cast.owner
    )
    survey.refresh_from_db()

    with pytest.raises(SurveyClosedError, match="submitted"):
        respondent_add(assessment=survey, added_by=cast.owner, username="member")

    assert not Respondent.objects.exists()


def test_it_removes_a_respondent_who_has_not_submitted(cast, survey):
    respondent = responded(cast, survey, cast.member, {first_keys(cast.framework, 1)[0]: 2}, submit=False)

    respondent_remove(respondent=respondent)

    assert not Respondent.objects.exists()


def test_it_keeps_a_respondent_who_submitted(cast, survey):
    respondent = responded(cast, survey, cast.member, {first_keys(cast.framework, 1)[0]: 2})

    with pytest.raises(RespondentSubmittedError):
        respondent_remove(respondent=respondent)

    assert Respondent.objects.get().answers.count() == 1


def test_it_invites_an_address_by_email_and_gives_it_the_survey_when_it_joins(client, cast, survey, smtp, mail_worker):
    respondent = respondent_add(assessment=survey, added_by=cast.owner, email="grace@example.com")
    mail_worker()

    (message,) = smtp.to("grace@example.com")
    assert "Acme" in body(message)
    assert Invitation.objects.get(email="grace@example.com").role == Role.MEMBER
    password = "correct-horse-battery"
    response = client.post(
        mail_link(message, "/invitations/"), {"username": "grace", "password1": password, "password2": password}
    )

    assert response.status_code == 302
    respondent.refresh_from_db()
    assert respondent.user.username == "grace"
    assert client.get(f"/assessments/{survey.pk}/my-answers/").status_code == 302  # to the first area: hers


def test_it_does_not_invite_an_address_twice_while_its_invitation_is_pending(cast, survey, smtp, mail_worker):
    other = Assessment.objects.create(
        team=cast.team, number=9, framework=cast.framework, created_by=cast.owner, mode="survey"
    )
    respondent_add(assessment=survey, added_by=cast.owner, email="grace@example.com")
    respondent_add(assessment=other, added_by=cast.owner, email="grace@example.com")
    mail_worker()

    assert len(smtp.to("grace@example.com")) == 1
    assert Respondent.objects.filter(email="grace@example.com").count() == 2


def test_it_claims_only_where_the_user_is_not_a_respondent_already(cast, survey):
    other = Assessment.objects.create(
        team=cast.team, number=9, framework=cast.framework, created_by=cast.owner, mode="survey"
    )
    grace = member(cast, "grace")
    respondent_add(assessment=survey, added_by=cast.owner, email="grace@elsewhere.com")
    respondent_add(assessment=other, added_by=cast.owner, email="grace@elsewhere.com")
    respondent_add(assessment=other, added_by=cast.owner, username="grace")

    claimed = respondents_claim(user=grace, organization=cast.organization, email="Grace@elsewhere.com")

    assert claimed == 1
    assert Respondent.objects.get(assessment=survey).user == grace
    assert Respondent.objects.filter(assessment=other, user__isnull=True).count() == 1


def test_it_names_the_bad_field_in_the_api_and_changes_nothing(client, cast, survey):
    verified(cast.member)
    client.force_login(cast.owner)
    url = f"/api/assessments/{survey.pk}/respondents/"

    outsider = client.post(url, {"username": "outsider"}, content_type="application/json")
    client.post(url, {"username": "member"}, content_type="application/json")
    twice = client.post(url, {"email": "member@example.com"}, content_type="application/json")
    other = Assessment.objects.create(team=cast.team, number=9, framework=cast.framework, created_by=cast.owner)
    workshop = client.post(
        f"/api/assessments/{other.pk}/respondents/", {"username": "member"}, content_type="application/json"
    )

    assert (outsider.status_code, outsider.json()) == (
        400,
        {"username": ["outsider is not a member of this organisation."]},
    )
    assert twice.status_code == 400
    assert list(twice.json()) == ["username"]
    assert workshop.status_code == 409
    assert Respondent.objects.count() == 1


def test_it_adds_and_removes_from_the_page_with_clear_messages(client, cast, survey):
    client.force_login(cast.owner)
    url = f"/assessments/{survey.pk}/respondents/"

    added = client.post(url, {"respondent": "viewer"}, follow=True).content.decode()
    refused = client.post(url, {"respondent": "nobody"})
    respondent = Respondent.objects.get()
    removed = client.post(f"{url}{respondent.pk}/remove/", follow=True).content.decode()

    assert "Added viewer as a respondent." in added
    assert refused.status_code == 400
    assert "nobody is not a member of this organisation." in refused.content.decode()
    assert "Removed viewer from the survey." in removed
    assert not Respondent.objects.exists()


def test_a_survey_returned_by_its_reviewer_stays_closed_to_respondents(cast, survey):
    Review.objects.create(assessment=survey, reviewer=cast.owner, decision=Review.Decision.RETURNED, comment="Redo")

    with pytest.raises(SurveyClosedError, match="submitted once"):
        respondent_add(assessment=survey, added_by=cast.owner, username="member")
    assert not survey.respondents.exists()


@pytest.mark.parametrize(("role", "shown"), [("owner", True), ("assessor", True), ("member", False), ("viewer", False)])
def test_it_shows_invited_addresses_only_to_those_who_run_the_survey(client, cast, survey, smtp, role, shown):
    respondent_add(assessment=survey, added_by=cast.owner, email="grace@example.com")
    client.force_login(cast.users[role])

    page = client.get(f"/assessments/{survey.pk}/respondents/").content.decode()
    (row,) = client.get(f"/api/assessments/{survey.pk}/respondents/").json()

    assert ("grace@example.com" in page) is shown
    assert (row["email"], row["name"]) == (
        ("grace@example.com", "grace@example.com") if shown else (None, "Someone invited by email")
    )


def test_a_member_respondents_address_is_null_as_documented_not_blank(client, cast, survey):
    respondent_add(assessment=survey, added_by=cast.owner, username="viewer")
    client.force_login(cast.owner)

    response = client.get(f"/api/assessments/{survey.pk}/respondents/")

    assert response.status_code == 200
    assert [(row["username"], row["email"]) for row in response.json()] == [("viewer", None)]
