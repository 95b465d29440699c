"""Every survey respondent is asked by mail for their answers (accounts.respondent_emails): a member at the address
they verified, with a link to their answers; an address that has not joined in its invitation's mail, with the
link that joins and then leads to their answers; once per survey and address, naming the survey, who asks and
the deadline."""

from datetime import timedelta

import pytest
from django.utils import dateformat, timezone

from accounts.models import Invitation, OutgoingEmail, RespondentEmail
from accounts.respondent_emails import respondent_email_enqueue
from accounts.tokens import invitation_id_from_token
from assessments.models import Assessment, Role
from assessments.services.surveys import respondent_add, respondent_remove, respondents_add
from tests.accounts.conftest import mail_link
from tests.assessments.surveys.conftest import first_keys, responded
from tests.factories import MembershipFactory, UserFactory, verified
from tests.smtp_server import body

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture
def survey(cast) -> Assessment:
    cast.assessment.mode = Assessment.Mode.SURVEY
    cast.assessment.save(update_fields=["mode"])
    return cast.assessment


@pytest.fixture
def ada(cast):
    user = verified(UserFactory(username="ada", email="ada@example.com", first_name="Ada", last_name="Lovelace"))
    MembershipFactory(user=user, organization=cast.organization, role=Role.MEMBER)
    return user


def invitation_named(message) -> int:
    return invitation_id_from_token(mail_link(message, "/invitations/").split("/")[2])


def in_a_week():
    return timezone.localdate() + timedelta(days=7)


def test_it_asks_a_member_for_their_answers_naming_the_survey_who_asks_and_by_when(
    client, cast, survey, ada, smtp, mail_worker
):
    deadline = in_a_week()
    respondents_add(assessment=survey, added_by=cast.owner, deadline=deadline, usernames=["ada"])

    mail_worker()

    (message,) = smtp.to("ada@example.com")
    text = body(message)
    assert message["Subject"] == f"Your answers are asked for a survey on MLOps maturity, by {deadline:%-d %B}"
    assert "Hello Ada Lovelace," in text
    assert "owner asks you to answer Self-assessment 1 of Search (Acme)" in text
    assert f"Please answer by {dateformat.format(deadline, 'l j F Y')}." in text
    client.force_login(ada)
    answers = client.get(mail_link(message, f"/assessments/{survey.pk}/my-answers/"))
    assert (answers.status_code, answers.url) == (302, f"/assessments/{survey.pk}/my-answers/people/")


def test_a_survey_without_a_deadline_asks_without_one(cast, survey, ada, smtp, mail_worker):
    respondent_add(assessment=survey, added_by=cast.owner, username="ada")

    mail_worker()

    (message,) = smtp.to("ada@example.com")
    assert message["Subject"] == "Your answers are asked for a survey on MLOps maturity"
    assert "Please answer by" not in body(message)


def test_it_asks_each_address_once_per_survey_however_often_it_runs_or_they_are_added(
    cast, survey, ada, smtp, mail_worker
):
    respondent = respondent_add(assessment=survey, added_by=cast.owner, username="ada")
    mail_worker()
    respondent_remove(respondent=respondent)
    respondent_add(assessment=survey, added_by=cast.owner, username="ada")

    mail_worker()
    mail_worker()

    assert len(smtp.to("ada@example.com")) == 1
    assert RespondentEmail.objects.get().email_message.delivery == "sent"


def test_it_asks_nobody_at_an_address_they_have_not_verified(cast, survey, smtp, mail_worker):
    """Whoever typed the address in at sign-up is not told what the organisation is surveying."""
    bob = UserFactory(username="bob", email="bob@example.com")
    MembershipFactory(user=bob, organization=cast.organization, role=Role.MEMBER)
    respondent_add(assessment=survey, added_by=cast.owner, username="bob")

    assert mail_worker() == 0
    assert smtp.messages == []


def test_a_facilitator_who_adds_themselves_gets_no_mail(cast, survey, smtp, mail_worker):
    verified(cast.owner)
    respondent_add(assessment=survey, added_by=cast.owner, username="owner")

    assert mail_worker() == 0


def test_it_asks_nobody_who_submitted_before_the_worker_wrote(cast, survey, ada, smtp, mail_worker):
    responded(cast, survey, ada, {first_keys(cast.framework, 1)[0]: 2})

    assert mail_worker() == 0


def test_it_asks_nobody_once_the_survey_closed(cast, survey, ada, smtp, mail_worker):
    respondent_add(assessment=survey, added_by=cast.owner, username="ada")
    Assessment.objects.filter(pk=survey.pk).update(
        status="submitted", submitted_at=timezone.now(), submitted_by=cast.owner
    )

    assert mail_worker() == 0


def test_a_new_address_is_asked_in_its_invitation_which_leads_to_its_answers(client, cast, survey, smtp, mail_worker):
    deadline = in_a_week()
    respondents_add(assessment=survey, added_by=cast.owner, deadline=deadline, emails=["grace@example.com"])

    mail_worker()

    (message,) = smtp.to("grace@example.com")
    text = body(message)
    assert message["Subject"] == "You are invited to answer a survey on MLOps maturity"
    assert 'owner invites you to join the organisation "Acme"' in text
    assert (
        f"- Self-assessment 1 of Search, asked by owner: please answer by {dateformat.format(deadline, 'l j F Y')}"
        in text
    )
    joined = client.post(
        mail_link(message, "/invitations/"), {"username": "grace", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert (joined.status_code, joined.url) == (302, f"/assessments/{survey.pk}/my-answers/")


def test_an_address_invited_before_is_asked_with_the_same_invitations_link(client, cast, survey, smtp, mail_worker):
    other = Assessment.objects.create(
        team=cast.team, number=9, framework=cast.framework, created_by=cast.owner, mode="survey"
    )
    respondent_add(assessment=survey, added_by=cast.owner, email="grace@example.com")
    mail_worker()
    respondent_add(assessment=other, added_by=cast.assessor, email="grace@example.com")

    mail_worker()

    invitation, request = smtp.to("grace@example.com")
    assert "Self-assessment 9 of Search" not in body(invitation)
    assert "assessor asks you to answer Self-assessment 9 of Search (Acme)" in body(request)
    assert "Join Acme with this link" in body(request)
    assert invitation_named(request) == invitation_named(invitation) == Invitation.objects.get().pk


def test_names_people_chose_are_defused_in_the_body_and_kept_out_of_the_subject(cast, survey, ada, smtp, mail_worker):
    cast.team.name = "Pay at evil.example"
    cast.team.save()
    respondent_add(assessment=survey, added_by=cast.owner, username="ada")

    mail_worker()

    (message,) = smtp.to("ada@example.com")
    assert "evil" not in message["Subject"]
    assert "Self-assessment 1 of Pay at evil[.]example" in body(message)


def test_a_mail_the_queue_refuses_is_recorded_as_not_delivered(cast, survey, ada, monkeypatch):
    respondent = respondent_add(assessment=survey, added_by=cast.owner, username="ada")

    def broker_down(*args, **kwargs):
        raise OSError("Connection refused")

    monkeypatch.setattr("accounts.respondent_emails.current_app.send_task", broker_down)
    respondent_email_enqueue(respondent.pk)

    claim = RespondentEmail.objects.get()
    assert (claim.sent_to, claim.email_message.delivery) == ("ada@example.com", "failed")
    assert OutgoingEmail.objects.get().last_error == "Could not reach the task queue: Connection refused"
