"""The Celery entry points: named, late-acked, retried on database errors only; and the claim that
keeps two deliveries of one message from both computing the report."""

import threading
from unittest import mock

import pytest
from django.db import OperationalError, connection
from kombu.exceptions import OperationalError as BrokerError

from reports.models import Report
from reports.selectors.report import report_inputs
from reports.services import BATCH_SIZE, report_compute, reports_enqueue
from reports.tasks import compute_report, compute_reports, requeue_stale_reports
from tests.conftest import complete_answers
from tests.reports.conftest import submit_answers


def test_the_tasks_are_named_acked_late_and_time_limited():
    assert compute_report.name == "reports.compute_report"
    assert requeue_stale_reports.name == "reports.requeue_stale_reports"
    assert (compute_report.acks_late, compute_report.reject_on_worker_lost) == (True, True)
    assert compute_report.soft_time_limit < compute_report.time_limit
    assert compute_reports.name == "reports.compute_reports"
    assert (compute_reports.acks_late, compute_reports.autoretry_for) == (True, compute_report.autoretry_for)


def test_it_retries_database_errors_with_backoff():
    outcomes = [OperationalError("connection lost"), OperationalError("connection lost"), True]

    with mock.patch("reports.tasks.report_compute", side_effect=outcomes) as compute:
        result = compute_report.apply(args=[1])

    assert (result.state, compute.call_count) == ("SUCCESS", 3)


def test_it_does_not_retry_other_errors():
    with mock.patch("reports.tasks.report_compute", side_effect=ValueError("bad data")) as compute:
        result = compute_report.apply(args=[1])

    assert (result.state, compute.call_count) == ("FAILURE", 1)


def test_many_reports_are_sent_in_batches_in_order():
    ids = list(range(1, 2 * BATCH_SIZE + 2))

    with mock.patch("reports.services.current_app.send_task") as send:
        assert reports_enqueue(assessment_ids=ids) == 0

    batches = [call.kwargs["args"][0] for call in send.call_args_list]
    assert [len(batch) for batch in batches] == [BATCH_SIZE, BATCH_SIZE, 1]
    assert [assessment_id for batch in batches for assessment_id in batch] == ids


def test_batches_the_broker_refuses_are_counted_as_unsent():
    with mock.patch("reports.services.current_app.send_task", side_effect=[None, BrokerError("down")]):
        assert reports_enqueue(assessment_ids=list(range(BATCH_SIZE + 3))) == 3


@pytest.mark.django_db
def test_a_batch_run_again_after_a_database_error_computes_only_what_is_left(cast):
    assessments = [submit_answers(cast, complete_answers(cast.framework, value=v)) for v in (1, 2, 3)]
    real_inputs = report_inputs
    failed = []

    def flaky_inputs(*, assessment_id):
        if assessment_id == assessments[1].pk and not failed:
            failed.append(assessment_id)
            raise OperationalError("connection lost")
        return real_inputs(assessment_id=assessment_id)

    with mock.patch("reports.services.report_inputs", side_effect=flaky_inputs):
        result = compute_reports.apply(args=[[a.pk for a in assessments]])

    assert result.state == "SUCCESS"
    reports = Report.objects.order_by("assessment__submitted_at", "assessment_id")
    assert [(r.status, r.attempts) for r in reports] == [("ready", 1), ("ready", 2), ("ready", 1)]


@pytest.mark.django_db
def test_a_batch_past_one_reports_time_limit_sends_the_rest_back_to_the_queue(cast, settings):
    assessments = [submit_answers(cast, complete_answers(cast.framework, value=v)) for v in (1, 2, 3)]
    settings.REPORT_TASK_SOFT_TIME_LIMIT = 0  # every report after the first starts too late

    with mock.patch("reports.services.current_app.send_task") as send:
        compute_reports.apply(args=[[a.pk for a in assessments]])

    statuses = dict(Report.objects.values_list("assessment_id", "status"))
    assert [statuses[a.pk] for a in assessments] == ["ready", "pending", "pending"]
    send.assert_called_once_with("reports.compute_reports", args=[[assessments[1].pk, assessments[2].pk]])


def test_a_batch_has_twice_the_time_of_one_report():
    assert compute_reports.soft_time_limit == 2 * compute_report.soft_time_limit
    assert compute_reports.time_limit - compute_reports.soft_time_limit == (
        compute_report.time_limit - compute_report.soft_time_limit
    )


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
