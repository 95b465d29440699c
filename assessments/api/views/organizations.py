"""The API of organisations."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.api.serializers.organizations import (
    OrganizationInputSerializer,
    OrganizationOutputSerializer,
    OrganizationPatchInputSerializer,
)
from assessments.selectors.access import organizations_for_user
from assessments.services.organizations import organization_create, organization_update
from assessments.tenancy import managed_organization_or_404, organization_or_404
from core.api import (
    BAD_REQUEST,
    FORBIDDEN,
    NO_SUCH_PAGE,
    NOT_FOUND,
)


@extend_schema_view(get=extend_schema(responses={200: OrganizationOutputSerializer, 404: NO_SUCH_PAGE}))
class OrganizationListCreateApi(ListAPIView):
    serializer_class = OrganizationOutputSerializer

    def get_queryset(self):
        return organizations_for_user(user=self.request.user)

    @extend_schema(request=OrganizationInputSerializer, responses={201: OrganizationOutputSerializer, 400: BAD_REQUEST})
    def post(self, request: Request) -> Response:
        data = OrganizationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        organization = organization_create(name=data.validated_data["name"], owner=request.user)
        created = organization_or_404(user=request.user, organization_id=organization.pk)
        return Response(OrganizationOutputSerializer(created).data, status=status.HTTP_201_CREATED)


class OrganizationDetailApi(APIView):
    @extend_schema(responses={200: OrganizationOutputSerializer, 404: NOT_FOUND})
    def get(self, request: Request, organization_id: int) -> Response:
        organization = organization_or_404(user=request.user, organization_id=organization_id)
        return Response(OrganizationOutputSerializer(organization).data)

    @extend_schema(
        request=OrganizationPatchInputSerializer,
        responses={200: OrganizationOutputSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        description="Renames, archives or restores the organisation, or sets whether its assessments go to review "
        "(`review_required`, for those started from then on). Owners only. An archived organisation is "
        "left out of every list and dashboard; its members still read it and its teams by id.",
    )
    def patch(self, request: Request, organization_id: int) -> Response:
        organization = managed_organization_or_404(user=request.user, organization_id=organization_id)
        data = OrganizationPatchInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        organization_update(organization=organization, **data.validated_data)
        return Response(OrganizationOutputSerializer(organization).data)
