"""A real worker process computes a submitted assessment's report, on the real broker (Redis in CI)."""

from unittest import mock

import pytest
from django.db import close_old_connections
from kombu.exceptions import OperationalError

from reports.models import Report
from tests.api_helpers import api_as
from tests.conftest import complete_answers
from tests.worker import running_worker, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def report_status(assessment_id: int) -> str | None:
    close_old_connections()
    return Report.objects.filter(assessment_id=assessment_id).values_list("status", flat=True).first()


def test_a_submitted_assessment_becomes_ready_through_the_worker(cast):
    client = api_as(cast.member)
    answers = [{"question": a.question, "value": a.value} for a in complete_answers(cast.framework)]
    client.patch(f"/api/assessments/{cast.assessment.pk}/answers/", answers, format="json")

    with running_worker() as worker:
        response = client.post(f"/api/assessments/{cast.assessment.pk}/submit/")
        ready = wait_for(lambda: report_status(cast.assessment.pk) == "ready", timeout=90)

    assert response.status_code == 202
    assert ready, worker.stdout.read()[-3000:]


def test_a_report_whose_enqueue_failed_is_computed_once_the_broker_answers(cast, tmp_path):
    client = api_as(cast.member)
    answers = [{"question": a.question, "value": a.value} for a in complete_answers(cast.framework)]
    client.patch(f"/api/assessments/{cast.assessment.pk}/answers/", answers, format="json")
    broker_down = OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    with mock.patch("reports.services.current_app.send_task", side_effect=broker_down):
        response = client.post(f"/api/assessments/{cast.assessment.pk}/submit/")

    assert response.status_code == 202
    assert report_status(cast.assessment.pk) == "pending"
    beat = ("--beat", "--schedule", str(tmp_path / "beat-schedule"))
    with running_worker(*beat, REPORT_STALE_AFTER_SECONDS="1") as worker:
        ready = wait_for(lambda: report_status(cast.assessment.pk) == "ready", timeout=90)

    assert ready, worker.stdout.read()[-3000:]
