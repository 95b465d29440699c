"""The API of assessments: list, start, read, update, scope (submitting is served by reports/api/views.py)."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments import permissions
from assessments.api.serializers.assessments import (
    SCOPE_INPUT,
    SCOPE_INVALID,
    AssessmentDetailOutputSerializer,
    AssessmentInputSerializer,
    AssessmentListOutputSerializer,
    AssessmentListQuerySerializer,
    AssessmentUpdateInputSerializer,
    DraftExistsSerializer,
)
from assessments.models import Assessment
from assessments.selectors.access import assessments_for_user
from assessments.selectors.answers import answer_sheet
from assessments.services.assessments import (
    assessment_discard,
    assessment_scope_set,
    assessment_start,
    assessment_systems_covered_set,
)
from assessments.tenancy import (
    assessment_or_404,
    require_answer,
    require_discard,
    shared_answers_assessment_or_404,
    shared_answers_writer_assessment_or_404,
    team_or_404,
)
from core.api import (
    BAD_REQUEST,
    CONFLICT,
    FORBIDDEN,
    NO_SUCH_PAGE,
    NOT_FOUND,
    validated_query,
)
from core.lookups import require
from maturity.selectors import framework_for_new_assessment


@extend_schema_view(
    get=extend_schema(
        parameters=[AssessmentListQuerySerializer],
        responses={200: AssessmentListOutputSerializer, 400: BAD_REQUEST, 404: NO_SUCH_PAGE},
    )
)
class AssessmentListCreateApi(ListAPIView):
    serializer_class = AssessmentListOutputSerializer

    def get_queryset(self):
        query = validated_query(AssessmentListQuerySerializer, self.request)
        return assessments_for_user(user=self.request.user, team_id=query.get("team"))

    @extend_schema(
        request=AssessmentInputSerializer,
        responses={
            201: AssessmentDetailOutputSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: OpenApiResponse(
                DraftExistsSerializer,
                description="The team has a draft already (one at a time): `draft` is its id; nothing was started.",
            ),
        },
        description="Starts a draft on the newest version of the framework. An assessor's draft is an audit; "
        "`mode` survey (owners and assessors) takes respondents (POST /api/assessments/{id}/respondents/). A "
        "team has one draft at a time: while it has one, this answers 409 with the draft's id, to continue "
        "(GET /api/assessments/{id}/) or discard (DELETE) it; likewise while it has an assessment in review "
        "(`draft` is then that one's id), until a reviewer accepts or returns it.",
    )
    def post(self, request: Request) -> Response:
        data = AssessmentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        team = team_or_404(user=request.user, team_id=data.validated_data["team"])
        require_answer(team.role)
        options = {name: data.validated_data[name] for name in ("mode", "evidence_required", "review_required")}
        refusal = permissions.start_options_refusal(team.role, **options)
        require(not refusal, refusal)
        framework = framework_for_new_assessment(slug=data.validated_data.get("framework"))
        if framework is None:
            raise ValidationError({"framework": ["No framework with this slug."]})
        assessment = assessment_start(
            team=team,
            user=request.user,
            framework=framework,
            kind=permissions.assessment_kind_for(team.role),
            carry_forward=data.validated_data["carry_forward"],
            systems_covered=data.validated_data["systems_covered"],
            anonymous_responses=data.validated_data["anonymous_responses"],
            scope=data.validated_data["scope"],
            **options,
        )
        return assessment_response(request, assessment.pk, status.HTTP_201_CREATED)


def assessment_response(request: Request, assessment: Assessment | int, code: int = status.HTTP_200_OK) -> Response:
    """The assessment as the detail endpoint shows it; progress comes from the rows, never stale."""
    if isinstance(assessment, int):
        assessment = assessment_or_404(user=request.user, assessment_id=assessment)
    context = {"sheet": answer_sheet(assessment=assessment)}
    return Response(AssessmentDetailOutputSerializer(assessment, context=context).data, status=code)


class AssessmentDetailApi(APIView):
    @extend_schema(
        responses={200: AssessmentDetailOutputSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
        description="403 for a respondent of a survey still open: its agreed answers are the facilitator's until "
        "it is submitted.",
    )
    def get(self, request: Request, assessment_id: int) -> Response:
        assessment = shared_answers_assessment_or_404(user=request.user, assessment_id=assessment_id)
        return assessment_response(request, assessment)

    @extend_schema(
        request=AssessmentUpdateInputSerializer,
        responses={
            200: AssessmentDetailOutputSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: CONFLICT,
        },
        description="Changes a draft's details: the ML systems it covers (`systems_covered`). Whoever may answer "
        "it may; a submitted assessment, or one in review, never changes (409).",
    )
    def patch(self, request: Request, assessment_id: int) -> Response:
        assessment = shared_answers_writer_assessment_or_404(user=request.user, assessment_id=assessment_id)
        data = AssessmentUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        assessment_systems_covered_set(assessment=assessment, systems_covered=data.validated_data["systems_covered"])
        return assessment_response(request, assessment)

    @extend_schema(
        request=None,
        responses={204: None, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT},
        description="Discards a draft: deletes it and its answers, so that the team can start afresh. Owners "
        "and assessors only. A submitted assessment is history and is never deleted (409).",
    )
    def delete(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        require_discard(assessment.role)
        assessment_discard(assessment=assessment)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AssessmentScopeApi(APIView):
    @extend_schema(
        request={"application/json": SCOPE_INPUT},
        responses={
            200: AssessmentDetailOutputSerializer,
            400: OpenApiResponse(SCOPE_INVALID, description="Each bad scope key with its message; nothing saved."),
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: CONFLICT,
        },
        description="Answers some of the framework's scope questions; an area whose scope is false is out of scope.",
    )
    def patch(self, request: Request, assessment_id: int) -> Response:
        assessment = shared_answers_writer_assessment_or_404(user=request.user, assessment_id=assessment_id)
        if not isinstance(request.data, dict) or not request.data:
            raise ValidationError({"detail": "Expected a non-empty JSON object of scope key -> true or false."})
        assessment_scope_set(assessment=assessment, answers=request.data)
        return assessment_response(request, assessment)
