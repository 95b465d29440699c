"""A real worker process delivers the mail that requests only saved: once each, through a real SMTP server."""

import pytest
from django.db import close_old_connections

from accounts.models import OutgoingEmail
from tests.api_helpers import api_as
from tests.factories import UserFactory
from tests.smtp_server import SMTPServer
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
    return not OutgoingEmail.objects.filter(sent_at=None).exists()


def test_the_worker_delivers_each_mail_the_requests_saved_exactly_once(client, cast, smtp_server):
    UserFactory(username="ada", email="ada@example.com")
    invited = api_as(cast.owner).post(
        f"/api/organizations/{cast.organization.pk}/invitations/",
        {"email": "grace@example.com", "role": "member"},
        format="json",
    )
    reset = client.post("/account/password/reset/", {"email": "ada@example.com"})
    during_requests = list(smtp_server.inbox.messages)

    with running_worker(EMAIL_URL=f"smtp://127.0.0.1:{smtp_server.port}") as worker:
        sent = wait_for(all_sent, timeout=90)

    assert (invited.status_code, reset.status_code) == (201, 302)
    assert during_requests == []
    assert sent, worker.stdout.read()[-3000:]
    assert len(smtp_server.inbox.to("grace@example.com")) == 1
    assert len(smtp_server.inbox.to("ada@example.com")) == 1
