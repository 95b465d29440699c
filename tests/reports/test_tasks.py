"""The Celery entry points: named, late-acked, retried on database errors only; and the claim that
keeps two deliveries of one message from both computing the report."""

import threading
from unittest import mock

import pytest
from django.db import OperationalError, connection

from reports.models import Report
from reports.services import report_compute
from reports.tasks import compute_report, requeue_stale_reports
from tests.conftest import complete_answers
from tests.reports.conftest import submit_answers


def test_the_tasks_are_named_acked_late_and_time_limited():
    assert compute_report.name == "reports.compute_report"
    assert requeue_stale_reports.name == "reports.requeue_stale_reports"
    assert (compute_report.acks_late, compute_report.reject_on_worker_lost) == (True, True)
    assert compute_report.soft_time_limit < compute_report.time_limit


def test_it_retries_database_errors_with_backoff():
    outcomes = [OperationalError("connection lost"), OperationalError("connection lost"), True]

    with mock.patch("reports.tasks.report_compute", side_effect=outcomes) as compute:
        result = compute_report.apply(args=[1])

    assert (result.state, compute.call_count) == ("SUCCESS", 3)


def test_it_does_not_retry_other_errors():
    with mock.patch("reports.tasks.report_compute", side_effect=ValueError("bad data")) as compute:
        result = compute_report.apply(args=[1])

    assert (result.state, compute.call_count) == ("FAILURE", 1)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runs_compute_the_report_once(cast):
    assessment = submit_answers(cast, complete_answers(cast.framework))
    barrier = threading.Barrier(2)
    outcomes = []

    def deliver():
        barrier.wait()
        try:
            outcomes.append(report_compute(assessment_id=assessment.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == [False, True]
    assert (Report.objects.get().status, Report.objects.get().attempts) == ("ready", 1)
