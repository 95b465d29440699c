from django.core.management.base import BaseCommand, CommandError

from maturity.scoring import SCORING_RULE
from reports.models import Report
from reports.services import report_recompute, reports_outdated

PROGRESS_STEPS = 10  # lines of progress, at most, for any number of reports


class Command(BaseCommand):
    help = (
        f"Recompute, in this process, every ready report computed with a scoring rule before rule {SCORING_RULE} "
        "(or before the rule was recorded), oldest submission first, with their area scores and so the teams' "
        "history movement. Run after migrate; a second run finds nothing to do."
    )

    def handle(self, *args, **options) -> None:
        assessment_ids = reports_outdated()
        total = len(assessment_ids)
        self.stdout.write(f"{total} report{'s' if total != 1 else ''} to recompute (scoring rule {SCORING_RULE}).")
        failed: list[str] = []
        for done, assessment_id in enumerate(assessment_ids, start=1):
            try:
                report = report_recompute(assessment_id=assessment_id)
            except Exception as error:
                raise CommandError(
                    f"Recomputing the report of assessment {assessment_id} failed ({type(error).__name__}: {error}); "
                    f"{done - 1} of {total} were recomputed, and running the command again resumes."
                ) from error
            if report.status == Report.Status.FAILED:
                failed.append(f"assessment {assessment_id}: {report.error}")
            if done == total or done * PROGRESS_STEPS // total > (done - 1) * PROGRESS_STEPS // total:
                self.stdout.write(f"Recomputed {done} of {total} reports")
        if failed:
            raise CommandError(f"{len(failed)} of {total} reports failed to recompute: " + "; ".join(failed))
