"""The activity as a CSV download, for the pages and the API: one row per changed field."""

from django.db.models import QuerySet
from django.http import HttpResponse

from activity.builders.rows import CSV_COLUMNS, activity_rows
from activity.models import ActivityEntry
from activity.selectors import activity_lines_all
from assessments.models import Assessment, Organization
from assessments.permissions import can_facilitate
from core.csv_text import csv_text


def assessment_activity_csv_response(assessment: Assessment, entries: QuerySet[ActivityEntry]) -> HttpResponse:
    """`assessment` from assessments.tenancy, with the user's role: invited addresses show to facilitators only."""
    filename = f"assessment-{assessment.pk}-activity.csv"
    return _csv_response(entries, filename, show_addresses=can_facilitate(assessment.role))


def organization_activity_csv_response(organization: Organization, entries: QuerySet[ActivityEntry]) -> HttpResponse:
    filename = f"organization-{organization.pk}-activity.csv"
    return _csv_response(entries, filename, show_addresses=can_facilitate(organization.role))


def _csv_response(entries: QuerySet[ActivityEntry], filename: str, *, show_addresses: bool) -> HttpResponse:
    text = csv_text(CSV_COLUMNS, activity_rows(activity_lines_all(entries, show_addresses=show_addresses)))
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
