"""The activity as a CSV download, for the pages and the API: one row per changed field."""

from django.db.models import QuerySet
from django.http import HttpResponse

from activity.builders import CSV_COLUMNS, activity_rows
from activity.models import ActivityEntry
from activity.selectors import activity_lines_all
from core.csv_text import csv_text


def activity_csv_response(entries: QuerySet[ActivityEntry], filename: str, *, show_addresses: bool) -> HttpResponse:
    text = csv_text(CSV_COLUMNS, activity_rows(activity_lines_all(entries, show_addresses=show_addresses)))
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
