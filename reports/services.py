"""Writes of the reports app: asking for a report, computing it in the worker, and keeping nothing
pending forever. Tasks are enqueued by name after commit, so this module never imports tasks.py."""

import logging
import time
from datetime import datetime, timedelta

from celery import current_app
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from assessments.models import Assessment
from assessments.signals import followup_ready
from maturity.scoring import SCORING_RULE
from reports.builders.report import compute_content_and_figures
from reports.models import AreaScore, Report
from reports.selectors.report import report_inputs

logger = logging.getLogger(__name__)

COMPUTE_TASK = "reports.compute_report"
COMPUTE_BATCH_TASK = "reports.compute_reports"
# Reports per message when many are asked for at once (regenerating, requeueing): the broker round trip
# and the worker's hand-off cost as much as computing a report, so bulk work shares them. Small enough
# that a batch ends well inside the task's soft time limit (a report takes a few tens of milliseconds).
BATCH_SIZE = 25
RETRYABLE_ERRORS = (OperationalError, InterfaceError)
REPORT_TASK_HARD_LIMIT_MARGIN = 15  # seconds between the task's soft and hard time limits
# A batch may run twice one report's soft limit, and starts no report after the first half of that: every
# report keeps at least the whole limit a single task gives it, and the rest go back to the queue.
BATCH_TIME_FACTOR = 2
# The assessments that have a report: an assessment in review has its (provisional) one.
SUBMITTED_OR_IN_REVIEW = (Assessment.Status.SUBMITTED, Assessment.Status.IN_REVIEW)


def report_request(*, assessment_id: int) -> Report:
    """Creates (or resets) the pending report, in the caller's transaction (the submission's), and enqueues
    its computation once that transaction has committed."""
    report, _ = Report.objects.update_or_create(
        assessment_id=assessment_id,
        defaults={"status": Report.Status.PENDING, "requested_at": timezone.now(), "error": ""},
    )
    transaction.on_commit(lambda: report_enqueue(assessment_id=assessment_id))
    return report


def report_discard(*, assessment_id: int) -> None:
    """An assessment returned to draft by its reviewer has no report, like any draft: its provisional
    figures are no result, and its resubmission asks for a new one (report_request)."""
    Report.objects.filter(assessment_id=assessment_id).delete()


def report_recompute_latest(*, team_id: int, framework_slug: str) -> list[Report]:
    """Asks again for the report of the team's latest submitted (accepted) assessment on the framework, the
    one dashboards show, and for the provisional report of the one in review, if any: both show the targets."""
    team_assessments = Assessment.objects.filter(team_id=team_id, framework__slug=framework_slug)
    latest = [
        team_assessments.filter(status=status).order_by("-submitted_at", "-id").values_list("id", flat=True).first()
        for status in SUBMITTED_OR_IN_REVIEW
    ]
    return [report_request(assessment_id=assessment_id) for assessment_id in latest if assessment_id is not None]


def report_enqueue(*, assessment_id: int) -> bool:
    """Hands the computation to the broker. If the broker is down the report stays pending and the
    periodic requeue sends it again later: the submission itself is never lost."""
    try:
        current_app.send_task(COMPUTE_TASK, args=[assessment_id])
    except (BrokerError, OSError) as error:
        logger.warning("Could not enqueue the report of assessment %s (will be requeued): %s", assessment_id, error)
        return False
    return True


def report_batches(assessment_ids: list[int]) -> list[list[int]]:
    """The ids in order, BATCH_SIZE to a message."""
    return [assessment_ids[start : start + BATCH_SIZE] for start in range(0, len(assessment_ids), BATCH_SIZE)]


def reports_enqueue(*, assessment_ids: list[int]) -> int:
    """Hands many computations to the broker, BATCH_SIZE per message, in order. Returns how many could
    not be sent; those stay pending for the periodic requeue, like report_enqueue's."""
    unsent = 0
    for batch in report_batches(assessment_ids):
        try:
            current_app.send_task(COMPUTE_BATCH_TASK, args=[batch])
        except (BrokerError, OSError) as error:
            logger.warning("Could not enqueue %s reports (will be requeued): %s", len(batch), error)
            unsent += len(batch)
    return unsent


def report_retry(*, report: Report) -> None:
    """Ask again for a failed (or any) report: it becomes pending and is enqueued after commit."""
    report_request(assessment_id=report.assessment_id)


def report_compute(*, assessment_id: int) -> bool:
    """Computes the report if this call can claim it. Returns whether it did the work.

    The claim is a conditional update, so two workers given the same message never both compute it.
    Database errors release the claim and propagate (the task retries them); any other error is bad
    data, and marks the report failed with the error instead of retrying.
    """
    now = timezone.now()
    claimable = Q(status=Report.Status.PENDING) | Q(status=Report.Status.RUNNING, started_at__lt=now - _run_deadline())
    claimed = Report.objects.filter(claimable, assessment_id=assessment_id).update(
        status=Report.Status.RUNNING, started_at=now, attempts=F("attempts") + 1
    )
    if claimed != 1:
        return False
    started = time.monotonic()
    try:
        content, figures = compute_content_and_figures(report_inputs(assessment_id=assessment_id))
    except RETRYABLE_ERRORS:
        _release(assessment_id)
        raise
    except Exception as error:
        logger.exception("Report of assessment %s failed", assessment_id)
        Report.objects.filter(assessment_id=assessment_id).update(
            status=Report.Status.FAILED, error=f"{type(error).__name__}: {error}", generated_at=None
        )
        return True
    generated_at = timezone.now()
    duration_ms = round((time.monotonic() - started) * 1000)
    first = _save(assessment_id, content, figures, generated_at=generated_at, duration_ms=duration_ms)
    if first:
        page_path = reverse("report", args=[assessment_id])
        followup_ready.send(sender=Assessment, assessment_id=assessment_id, name="report", page_path=page_path)
    return True


def _run_deadline() -> timedelta:
    """A computation still "running" after the longest hard time limit of a task (a batch's) has
    certainly died with its worker (the limit kills it), so its report may be claimed again."""
    return timedelta(seconds=BATCH_TIME_FACTOR * settings.REPORT_TASK_SOFT_TIME_LIMIT + REPORT_TASK_HARD_LIMIT_MARGIN)


def reports_compute_batch(*, assessment_ids: list[int]) -> None:
    """report_compute for each, in order, starting none (after the first) once the batch has run one
    report's soft time limit: what is left goes back to the queue as a batch of its own (or, broker down,
    to the requeue)."""
    started = time.monotonic()
    for index, assessment_id in enumerate(assessment_ids):
        if index and time.monotonic() - started > settings.REPORT_TASK_SOFT_TIME_LIMIT:
            reports_enqueue(assessment_ids=assessment_ids[index:])
            return
        report_compute(assessment_id=assessment_id)


def _release(assessment_id: int) -> None:
    try:
        Report.objects.filter(assessment_id=assessment_id, status=Report.Status.RUNNING).update(
            status=Report.Status.PENDING
        )
    except DatabaseError:
        logger.warning("Could not release report %s; the stale-report requeue will", assessment_id)


@transaction.atomic
def _save(assessment_id: int, content: dict, figures: dict, *, generated_at: datetime, duration_ms: int) -> bool:
    """Returns whether the report is ready for the first time (never generated before, or failed since)."""
    report = Report.objects.select_for_update().filter(assessment_id=assessment_id).first()
    if report is None:  # its assessment was returned to draft while it was computed (report_discard)
        return False
    first = report.generated_at is None
    report.status = Report.Status.READY
    report.overall_level = content["overall"]["level"]
    report.overall_score = content["overall"]["score"]
    report.content = content
    report.figures = figures
    report.error = ""
    report.generated_at = generated_at
    report.duration_ms = duration_ms
    report.scoring_rule = content["scoring_rule"]
    report.save()
    AreaScore.objects.filter(report=report).delete()
    AreaScore.objects.bulk_create(
        AreaScore(report=report, area_key=area["key"], level=area["level"], score=area["score"])
        for area in content["areas"]
    )
    return first


def reports_requeue_stale(*, older_than: timedelta | None = None) -> int:
    """Sends again every report pending or running for longer than `older_than` (a lost message, a
    dead worker, a broker that was down), and every ready report computed with an earlier scoring rule
    (a deployment converges without a manual step). Returns how many were sent."""
    older_than = older_than or timedelta(seconds=settings.REPORT_STALE_AFTER_SECONDS)
    now = timezone.now()
    in_progress = Q(status__in=[Report.Status.PENDING, Report.Status.RUNNING])
    outdated = _outdated()
    stale = Report.objects.filter(
        Q(status=Report.Status.PENDING, requested_at__lt=now - older_than)
        | Q(status=Report.Status.RUNNING, started_at__lt=now - min(older_than, _run_deadline()))
        | outdated
    )
    assessment_ids = list(stale.values_list("assessment_id", flat=True))
    # A ready report keeps its content until recomputed; only its status says a new one is coming.
    Report.objects.filter(in_progress | outdated, assessment_id__in=assessment_ids).update(
        status=Report.Status.PENDING, requested_at=timezone.now()
    )
    reports_enqueue(assessment_ids=assessment_ids)
    return len(assessment_ids)


def _outdated() -> Q:
    """Ready reports computed with an earlier scoring rule, or before the rule was recorded."""
    return Q(status=Report.Status.READY) & (Q(scoring_rule__lt=SCORING_RULE) | Q(scoring_rule__isnull=True))


def reports_outdated() -> list[int]:
    """The assessment ids of the outdated reports, of the pending ones whose content is of an earlier rule
    (a recomputation asked for and not done yet), and of those whose recomputation failed (a run that stopped
    on them is tried again by the next), oldest submission first: a report recomputed after the team's
    earlier ones shows their new scores as its history and previous assessment."""
    earlier_rule = Q(scoring_rule__lt=SCORING_RULE) | Q(scoring_rule__isnull=True)
    waiting = Q(status=Report.Status.PENDING, generated_at__isnull=False) & earlier_rule
    failed = Q(status=Report.Status.FAILED, scoring_rule__lt=SCORING_RULE)
    outdated = Report.objects.filter(_outdated() | waiting | failed).order_by(
        "assessment__submitted_at", "assessment_id"
    )
    return list(outdated.values_list("assessment_id", flat=True))


def report_recompute(*, assessment_id: int) -> Report:
    """Computes a ready or failed report again in this process, with the function the worker runs (report_compute), and
    returns it: ready with its new content and area scores, failed with the error, or pending or running when
    a worker claimed it first. Its content stays until replaced, as in every recomputation."""
    Report.objects.filter(assessment_id=assessment_id, status__in=[Report.Status.READY, Report.Status.FAILED]).update(
        status=Report.Status.PENDING, requested_at=timezone.now()
    )
    report_compute(assessment_id=assessment_id)
    return Report.objects.only("status", "error", "scoring_rule").get(assessment_id=assessment_id)


def reports_mark_for_regeneration(
    *, framework_slug: str | None = None, organization_id: int | None = None
) -> list[int]:
    """Marks the reports of every matching submitted assessment pending (creating missing ones) and
    returns their assessment ids, for the caller to enqueue. Content stays until replaced."""
    assessments = Assessment.objects.filter(status__in=SUBMITTED_OR_IN_REVIEW)
    if framework_slug:
        assessments = assessments.filter(framework__slug=framework_slug)
    if organization_id:
        assessments = assessments.filter(team__organization_id=organization_id)
    now = timezone.now()
    with transaction.atomic():
        assessment_ids = list(assessments.order_by("submitted_at", "id").values_list("id", flat=True))
        Report.objects.bulk_create(
            [Report(assessment_id=assessment_id, requested_at=now) for assessment_id in assessment_ids],
            ignore_conflicts=True,
        )
        Report.objects.filter(assessment_id__in=assessments.values("id")).update(
            status=Report.Status.PENDING, requested_at=now, error=""
        )
    return assessment_ids
