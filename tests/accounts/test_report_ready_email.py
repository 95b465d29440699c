"""The email to the person who submitted an assessment when its report is ready: enqueued after the
report's commit, sent by the worker's task once, not to someone who turned it off."""

from unittest import mock

import pytest
from django.core import mail
from django.db import OperationalError

from accounts.services import preferences_set
from accounts.tasks import SEND_REPORT_READY_EMAIL, send_report_ready_email
from assessments.models import Assessment
from reports.models import Report
from reports.services import report_compute, report_request
from tests.accounts.conftest import mail_link
from tests.conftest import complete_answers
from tests.reports.conftest import submit_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(cast):
    """Submitted by the cast's member (member@example.com), its report pending."""
    return submit_answers(cast, complete_answers(cast.framework))


def compute(assessment, django_capture_on_commit_callbacks) -> mock.Mock:
    """Computes the report as the worker does, and returns what was handed to the broker after commit."""
    with (
        mock.patch("accounts.receivers.current_app.send_task") as send_task,
        django_capture_on_commit_callbacks(execute=True),
    ):
        report_compute(assessment_id=assessment.pk)
    return send_task


def test_it_enqueues_the_email_once_the_report_is_ready(submitted, django_capture_on_commit_callbacks):
    send_task = compute(submitted, django_capture_on_commit_callbacks)

    send_task.assert_called_once_with(
        SEND_REPORT_READY_EMAIL, args=[submitted.pk, f"/assessments/{submitted.pk}/report/"]
    )


def test_it_enqueues_nothing_when_a_ready_report_is_computed_again(submitted, django_capture_on_commit_callbacks):
    compute(submitted, django_capture_on_commit_callbacks)
    report_request(assessment_id=submitted.pk)  # e.g. the team's targets changed

    send_task = compute(submitted, django_capture_on_commit_callbacks)

    send_task.assert_not_called()


def test_the_task_mails_the_submitter_a_link_to_the_report(submitted, cast, smtp, settings, mail_worker):
    settings.SITE_URL = "https://maturity.example.com"
    report_compute(assessment_id=submitted.pk)

    sent = send_report_ready_email(submitted.pk, f"/assessments/{submitted.pk}/report/")
    mail_worker()

    (message,) = smtp.to("member@example.com")
    assert sent
    assert message["Subject"] == "The report of your self-assessment is ready"
    assert "The report of the self-assessment of Search" in message.get_payload(decode=True).decode()
    assert mail_link(message, "/assessments/") == f"/assessments/{submitted.pk}/report/"
    assert "https://maturity.example.com/account/preferences/" in message.get_payload(decode=True).decode()


def test_the_task_sends_once_when_run_twice(submitted, mail_worker):
    send_report_ready_email(submitted.pk, "/report/")
    sent_again = send_report_ready_email(submitted.pk, "/report/")
    mail_worker()

    assert not sent_again
    assert len(mail.outbox) == 1


def test_the_task_sends_nothing_to_someone_who_turned_it_off(submitted, cast):
    preferences_set(user=cast.member, report_ready_email=False)

    assert not send_report_ready_email(submitted.pk, "/report/")
    assert not mail.outbox


def test_the_task_sends_again_after_a_failed_send(submitted, mail_worker):
    """The claim commits only with the queued mail, so the retry of a failed attempt queues it."""
    with (
        mock.patch("accounts.services.email_send", side_effect=OperationalError("database is locked")),
        pytest.raises(OperationalError, match="database is locked"),
    ):
        send_report_ready_email(submitted.pk, "/report/")

    assert send_report_ready_email(submitted.pk, "/report/")
    mail_worker()
    assert len(mail.outbox) == 1


def test_the_task_retries_a_database_that_is_busy():
    assert OperationalError in send_report_ready_email.autoretry_for
    assert send_report_ready_email.name == SEND_REPORT_READY_EMAIL


def test_the_report_is_ready_even_when_the_broker_refuses_the_email(submitted, django_capture_on_commit_callbacks):
    with (
        mock.patch("accounts.receivers.current_app.send_task", side_effect=OSError("broker down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        report_compute(assessment_id=submitted.pk)

    assert Report.objects.get(assessment=submitted).status == Report.Status.READY


def test_the_mail_of_a_report_in_review_says_it_is_provisional(submitted, cast, smtp, mail_worker):
    Assessment.objects.filter(pk=submitted.pk).update(status=Assessment.Status.IN_REVIEW, review_required=True)
    report_compute(assessment_id=submitted.pk)

    send_report_ready_email(submitted.pk, f"/assessments/{submitted.pk}/report/")
    mail_worker()

    (message,) = smtp.to("member@example.com")
    assert "It is provisional until a reviewer accepts the assessment." in message.get_payload(decode=True).decode()
