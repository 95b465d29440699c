"""Celery entry points: they take ids, call one service, and are safe to run twice."""

from celery import shared_task
from django.conf import settings

from reports.services import (
    REPORT_TASK_HARD_LIMIT_MARGIN,
    RETRYABLE_ERRORS,
    report_compute,
    reports_requeue_stale,
)

RETRY = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": RETRYABLE_ERRORS,
    "retry_backoff": 2,
    "retry_backoff_max": 60,
    "retry_jitter": True,
    "max_retries": 8,
    "soft_time_limit": settings.REPORT_TASK_SOFT_TIME_LIMIT,
    "time_limit": settings.REPORT_TASK_SOFT_TIME_LIMIT + REPORT_TASK_HARD_LIMIT_MARGIN,
}


@shared_task(name="reports.compute_report", **RETRY)
def compute_report(assessment_id: int) -> None:
    report_compute(assessment_id=assessment_id)


@shared_task(name="reports.compute_reports", **RETRY)
def compute_reports(assessment_ids: list[int]) -> None:
    """A batch from regenerating or requeueing. Run again after an error, it skips what is done: each
    report is claimed on its own, and a computed one is no longer pending."""
    for assessment_id in assessment_ids:
        report_compute(assessment_id=assessment_id)


@shared_task(name="reports.requeue_stale_reports", acks_late=True, time_limit=120)
def requeue_stale_reports() -> int:
    return reports_requeue_stale()
