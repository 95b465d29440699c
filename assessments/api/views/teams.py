"""The API of teams and their targets."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.api.serializers.organizations import NameArchivedInputSerializer
from assessments.api.serializers.teams import (
    TargetInputSerializer,
    TargetOutputSerializer,
    TargetQuerySerializer,
    TeamInputSerializer,
    TeamListQuerySerializer,
    TeamOutputSerializer,
)
from assessments.models import Team
from assessments.selectors.access import teams_for_user
from assessments.selectors.targets import team_current_targets, team_framework
from assessments.services.organizations import team_create, team_update
from assessments.services.targets import target_set
from assessments.tenancy import managed_organization_or_404, managed_team_or_404, require_answer, team_or_404
from core.api import (
    BAD_REQUEST,
    FORBIDDEN,
    NO_SUCH_PAGE,
    NOT_FOUND,
    validated_query,
)
from maturity.models import Framework


@extend_schema_view(
    get=extend_schema(
        parameters=[TeamListQuerySerializer],
        responses={200: TeamOutputSerializer, 400: BAD_REQUEST, 404: NO_SUCH_PAGE},
    )
)
class TeamListCreateApi(ListAPIView):
    serializer_class = TeamOutputSerializer

    def get_queryset(self):
        query = validated_query(TeamListQuerySerializer, self.request)
        return teams_for_user(user=self.request.user, organization_id=query.get("organization"))

    @extend_schema(
        request=TeamInputSerializer,
        responses={201: TeamOutputSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def post(self, request: Request) -> Response:
        data = TeamInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        organization = managed_organization_or_404(
            user=request.user, organization_id=data.validated_data["organization"]
        )
        team = team_create(organization=organization, name=data.validated_data["name"])
        return Response(TeamOutputSerializer(team).data, status=status.HTTP_201_CREATED)


class TeamDetailApi(APIView):
    @extend_schema(responses={200: TeamOutputSerializer, 404: NOT_FOUND})
    def get(self, request: Request, team_id: int) -> Response:
        return Response(TeamOutputSerializer(team_or_404(user=request.user, team_id=team_id)).data)

    @extend_schema(
        request=NameArchivedInputSerializer,
        responses={200: TeamOutputSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        description="Renames, archives or restores the team. Owners only. An archived team is left out of every "
        "list and dashboard; its assessments and reports stay readable by id.",
    )
    def patch(self, request: Request, team_id: int) -> Response:
        team = managed_team_or_404(user=request.user, team_id=team_id)
        data = NameArchivedInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        team_update(team=team, **data.validated_data)
        return Response(TeamOutputSerializer(team).data)


def _target_framework(team: Team, slug: str | None) -> Framework:
    framework = team_framework(team=team, slug=slug)
    if framework is None:
        raise ValidationError({"framework": ["No framework with this slug."]})
    return framework


class TeamTargetsApi(APIView):
    @extend_schema(
        parameters=[TargetQuerySerializer],
        responses={200: TargetOutputSerializer(many=True), 400: BAD_REQUEST, 404: NOT_FOUND},
        description="The team's current target per area of a framework (every version of it).",
    )
    def get(self, request: Request, team_id: int) -> Response:
        team = team_or_404(user=request.user, team_id=team_id)
        framework = _target_framework(team, validated_query(TargetQuerySerializer, request).get("framework"))
        targets = team_current_targets(team=team, framework_slug=framework.slug)
        return Response(TargetOutputSerializer(targets.values(), many=True).data)

    @extend_schema(
        request=TargetInputSerializer,
        responses={201: TargetOutputSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        description="Sets the team's target level for one area; earlier targets are kept as history.",
    )
    def post(self, request: Request, team_id: int) -> Response:
        team = team_or_404(user=request.user, team_id=team_id)
        require_answer(team.role)
        data = TargetInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        framework = _target_framework(team, data.validated_data.get("framework"))
        target = target_set(
            team=team,
            framework=framework,
            area_key=data.validated_data["area"],
            level=data.validated_data["level"],
            user=request.user,
        )
        return Response(TargetOutputSerializer(target).data, status=status.HTTP_201_CREATED)
