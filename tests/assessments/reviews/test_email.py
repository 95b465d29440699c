"""The email to the person who submitted an assessment when a reviewer returns it: enqueued after the
return commits, sent by the worker's task once, with the comments and a link to the draft."""

from unittest import mock

import pytest
from django.core import mail

from accounts.tasks import SEND_REVIEW_RETURNED_EMAIL, send_report_ready_email, send_review_returned_email
from assessments.services.assessments import assessment_submit
from assessments.services.reviews import assessment_return
from reports.services import report_compute
from tests.accounts.conftest import mail_link
from tests.smtp_server import body

pytestmark = pytest.mark.django_db


def a_question(cast):
    return cast.framework.questions.select_related("area").order_by("position").first()


def test_it_enqueues_the_email_once_the_return_commits(cast, in_review, django_capture_on_commit_callbacks):
    with (
        mock.patch("accounts.receivers.current_app.send_task") as send_task,
        django_capture_on_commit_callbacks(execute=True),
    ):
        review = assessment_return(assessment=in_review, reviewer=cast.owner, comment="Redo.")

    send_task.assert_called_once_with(SEND_REVIEW_RETURNED_EMAIL, args=[review.pk, cast.member.pk])


def test_nothing_is_enqueued_when_the_return_is_refused(cast, in_review, django_capture_on_commit_callbacks):
    with (
        mock.patch("accounts.receivers.current_app.send_task") as send_task,
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Exception, match="You submitted"),
    ):
        assessment_return(assessment=in_review, reviewer=cast.member, comment="Mine.")

    send_task.assert_not_called()


def test_the_task_mails_the_comments_and_a_link_to_the_draft(cast, in_review, smtp, settings, mail_worker):
    settings.SITE_URL = "https://maturity.example.com"
    question = a_question(cast)
    review = assessment_return(
        assessment=in_review,
        reviewer=cast.owner,
        comment="Several claims lack evidence.",
        question_comments={question.key: "Which tool versions the data?"},
    )

    sent = send_review_returned_email(review.pk, cast.member.pk)
    mail_worker()

    (message,) = smtp.to("member@example.com")
    text = body(message).replace("\r\n", "\n")
    assert sent
    assert message["Subject"] == "Your assessment was returned for changes"
    assert "owner reviewed Self-assessment 1 of Search, which you submitted" in text
    assert "Several claims lack evidence." in text
    assert f"{question.statement}\n  Which tool versions the data?" in text
    assert mail_link(message, f"/assessments/{in_review.pk}/areas/") == (
        f"/assessments/{in_review.pk}/areas/{question.area.key}/#q-{question.key}"
    )
    assert f"https://maturity.example.com/assessments/{in_review.pk}/\n" in text


def test_the_task_sends_once_when_run_twice(cast, in_review, mail_worker):
    review = assessment_return(assessment=in_review, reviewer=cast.owner, comment="Redo.")

    assert send_review_returned_email(review.pk, cast.member.pk)
    assert not send_review_returned_email(review.pk, cast.member.pk)
    mail_worker()
    assert len(mail.outbox) == 1


def test_the_mail_waits_for_a_mail_server_that_is_down(cast, in_review, settings, mail_worker):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    review = assessment_return(assessment=in_review, reviewer=cast.owner, comment="Redo.")

    assert send_review_returned_email(review.pk, cast.member.pk)
    with pytest.raises(ConnectionRefusedError):
        mail_worker()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert mail_worker() == 1  # its delivery was rolled back with the failure, and is retried


def test_the_report_of_the_resubmission_is_announced_again(cast, in_review, smtp, mail_worker):
    report_compute(assessment_id=in_review.pk)
    send_report_ready_email(in_review.pk, f"/assessments/{in_review.pk}/report/")
    assessment_return(assessment=in_review, reviewer=cast.owner, comment="Redo the data area.")
    assessment_submit(assessment=in_review, user=cast.member)
    report_compute(assessment_id=in_review.pk)

    send_report_ready_email(in_review.pk, f"/assessments/{in_review.pk}/report/")
    mail_worker()

    assert len(smtp.to("member@example.com")) == 2
