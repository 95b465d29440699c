"""Reports, history, dashboards and exports over the API (design section 5)."""

from collections.abc import Callable

from django.http import HttpResponse
from django.utils.http import parse_etags
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments import selectors as assessment_selectors
from assessments.api.views import NOT_FOUND
from reports import dashboards, history
from reports.api.serializers import DashboardOutputSerializer, HistoryEntrySerializer, ReportOutputSerializer
from reports.exports import csv_text
from reports.payload import rendered_payload, report_payload
from reports.selectors import report_for_user
from reports.services import team_history_for_user

CSV = OpenApiResponse(OpenApiTypes.STR, description="text/csv")


def _conditional_json(request: Request, etag: str, body: Callable[[], str]) -> HttpResponse:
    """A JSON body that changes only with its ETag: 304 when the client has it, the body otherwise."""
    headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
    if _etag_matches(request, etag):
        return Response(status=304, headers=headers)
    return HttpResponse(body(), content_type="application/json", headers=headers)


def _etag_matches(request: Request, etag: str) -> bool:
    """If-None-Match by weak comparison, as for a GET (RFC 9110, 13.1.2)."""
    etags = parse_etags(request.headers.get("If-None-Match", ""))
    return etags == ["*"] or etag in {tag.removeprefix("W/") for tag in etags}


def _csv_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class AssessmentReportApi(APIView):
    @extend_schema(
        responses={200: ReportOutputSerializer, 404: NOT_FOUND},
        description="200 from submission on; `status` tells whether the worker has computed it yet.",
    )
    def get(self, request: Request, assessment_id: int) -> Response:
        report = report_for_user(user=request.user, assessment_id=assessment_id)
        if report is None:
            raise NotFound("No report: the assessment does not exist, is not yours, or is not submitted yet.")
        if report.status != report.Status.READY:
            return Response(report_payload(report), headers={"Cache-Control": "no-store"})
        etag = f'"report-{report.pk}-{report.revision}"'  # every change bumps the revision
        return _conditional_json(request, etag, lambda: report.payload or rendered_payload(report))


class AssessmentExportCsvApi(APIView):
    @extend_schema(responses={200: CSV, 404: NOT_FOUND}, description="One row per question.")
    def get(self, request: Request, assessment_id: int) -> HttpResponse:
        assessment = assessment_selectors.assessment_for_user(user=request.user, assessment_id=assessment_id)
        if assessment is None:
            raise NotFound("No such assessment.")
        rows = assessment_selectors.assessment_answer_rows(assessment=assessment)
        header = ["area", "level", "key", "statement", "value", "comment", "answered_by", "answered_at"]
        lines = (
            [row.question.area.name, row.question.level, row.question.key, row.question.statement,
             "" if row.value is None else row.value, row.comment, row.answered_by or "",
             row.updated_at.isoformat() if row.updated_at else ""]
            for row in rows
        )
        return _csv_response(csv_text(header, lines), f"assessment-{assessment.pk}.csv")


def _team(request: Request, team_id: int):
    team = assessment_selectors.team_for_user(user=request.user, team_id=team_id)
    if team is None:
        raise NotFound("No such team.")
    return team


class TeamHistoryApi(APIView):
    @extend_schema(
        responses={200: HistoryEntrySerializer(many=True), 404: NOT_FOUND},
        description="With an ETag: a conditional GET is answered 304 until the history changes.",
    )
    def get(self, request: Request, team_id: int) -> HttpResponse:
        found = team_history_for_user(user=request.user, team_id=team_id)
        if found is None:
            raise NotFound("No such team.")
        return _conditional_json(request, f'"history-{team_id}-{found.version}"', lambda: found.payload)


class TeamHistoryCsvApi(APIView):
    @extend_schema(responses={200: CSV, 404: NOT_FOUND}, description="One row per submitted assessment.")
    def get(self, request: Request, team_id: int) -> HttpResponse:
        team = _team(request, team_id)
        header, rows = history.history_table(team, history.team_history(team_id=team.pk), dashboards.area_names())
        return _csv_response(csv_text(header, rows), f"team-{team.pk}-history.csv")


class OrganizationDashboardApi(APIView):
    @extend_schema(responses={200: DashboardOutputSerializer, 404: NOT_FOUND})
    def get(self, request: Request, organization_id: int) -> Response:
        organization = assessment_selectors.organization_for_user(user=request.user, organization_id=organization_id)
        if organization is None:
            raise NotFound("No such organisation.")
        dashboard = dashboards.organization_dashboard(organization_id=organization.pk)
        return Response(dashboards.dashboard_payload(dashboard))
