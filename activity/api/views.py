"""The activity over the API: an assessment's (every member) and an organisation's (owners), with the same
filters as the pages, paginated, and as CSV."""

from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from activity.api.serializers import ActivityEntrySerializer, ActivityQuerySerializer
from activity.exports import assessment_activity_csv_response, organization_activity_csv_response
from activity.selectors import ActivityFilters, activity_lines, assessment_activity, organization_activity
from activity.views import logged_organization_or_404
from assessments.permissions import can_facilitate
from assessments.tenancy import shared_answers_assessment_or_404
from core.api import BAD_REQUEST, FORBIDDEN, NO_SUCH_PAGE, NOT_FOUND, csv_download, validated_query

CSV = csv_download("timestamp, actor, kind, object, action, field, before, after; one row per changed field")
NEWEST_FIRST = "Newest first, paginated (`page`); filtered by `actor`, `kind`, `since` and `until`."


SURVEY_OPEN = "403 for a respondent of a survey still open: its trail is the facilitator's until it is submitted."
INVITED_ADDRESSES = (
    "An address invited as a survey respondent shows only to owners and assessors; members and viewers read "
    '"someone invited by email" instead, in `object`, `text` and `changes`.'
)


def _filters(request: Request) -> ActivityFilters:
    return ActivityFilters(**validated_query(ActivityQuerySerializer, request))


class _ActivityListApi(GenericAPIView):
    serializer_class = ActivityEntrySerializer

    def listed(self, entries, *, show_addresses: bool) -> Response:
        page = self.paginate_queryset(entries)
        lines = activity_lines(page, show_addresses=show_addresses)
        return self.get_paginated_response(ActivityEntrySerializer(lines, many=True).data)


class AssessmentActivityApi(_ActivityListApi):
    @extend_schema(
        parameters=[ActivityQuerySerializer],
        responses={200: ActivityEntrySerializer(many=True), 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        description=f"Who changed what in the assessment, before and after. {NEWEST_FIRST} {SURVEY_OPEN} "
        + INVITED_ADDRESSES,
    )
    def get(self, request: Request, assessment_id: int) -> Response:
        assessment = shared_answers_assessment_or_404(user=request.user, assessment_id=assessment_id)
        entries = assessment_activity(assessment_id=assessment.pk, filters=_filters(request))
        return self.listed(entries, show_addresses=can_facilitate(assessment.role))


class OrganizationActivityApi(_ActivityListApi):
    @extend_schema(
        parameters=[ActivityQuerySerializer],
        responses={200: ActivityEntrySerializer(many=True), 400: BAD_REQUEST, 403: FORBIDDEN, 404: NO_SUCH_PAGE},
        description=f"The organisation's activity log, every assessment included. Owners only. {NEWEST_FIRST}",
    )
    def get(self, request: Request, organization_id: int) -> Response:
        organization = logged_organization_or_404(user=request.user, organization_id=organization_id)
        entries = organization_activity(organization_id=organization.pk, filters=_filters(request))
        return self.listed(entries, show_addresses=can_facilitate(organization.role))


class AssessmentActivityCsvApi(APIView):
    @extend_schema(
        parameters=[ActivityQuerySerializer],
        responses={**CSV, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        description=f"{SURVEY_OPEN} {INVITED_ADDRESSES}",
    )
    def get(self, request: Request, assessment_id: int) -> HttpResponse:
        assessment = shared_answers_assessment_or_404(user=request.user, assessment_id=assessment_id)
        entries = assessment_activity(assessment_id=assessment.pk, filters=_filters(request))
        return assessment_activity_csv_response(assessment, entries)


class OrganizationActivityCsvApi(APIView):
    @extend_schema(
        parameters=[ActivityQuerySerializer],
        responses={**CSV, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        description="Owners only.",
    )
    def get(self, request: Request, organization_id: int) -> HttpResponse:
        organization = logged_organization_or_404(user=request.user, organization_id=organization_id)
        entries = organization_activity(organization_id=organization.pk, filters=_filters(request))
        return organization_activity_csv_response(organization, entries)
