"""Reports in the admin, for support staff: read-only (the worker writes them), with a retry action that asks
the worker again through the same service as the report page's "Try again"."""

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from core.admin import ReadOnlyAdmin
from reports import services
from reports.models import Report


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = (
        "assessment_id",
        "team",
        "status",
        "overall_level",
        "overall_score",
        "attempts",
        "requested_at",
        "generated_at",
    )
    list_filter = ("status", "scoring_rule")
    list_select_related = ("assessment__team__organization",)
    search_fields = ("assessment__team__name", "assessment__team__organization__name")
    fields = (
        "assessment",
        "status",
        "overall_level",
        "overall_score",
        "scoring_rule",
        "error",
        "attempts",
        "requested_at",
        "started_at",
        "generated_at",
        "duration_ms",
    )
    readonly_fields = fields
    actions = ("retry",)

    @admin.display(ordering="assessment__team__name")
    def team(self, report: Report) -> str:
        return f"{report.assessment.team.name} ({report.assessment.team.organization.name})"

    @admin.action(description="Retry: compute the selected reports again")
    def retry(self, request: HttpRequest, queryset: QuerySet[Report]) -> None:
        with transaction.atomic():  # each is enqueued once the batch is committed
            reports = list(queryset)
            for report in reports:
                services.report_retry(report=report)
        self.message_user(request, f"{len(reports)} report(s) sent to the worker again.", messages.SUCCESS)
