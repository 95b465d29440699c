"""Celery entry points: they take ids, call one service, and are safe to run twice."""

from celery import shared_task
from django.conf import settings

from reports.services import (
    BATCH_TIME_FACTOR,
    REPORT_TASK_HARD_LIMIT_MARGIN,
    RETRYABLE_ERRORS,
    report_compute,
    reports_compute_batch,
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


BATCH_LIMITS = {
    "soft_time_limit": BATCH_TIME_FACTOR * settings.REPORT_TASK_SOFT_TIME_LIMIT,
    "time_limit": BATCH_TIME_FACTOR * settings.REPORT_TASK_SOFT_TIME_LIMIT + REPORT_TASK_HARD_LIMIT_MARGIN,
}


@shared_task(name="reports.compute_reports", **(RETRY | BATCH_LIMITS))
def compute_reports(assessment_ids: list[int]) -> None:
    """A batch from regenerating or requeueing. Run again after an error, it skips what is done: each
    report is claimed on its own, and a computed one is no longer pending."""
    reports_compute_batch(assessment_ids=assessment_ids)


@shared_task(name="reports.requeue_stale_reports", acks_late=True, time_limit=120)
def requeue_stale_reports() -> int:
    return reports_requeue_stale()
