from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from reports.services import reports_requeue_stale


class Command(BaseCommand):
    help = "Send again every report pending or running for too long (beat does this every minute)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.REPORT_STALE_AFTER_SECONDS,
            metavar="SECONDS",
            help=f"how long counts as stale (default {settings.REPORT_STALE_AFTER_SECONDS})",
        )

    def handle(self, *args, older_than: int, **options) -> None:
        count = reports_requeue_stale(older_than=timedelta(seconds=older_than))
        self.stdout.write(f"Requeued {count} stale report(s).")
