"""A real worker process writes the invitation's mail after its request committed, and delivers it and the mail
that allauth's request saved: once each, through a real SMTP server."""

from datetime import timedelta

import pytest
from django.db import close_old_connections
from django.utils import timezone

from accounts.models import Invitation, OutgoingEmail, RespondentEmail
from assessments.models import Assessment, Role
from tests.accounts.test_pages import signup_data
from tests.api_helpers import api_as
from tests.factories import MembershipFactory, UserFactory, verified
from tests.smtp_server import SMTPServer, body
from tests.worker import running_worker, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


@pytest.fixture
def smtp_server():
    server = SMTPServer()
    server.start()
    yield server
    server.stop()


def all_sent() -> bool:
    close_old_connections()
    unwritten = Invitation.objects.filter(email_message=None)
    return not unwritten.exists() and not OutgoingEmail.objects.filter(sent_at=None).exists()


def test_the_worker_writes_and_delivers_each_mail_exactly_once(client, cast, smtp_server):
    UserFactory(username="ada", email="ada@example.com")
    invited = api_as(cast.owner).post(
        f"/api/organizations/{cast.organization.pk}/invitations/",
        {"email": "grace@example.com", "role": "member"},
        format="json",
    )
    reset = client.post("/account/password/reset/", {"email": "ada@example.com"})
    during_requests = list(smtp_server.inbox.messages)
    written_by_requests = list(OutgoingEmail.objects.values_list("kind", flat=True))

    with running_worker(EMAIL_URL=f"smtp://127.0.0.1:{smtp_server.port}") as worker:
        sent = wait_for(all_sent, timeout=90)

    assert (invited.status_code, reset.status_code) == (201, 302)
    assert during_requests == []
    assert written_by_requests == ["account/email/password_reset_key"]
    assert sent, worker.stdout.read()[-3000:]
    assert len(smtp_server.inbox.to("grace@example.com")) == 1
    assert len(smtp_server.inbox.to("ada@example.com")) == 1


def test_the_worker_asks_every_survey_respondent_once_after_the_request_committed(cast, smtp_server):
    ada = verified(UserFactory(username="ada", email="ada@example.com"))
    MembershipFactory(user=ada, organization=cast.organization, role=Role.MEMBER)
    Assessment.objects.filter(pk=cast.assessment.pk).update(mode=Assessment.Mode.SURVEY)
    deadline = timezone.localdate() + timedelta(days=3)
    url = f"/api/assessments/{cast.assessment.pk}/respondents/"
    facilitator = api_as(cast.assessor)
    member = facilitator.post(url, {"username": "ada", "deadline": deadline.isoformat()}, format="json")
    address = facilitator.post(url, {"email": "grace@example.com"}, format="json")
    during_requests = list(smtp_server.inbox.messages)

    with running_worker(EMAIL_URL=f"smtp://127.0.0.1:{smtp_server.port}") as worker:
        sent = wait_for(lambda: all_sent() and RespondentEmail.objects.count() == 2, timeout=90)

    assert (member.status_code, address.status_code) == (201, 201)
    assert during_requests == []
    assert sent, worker.stdout.read()[-3000:]
    (asked,) = smtp_server.inbox.to("ada@example.com")
    (invited,) = smtp_server.inbox.to("grace@example.com")
    assert "assessor asks you to answer Self-assessment 1 of Search (Acme)" in body(asked)
    assert "- Self-assessment 1 of Search, asked by assessor: please answer by" in body(invited)


def test_the_verification_and_reset_mails_speak_for_the_product_not_for_the_host(client, smtp_server):
    UserFactory(username="ada", email="ada@example.com")
    signed_up = client.post("/signup/", signup_data(username="grace", email="grace@example.com"))
    client.logout()
    reset = client.post("/account/password/reset/", {"email": "ada@example.com"})

    with running_worker(EMAIL_URL=f"smtp://127.0.0.1:{smtp_server.port}") as worker:
        sent = wait_for(all_sent, timeout=90)

    assert (signed_up.status_code, reset.status_code, sent) == (302, 302, True), worker.stdout.read()[-3000:]
    [verification], [reset_mail] = smtp_server.inbox.to("grace@example.com"), smtp_server.inbox.to("ada@example.com")
    assert (verification["Subject"], reset_mail["Subject"]) == (
        "[MLOps maturity] Confirm your email address",
        "[MLOps maturity] Reset your password",
    )
    for mail, opening in [
        (verification, "The account grace on MLOps maturity, the service where teams assess"),
        (reset_mail, "Someone asked to reset the password of the account ada on MLOps maturity"),
    ]:
        text = body(mail).replace("\r\n", "\n")
        assert text.startswith(f"Hello,\n\n{opening}"), text
        # The request's host is in the link only, never in words ("Hello from testserver!").
        assert "testserver" not in " ".join(word for word in text.split() if not word.startswith("http")), text
