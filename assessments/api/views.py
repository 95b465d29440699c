"""One view per operation: parse, call one service or selector, serialize (design section 5).

Tenancy: every lookup goes through a selector scoped to the user's memberships, so an object in
another organisation is a 404; a role that may read but not write gets 403.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments import permissions, selectors, services
from assessments.api import serializers as s
from assessments.models import Assessment, Team
from assessments.surveys.access import require_shared_answers, shared_answers_assessment_or_404
from assessments.tenancy import (
    assessment_or_404,
    organization_or_404,
    require_answer,
    require_discard,
    require_facilitate,
    require_manage,
    require_write_answers,
    team_or_404,
)
from core.api import (
    BAD_REQUEST,
    CONFLICT,
    FORBIDDEN,
    NO_SUCH_PAGE,
    NOT_FOUND,
    Conflict,
    ErrorSerializer,
    validated_query,
)
from core.lookups import require
from maturity.models import Framework
from maturity.selectors import framework_for_new_assessment


@extend_schema_view(get=extend_schema(responses={200: s.OrganizationOutputSerializer, 404: NO_SUCH_PAGE}))
class OrganizationListCreateApi(ListAPIView):
    serializer_class = s.OrganizationOutputSerializer

    def get_queryset(self):
        return selectors.organizations_for_user(user=self.request.user)

    @extend_schema(
        request=s.OrganizationInputSerializer, responses={201: s.OrganizationOutputSerializer, 400: BAD_REQUEST}
    )
    def post(self, request: Request) -> Response:
        data = s.OrganizationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        organization = services.organization_create(name=data.validated_data["name"], owner=request.user)
        created = organization_or_404(user=request.user, organization_id=organization.pk)
        return Response(s.OrganizationOutputSerializer(created).data, status=status.HTTP_201_CREATED)


class OrganizationDetailApi(APIView):
    @extend_schema(responses={200: s.OrganizationOutputSerializer, 404: NOT_FOUND})
    def get(self, request: Request, organization_id: int) -> Response:
        organization = organization_or_404(user=request.user, organization_id=organization_id)
        return Response(s.OrganizationOutputSerializer(organization).data)

    @extend_schema(
        request=s.OrganizationPatchInputSerializer,
        responses={200: s.OrganizationOutputSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        description="Renames, archives or restores the organisation, or sets whether its assessments go to review "
        "(`review_required`, for those started from then on). Owners only. An archived organisation is "
        "left out of every list and dashboard; its members still read it and its teams by id.",
    )
    def patch(self, request: Request, organization_id: int) -> Response:
        organization = organization_or_404(user=request.user, organization_id=organization_id)
        require_manage(organization.role)
        data = s.OrganizationPatchInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.organization_update(organization=organization, **data.validated_data)
        return Response(s.OrganizationOutputSerializer(organization).data)


class TeamListCreateApi(ListAPIView):
    serializer_class = s.TeamOutputSerializer

    @extend_schema(
        parameters=[s.TeamListQuerySerializer],
        responses={200: s.TeamOutputSerializer, 400: BAD_REQUEST, 404: NO_SUCH_PAGE},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        query = validated_query(s.TeamListQuerySerializer, self.request)
        return selectors.teams_for_user(user=self.request.user, organization_id=query.get("organization"))

    @extend_schema(
        request=s.TeamInputSerializer,
        responses={201: s.TeamOutputSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def post(self, request: Request) -> Response:
        data = s.TeamInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        organization = organization_or_404(user=request.user, organization_id=data.validated_data["organization"])
        require_manage(organization.role)
        try:
            team = services.team_create(organization=organization, name=data.validated_data["name"])
        except services.TeamNameTakenError:
            raise ValidationError({"name": ["This organisation already has a team with this name."]}) from None
        return Response(s.TeamOutputSerializer(team).data, status=status.HTTP_201_CREATED)


class TeamDetailApi(APIView):
    @extend_schema(responses={200: s.TeamOutputSerializer, 404: NOT_FOUND})
    def get(self, request: Request, team_id: int) -> Response:
        return Response(s.TeamOutputSerializer(team_or_404(user=request.user, team_id=team_id)).data)

    @extend_schema(
        request=s.NameArchivedInputSerializer,
        responses={200: s.TeamOutputSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        description="Renames, archives or restores the team. Owners only. An archived team is left out of every "
        "list and dashboard; its assessments and reports stay readable by id.",
    )
    def patch(self, request: Request, team_id: int) -> Response:
        team = team_or_404(user=request.user, team_id=team_id)
        require_manage(team.role)
        data = s.NameArchivedInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            services.team_update(team=team, **data.validated_data)
        except services.TeamNameTakenError:
            raise ValidationError({"name": ["This organisation already has a team with this name."]}) from None
        return Response(s.TeamOutputSerializer(team).data)


def _target_framework(team: Team, slug: str | None) -> Framework:
    framework = selectors.team_framework(team=team, slug=slug)
    if framework is None:
        raise ValidationError({"framework": ["No framework with this slug."]})
    return framework


class TeamTargetsApi(APIView):
    @extend_schema(
        parameters=[s.TargetQuerySerializer],
        responses={200: s.TargetOutputSerializer(many=True), 400: BAD_REQUEST, 404: NOT_FOUND},
        description="The team's current target per area of a framework (every version of it).",
    )
    def get(self, request: Request, team_id: int) -> Response:
        team = team_or_404(user=request.user, team_id=team_id)
        framework = _target_framework(team, validated_query(s.TargetQuerySerializer, request).get("framework"))
        targets = selectors.team_current_targets(team=team, framework_slug=framework.slug)
        return Response(s.TargetOutputSerializer(targets.values(), many=True).data)

    @extend_schema(
        request=s.TargetInputSerializer,
        responses={201: s.TargetOutputSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        description="Sets the team's target level for one area; earlier targets are kept as history.",
    )
    def post(self, request: Request, team_id: int) -> Response:
        team = team_or_404(user=request.user, team_id=team_id)
        require_answer(team.role)
        data = s.TargetInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        framework = _target_framework(team, data.validated_data.get("framework"))
        try:
            target = services.target_set(
                team=team,
                framework=framework,
                area_key=data.validated_data["area"],
                level=data.validated_data["level"],
                user=request.user,
            )
        except services.UnknownAreaError as error:
            raise ValidationError({"area": [str(error)]}) from None
        return Response(s.TargetOutputSerializer(target).data, status=status.HTTP_201_CREATED)


class AssessmentListCreateApi(ListAPIView):
    serializer_class = s.AssessmentListOutputSerializer

    @extend_schema(
        parameters=[s.AssessmentListQuerySerializer],
        responses={200: s.AssessmentListOutputSerializer, 400: BAD_REQUEST, 404: NO_SUCH_PAGE},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        query = validated_query(s.AssessmentListQuerySerializer, self.request)
        return selectors.assessments_for_user(user=self.request.user, team_id=query.get("team"))

    @extend_schema(
        request=s.AssessmentInputSerializer,
        responses={
            201: s.AssessmentDetailOutputSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: OpenApiResponse(
                s.DraftExistsSerializer,
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
        data = s.AssessmentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        team = team_or_404(user=request.user, team_id=data.validated_data["team"])
        require_answer(team.role)
        if data.validated_data["mode"] == Assessment.Mode.SURVEY:
            require_facilitate(team.role)
        if data.validated_data["review_required"]:
            require(permissions.can_review(team.role), "Only owners and assessors require review of one assessment.")
        framework = framework_for_new_assessment(slug=data.validated_data.get("framework"))
        if framework is None:
            raise ValidationError({"framework": ["No framework with this slug."]})
        try:
            assessment = services.assessment_start(
                team=team,
                user=request.user,
                framework=framework,
                kind=permissions.assessment_kind_for(team.role),
                carry_forward=data.validated_data["carry_forward"],
                systems_covered=data.validated_data["systems_covered"],
                mode=data.validated_data["mode"],
                anonymous_responses=data.validated_data["anonymous_responses"],
                evidence_required=_evidence_required(team, data.validated_data["evidence_required"]),
                review_required=data.validated_data["review_required"],
            )
        except services.DraftExistsError as error:
            return Response({"detail": str(error), "draft": error.draft.pk}, status=status.HTTP_409_CONFLICT)
        return _assessment_response(request, assessment.pk, status.HTTP_201_CREATED)


def _evidence_required(team: Team, wanted: bool) -> bool:
    require(not wanted or permissions.can_facilitate(team.role), "Only owners and assessors make evidence required.")
    return wanted


def _assessment_response(request: Request, assessment: Assessment | int, code: int = status.HTTP_200_OK) -> Response:
    """The assessment as the detail endpoint shows it; progress comes from the rows, never stale."""
    if isinstance(assessment, int):
        assessment = assessment_or_404(user=request.user, assessment_id=assessment)
    context = {
        "rows": selectors.assessment_answer_rows(assessment=assessment),
        "earlier": selectors.earlier_answers(assessment=assessment),
    }
    return Response(s.AssessmentDetailOutputSerializer(assessment, context=context).data, status=code)


class AssessmentDetailApi(APIView):
    @extend_schema(
        responses={200: s.AssessmentDetailOutputSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
        description="403 for a respondent of a survey still open: its agreed answers are the facilitator's until "
        "it is submitted.",
    )
    def get(self, request: Request, assessment_id: int) -> Response:
        assessment = shared_answers_assessment_or_404(user=request.user, assessment_id=assessment_id)
        return _assessment_response(request, assessment)

    @extend_schema(
        request=s.AssessmentUpdateInputSerializer,
        responses={
            200: s.AssessmentDetailOutputSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: CONFLICT,
        },
        description="Changes a draft's details: the ML systems it covers (`systems_covered`). Whoever may answer "
        "it may; a submitted assessment, or one in review, never changes (409).",
    )
    def patch(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        require_write_answers(assessment)
        require_shared_answers(assessment, user=request.user)  # it answers with them
        data = s.AssessmentUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            services.assessment_systems_covered_set(
                assessment=assessment, systems_covered=data.validated_data["systems_covered"]
            )
        except services.AssessmentNotDraftError as error:
            raise Conflict(str(error)) from None
        return _assessment_response(request, assessment)

    @extend_schema(
        request=None,
        responses={204: None, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT},
        description="Discards a draft: deletes it and its answers, so that the team can start afresh. Owners "
        "and assessors only. A submitted assessment is history and is never deleted (409).",
    )
    def delete(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        require_discard(assessment.role)
        try:
            services.assessment_discard(assessment=assessment)
        except services.AssessmentNotDraftError as error:
            raise Conflict(str(error)) from None
        return Response(status=status.HTTP_204_NO_CONTENT)


class AssessmentAnswersApi(APIView):
    @extend_schema(
        request=s.AnswerInputSerializer(many=True),
        responses={
            200: s.AssessmentDetailOutputSerializer,
            400: OpenApiResponse(s.AnswersInvalidSerializer, description="Every bad item; nothing was saved."),
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: CONFLICT,
        },
        description="Upserts the given answers only, all or nothing.",
    )
    def patch(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        require_write_answers(assessment)
        require_shared_answers(assessment, user=request.user)
        items = _answer_items(request.data)
        try:
            services.answers_save(assessment=assessment, user=request.user, items=items)
        except services.AnswersInvalidError as error:
            body = {"detail": f"{len(error.problems)} invalid answer(s); nothing was saved.", "answers": error.problems}
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        except services.AssessmentNotDraftError as error:
            raise Conflict(str(error)) from None
        return _assessment_response(request, assessment)


def _answer_items(data) -> list[services.AnswerInput]:
    if not isinstance(data, list) or not data:
        raise ValidationError({"detail": "Expected a non-empty JSON list of {question, value, comment}."})
    if not all(isinstance(item, dict) for item in data):
        bad = [index for index, item in enumerate(data) if not isinstance(item, dict)]
        raise ValidationError({"detail": f"Every item must be an object; items {bad} are not."})
    return [
        services.AnswerInput(question=item.get("question"), value=item.get("value"), comment=item.get("comment", ""))
        for item in data
    ]


class AssessmentScopeApi(APIView):
    @extend_schema(
        request={"application/json": s.SCOPE_INPUT},
        responses={
            200: s.AssessmentDetailOutputSerializer,
            400: OpenApiResponse(s.SCOPE_INVALID, description="Each bad scope key with its message; nothing saved."),
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: CONFLICT,
        },
        description="Answers some of the framework's scope questions; an area whose scope is false is out of scope.",
    )
    def patch(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        require_write_answers(assessment)
        require_shared_answers(assessment, user=request.user)
        if not isinstance(request.data, dict) or not request.data:
            raise ValidationError({"detail": "Expected a non-empty JSON object of scope key -> true or false."})
        try:
            services.assessment_scope_set(assessment=assessment, answers=request.data)
        except services.ScopeInvalidError as error:
            raise ValidationError(error.problems) from None
        except services.AssessmentNotDraftError as error:
            raise Conflict(str(error)) from None
        return _assessment_response(request, assessment)


class AssessmentSubmitApi(APIView):
    @extend_schema(
        request=None,
        responses={
            202: s.SubmitOutputSerializer,
            400: OpenApiResponse(
                s.IncompleteSerializer,
                description="Questions still unanswered, or (evidence required) unsupported claims left.",
            ),
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: CONFLICT,
            503: OpenApiResponse(ErrorSerializer, description="The database refused it; still a draft, retry."),
        },
    )
    def post(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        require_write_answers(assessment)
        require_shared_answers(assessment, user=request.user)
        try:
            submitted = services.assessment_submit(assessment=assessment, user=request.user)
        except services.AssessmentIncompleteError as error:
            body = {"detail": str(error), "unanswered": error.unanswered, "scopes": error.scopes}
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        except services.UnsupportedClaimsError as error:
            keys = [claim.question for claim in error.claims]
            body = {"detail": str(error), "unanswered": [], "scopes": [], "unsupported_claims": keys}
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        except services.AssessmentNotDraftError as error:
            raise Conflict(str(error)) from None
        except services.SubmitFailedError as error:
            return Response({"detail": str(error)}, status=status.HTTP_503_SERVICE_UNAVAILABLE)
        body = {"status": submitted.assessment.status} | {
            followup.name: {"status": followup.status, "url": request.build_absolute_uri(followup.api_path)}
            for followup in submitted.followups
        }
        return Response(body, status=status.HTTP_202_ACCEPTED)
