"""Every mail goes out from the worker (accounts/emails.py, the task accounts.deliver_email): an invitation's
request saves the invitation only, and the worker writes its mail after commit (accounts.send_invitation_email);
allauth's mails are saved by their request. The worker sends each once, retries a mail server that is down,
and marks what it finally could not send, for the owner to see and send again."""

from importlib import import_module
from unittest import mock

import pytest
from django.apps import apps as django_apps
from django.core import mail
from django.db import OperationalError, transaction

from accounts.emails import name_in_mail
from accounts.models import Invitation, OutgoingEmail
from accounts.services import SEND_INVITATION_EMAIL, invitation_create
from accounts.tasks import deliver_email, send_invitation_email
from tests.accounts.conftest import mail_link
from tests.accounts.test_pages import signup_data
from tests.factories import UserFactory
from tests.smtp_server import body

pytestmark = pytest.mark.django_db

RESET = "/account/password/reset/"


def invite(client, cast, email="grace@example.com", role="assessor"):
    client.force_login(cast.owner)
    return client.post(f"/organizations/{cast.organization.pk}/invitations/", {"email": email, "role": role})


def invite_and_write(client, cast):
    """Invites, and runs the task that the invitation's commit enqueues: its mail waits for delivery."""
    response = invite(client, cast)
    send_invitation_email(Invitation.objects.get(revoked_at=None).pk)
    return response


@pytest.fixture
def smtp_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens on the discard port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False


def test_the_invitation_request_writes_no_mail_and_enqueues_its_task_after_commit(
    client, cast, smtp, django_capture_on_commit_callbacks
):
    with mock.patch("accounts.services.current_app.send_task") as send_task:
        with django_capture_on_commit_callbacks() as after_commit:
            response = invite(client, cast)
            before_commit = (OutgoingEmail.objects.exists(), send_task.called)
        for callback in after_commit:
            callback()

    assert response.status_code == 302
    assert before_commit == (False, False)
    assert smtp.messages == []
    send_task.assert_called_once_with(SEND_INVITATION_EMAIL, args=[Invitation.objects.get().pk])


def invite_in_a_transaction_that_fails(cast):
    with transaction.atomic():
        invitation_create(organization=cast.organization, email="a@example.com", role="viewer", invited_by=cast.owner)
        raise RuntimeError("the request failed after inviting")


def test_an_invitation_rolled_back_with_its_transaction_enqueues_nothing(cast, django_capture_on_commit_callbacks):
    with (
        mock.patch("accounts.services.current_app.send_task") as send_task,
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError, match="failed after inviting"),
    ):
        invite_in_a_transaction_that_fails(cast)

    send_task.assert_not_called()
    assert not Invitation.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_the_task_writes_the_invitation_mail_once_and_the_worker_delivers_it(client, cast, smtp, settings):
    settings.SITE_URL = "https://maturity.example.com"
    invite(client, cast)
    invitation = Invitation.objects.get()

    written = send_invitation_email(invitation.pk)
    written_again = send_invitation_email(invitation.pk)
    invitation.refresh_from_db()
    delivered = deliver_email(invitation.email_message_id)

    (message,) = smtp.to("grace@example.com")
    assert (written, written_again, delivered) == (True, False, True)
    assert OutgoingEmail.objects.get() == invitation.email_message
    assert "https://maturity.example.com/invitations/" in body(message)


def test_the_task_retries_a_database_that_is_busy_and_writes_the_mail_once_it_is_back(client, cast, mail_worker):
    invite(client, cast)
    invitation = Invitation.objects.get()
    with (
        mock.patch("accounts.services.email_send", side_effect=OperationalError("database is locked")),
        pytest.raises(OperationalError, match="database is locked"),
    ):
        send_invitation_email(invitation.pk)

    assert OperationalError in send_invitation_email.autoretry_for
    assert send_invitation_email.name == SEND_INVITATION_EMAIL
    assert not OutgoingEmail.objects.exists()
    assert mail_worker() == 1


def test_an_invitation_mail_the_worker_cannot_write_shows_as_not_delivered(client, cast):
    response = invite(client, cast)

    with mock.patch("accounts.services.email_send", side_effect=OperationalError("database is locked")):
        send_invitation_email.apply(args=[Invitation.objects.get().pk])  # every retry at once

    page = client.get(response.url).content.decode()
    assert Invitation.objects.get().email_message.delivery == "failed"
    assert "Send the invitation to grace@example.com again" in page


def test_the_worker_delivers_the_invitation_once_when_its_task_runs_twice(client, cast, smtp):
    invite_and_write(client, cast)
    outgoing = OutgoingEmail.objects.get()

    sent = deliver_email(outgoing.pk)
    sent_again = deliver_email(outgoing.pk)

    (message,) = smtp.to("grace@example.com")
    assert (sent, sent_again) == (True, False)
    assert "/invitations/" in mail_link(message, "/invitations/")


def test_a_sent_mail_keeps_no_body(client, cast, mail_worker):
    invite(client, cast)

    mail_worker()

    outgoing = OutgoingEmail.objects.get()
    assert (outgoing.delivery, outgoing.text) == ("sent", "")


def test_a_mail_server_that_is_down_leaves_the_invitation_saved_and_marked_then_retried(
    client, cast, smtp_down, settings
):
    response = invite_and_write(client, cast)
    outgoing = OutgoingEmail.objects.get()

    with pytest.raises(OSError):  # noqa: PT011 (connection refused, whatever the platform's words)
        deliver_email(outgoing.pk)

    outgoing.refresh_from_db()
    assert response.status_code == 302
    assert Invitation.objects.get().email == "grace@example.com"
    assert (outgoing.delivery, outgoing.attempts, outgoing.sent_at) == ("retrying", 1, None)
    assert "Not delivered yet: trying again" in client.get(response.url).content.decode()
    assert OSError in deliver_email.autoretry_for
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deliver_email(outgoing.pk)
    assert [message.to for message in mail.outbox] == [["grace@example.com"]]


def test_a_mail_the_worker_gives_up_on_shows_as_not_delivered_with_a_way_to_send_it_again(client, cast, smtp_down):
    response = invite_and_write(client, cast)
    outgoing = OutgoingEmail.objects.get()

    deliver_email.apply(args=[outgoing.pk])  # every retry at once, as in a worker over 20 minutes

    outgoing.refresh_from_db()
    page = client.get(response.url).content.decode()
    assert outgoing.delivery == "failed"
    assert outgoing.attempts == deliver_email.max_retries + 1
    assert "Not delivered" in page
    assert "Send the invitation to grace@example.com again" in page


def test_sending_a_failed_invitation_again_sends_a_new_mail(client, cast, smtp_down, settings, mail_worker):
    invite_and_write(client, cast)
    OutgoingEmail.objects.update(failed_at="2026-01-01T00:00Z")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    invite(client, cast)  # the button posts the same address and role
    mail_worker()

    assert Invitation.objects.filter(revoked_at=None).get().email_message.delivery == "sent"
    assert len(mail.outbox) == 1


def test_the_api_says_how_the_invitation_mail_went(client, cast, mail_worker):
    client.force_login(cast.owner)
    url = f"/api/organizations/{cast.organization.pk}/invitations/"
    created = client.post(url, {"email": "grace@example.com", "role": "member"}, content_type="application/json")
    mail_worker()

    listed = client.get(url).json()["results"]

    assert created.json()["email_status"] == "queued"
    assert [row["email_status"] for row in listed] == ["sent"]


def test_an_invitation_mailed_by_its_request_before_the_worker_wrote_mail_reads_as_sent(client, cast):
    """accounts/migrations/0006: invitations from before 0003 have no mail row, and were mailed all the same."""
    migration = import_module("accounts.migrations.0006_invitation_mail_from_the_worker")
    Invitation.objects.create(
        organization=cast.organization, email="grace@example.com", role="member", invited_by=cast.owner
    )

    migration.mark_earlier_invitations_mailed(django_apps, None)

    client.force_login(cast.owner)
    listed = client.get(f"/api/organizations/{cast.organization.pk}/invitations/").json()["results"]
    assert [row["email_status"] for row in listed] == ["sent"]


def test_a_broker_that_refuses_the_task_marks_the_mail_not_delivered(client, cast, django_capture_on_commit_callbacks):
    with (
        mock.patch("accounts.services.current_app.send_task", side_effect=OSError("broker down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = invite(client, cast)

    assert response.status_code == 302
    assert OutgoingEmail.objects.get().delivery == "failed"


def test_the_password_reset_request_sends_nothing_and_the_worker_mails_the_link(client, smtp, mail_worker):
    UserFactory(username="ada", email="ada@example.com")

    response = client.post(RESET, {"email": "ada@example.com"})
    during_request = list(smtp.messages)
    delivered = mail_worker()

    (message,) = smtp.to("ada@example.com")
    assert response.status_code == 302
    assert during_request == []
    assert delivered == 1
    assert mail_link(message, "/account/password/reset/key/").startswith("/account/password/reset/key/")
    assert message["Subject"].startswith("[MLOps maturity] ")


def test_the_verification_mail_of_a_sign_up_goes_out_from_the_worker(client, smtp, mail_worker):
    client.post("/signup/", signup_data())
    during_request = list(smtp.messages)

    mail_worker()

    assert during_request == []
    assert "/account/confirm-email/" in body(smtp.to("ada@example.com")[0])


@pytest.mark.parametrize(
    ("name", "in_mail"),
    [
        ("Acme", "Acme"),
        ("Visit evil.example now", "Visit evil[.]example now"),
        ("Pay at https://evil.example/login", "Pay at https[://]evil[.]example/login"),
        ("www.evil.example", "www[.]evil[.]example"),
        ("Acme\n\nClick here", "Acme Click here"),
        ("Dr. Who & Co.", "Dr. Who & Co."),
    ],
)
def test_a_name_in_a_mail_is_one_line_and_never_a_link(name, in_mail):
    assert name_in_mail(name) == in_mail


def test_the_username_in_a_verification_mail_is_never_a_link(client, smtp, mail_worker):
    client.post("/signup/", signup_data(username="www.evil.example"))
    mail_worker()

    text = body(smtp.to("ada@example.com")[0])

    assert "The account www[.]evil[.]example on MLOps maturity" in text
    assert "evil.example" not in text
