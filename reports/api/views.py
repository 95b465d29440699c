"""Reports, history, dashboards and exports over the API (design section 5). ETags and 304s come from
Django's ConditionalGetMiddleware, which hashes each GET's body."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.api.serializers.assessments import IncompleteSerializer
from assessments.selectors.answers import assessment_answer_rows
from assessments.services.assessments import assessment_submit
from assessments.tenancy import (
    organization_or_404,
    shared_answers_assessment_or_404,
    shared_answers_writer_assessment_or_404,
    team_or_404,
)
from core.api import (
    BAD_REQUEST,
    CONFLICT,
    FORBIDDEN,
    NOT_FOUND,
    ErrorSerializer,
    csv_download,
    validated_query,
)
from core.lookups import found_or_404
from maturity.selectors import framework_area_names
from reports.api.serializers import (
    DashboardOutputSerializer,
    FrameworkQuerySerializer,
    HistoryEntrySerializer,
    ReportOutputSerializer,
    SubmitOutputSerializer,
)
from reports.builders.dashboards import dashboard_payload
from reports.builders.exports import answers_table, csv_text
from reports.builders.history import history_payload, history_table
from reports.builders.payload import report_payload
from reports.builders.review import review_state
from reports.selectors.dashboards import organization_results
from reports.selectors.history import team_history
from reports.selectors.report import report_for_user, report_status

ANSWERS_CSV = csv_download("One row per question.")
HISTORY_CSV = csv_download("One row per submitted assessment: overall, then each area's level and score.")
CONDITIONAL = "With an ETag: a conditional GET is answered 304 while the body is the same."


def _csv_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class AssessmentReportApi(APIView):
    @extend_schema(
        responses={200: ReportOutputSerializer, 404: NOT_FOUND},
        description="200 from submission on; `status` tells whether the worker has computed it yet. While the "
        "assessment is in review the report is provisional (`review.provisional`); once accepted, `review` says "
        f"who reviewed it and when. {CONDITIONAL}",
    )
    def get(self, request: Request, assessment_id: int) -> Response:
        report = report_for_user(user=request.user, assessment_id=assessment_id)
        report = found_or_404(report, "No report: the assessment does not exist, is not yours, or is not submitted.")
        response = Response(report_payload(report, review=review_state(report.assessment)))
        if report.status == report.Status.READY:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, no_store=True)
        return response


# Submitting is assessments' service; the operation is served here, on top, as its body also says where the
# report that the submission started stands (a docstring would show in the API's documentation).
class AssessmentSubmitApi(APIView):
    @extend_schema(
        request=None,
        responses={
            202: SubmitOutputSerializer,
            400: OpenApiResponse(
                IncompleteSerializer,
                description="Questions still unanswered, or (evidence required) unsupported claims left.",
            ),
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: CONFLICT,
            503: OpenApiResponse(ErrorSerializer, description="The database refused it; still a draft, retry."),
        },
    )
    def post(self, request: Request, assessment_id: int) -> Response:
        assessment = shared_answers_writer_assessment_or_404(user=request.user, assessment_id=assessment_id)
        submitted = assessment_submit(assessment=assessment, user=request.user)
        report = {
            "status": report_status(assessment_id=assessment_id),
            "url": request.build_absolute_uri(reverse("api-report", args=[assessment_id])),
        }
        return Response({"status": submitted.status, "report": report}, status=status.HTTP_202_ACCEPTED)


class AssessmentExportCsvApi(APIView):
    @extend_schema(
        responses={**ANSWERS_CSV, 403: FORBIDDEN, 404: NOT_FOUND},
        description="One row per question. 403 for anyone but the facilitator while the assessment is a survey "
        "still open: its agreed answers are the facilitator's until it is submitted.",
    )
    def get(self, request: Request, assessment_id: int) -> HttpResponse:
        assessment = shared_answers_assessment_or_404(user=request.user, assessment_id=assessment_id)
        header, rows = answers_table(assessment_answer_rows(assessment=assessment))
        return _csv_response(csv_text(header, rows), f"assessment-{assessment.pk}.csv")


class TeamHistoryApi(APIView):
    @extend_schema(
        parameters=[FrameworkQuerySerializer],
        responses={200: HistoryEntrySerializer(many=True), 400: BAD_REQUEST, 404: NOT_FOUND},
        description=f"Oldest first; every framework unless one is given. {CONDITIONAL}",
    )
    def get(self, request: Request, team_id: int) -> Response:
        team = team_or_404(user=request.user, team_id=team_id)
        framework = validated_query(FrameworkQuerySerializer, request).get("framework")
        response = Response(history_payload(team_history(team_id=team.pk, framework_slug=framework)))
        patch_cache_control(response, private=True, no_cache=True)
        return response


class TeamHistoryCsvApi(APIView):
    @extend_schema(
        parameters=[FrameworkQuerySerializer],
        responses={**HISTORY_CSV, 400: BAD_REQUEST, 404: NOT_FOUND},
        description="One row per submitted assessment; area columns of every framework in the history.",
    )
    def get(self, request: Request, team_id: int) -> HttpResponse:
        team = team_or_404(user=request.user, team_id=team_id)
        history = team_history(
            team_id=team.pk, framework_slug=validated_query(FrameworkQuerySerializer, request).get("framework")
        )
        area_names: dict[str, str] = {}
        for slug in dict.fromkeys(entry.framework for entry in history):
            area_names |= framework_area_names(slug=slug)
        header, rows = history_table(
            team=team.name, organization=team.organization.name, history=history, area_names=area_names
        )
        return _csv_response(csv_text(header, rows), f"team-{team.pk}-history.csv")


class OrganizationDashboardApi(APIView):
    @extend_schema(
        parameters=[FrameworkQuerySerializer],
        responses={200: DashboardOutputSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        description="Each team's latest result on one framework: the one given, else the most recently used.",
    )
    def get(self, request: Request, organization_id: int) -> Response:
        organization = organization_or_404(user=request.user, organization_id=organization_id)
        framework = validated_query(FrameworkQuerySerializer, request).get("framework")
        results = organization_results(organization_id=organization.pk, framework_slug=framework)
        response = Response(dashboard_payload(results))
        patch_cache_control(response, private=True, no_cache=True)
        return response
