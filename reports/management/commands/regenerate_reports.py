import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from reports.models import Report
from reports.progress import ProgressBar
from reports.services import report_batches, reports_enqueue, reports_mark_for_regeneration


class Command(BaseCommand):
    help = "Recompute the reports of submitted assessments through the worker queue, with progress."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--framework", metavar="SLUG", help="only assessments on this framework")
        parser.add_argument("--organisation", "--organization", type=int, metavar="ID", dest="organization")
        parser.add_argument("--no-wait", action="store_true", help="enqueue, then return without waiting")
        parser.add_argument("--timeout", type=int, default=3600, help="seconds to wait for the worker (3600)")

    def handle(self, *args, framework, organization, no_wait, timeout, **options) -> None:
        assessment_ids = reports_mark_for_regeneration(framework_slug=framework, organization_id=organization)
        if not assessment_ids:
            self.stdout.write("No submitted assessments match; nothing to do.")
            return
        progress = ProgressBar(self.stdout, len(assessment_ids), "Enqueued ")
        failed_to_send = 0
        sent = 0
        for batch in report_batches(assessment_ids):
            failed_to_send += reports_enqueue(assessment_ids=batch)
            sent += len(batch)
            progress.show(sent)
        progress.finish()
        if failed_to_send:
            self.stderr.write(f"{failed_to_send} could not be sent (broker down?); the periodic requeue will.")
        if not no_wait:
            self._wait(assessment_ids, timeout)

    def _wait(self, assessment_ids: list[int], timeout: int) -> None:
        progress = ProgressBar(self.stdout, len(assessment_ids), "Computed ")
        deadline = time.monotonic() + timeout
        while True:
            settled = Report.objects.filter(
                assessment_id__in=assessment_ids, status__in=[Report.Status.READY, Report.Status.FAILED]
            ).count()
            progress.show(settled)
            if settled == len(assessment_ids):
                break
            if time.monotonic() > deadline:
                progress.finish()
                pending = len(assessment_ids) - settled
                raise CommandError(f"Timed out: {pending} report(s) still pending. Is a worker running?")
            time.sleep(0.5)
        progress.finish()
        failed = Report.objects.filter(assessment_id__in=assessment_ids, status=Report.Status.FAILED).count()
        summary = f"Regenerated {settled - failed} report(s)" + (f", {failed} failed" if failed else "") + "."
        self.stdout.write(self.style.WARNING(summary) if failed else self.style.SUCCESS(summary))
