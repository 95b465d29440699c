"""The API's login (username and password for a token, with the failed-login lockout of the login page),
and an organisation's invitations."""

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers, status
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.api.serializers import InvitationInputSerializer, InvitationOutputSerializer
from accounts.selectors import invitations_of
from accounts.services import AlreadyMemberError, invitation_create
from assessments.tenancy import organization_or_404, require_manage
from core.api import BAD_REQUEST, FORBIDDEN, NOT_FOUND, TOO_MANY_INVITATIONS, too_many
from core.limits import LimitReachedError

TOKEN = inline_serializer("TokenOutput", {"token": serializers.CharField()})


class TokenObtainApi(ObtainAuthToken):
    @extend_schema(
        request=AuthTokenSerializer,
        responses={
            200: TOKEN,
            400: OpenApiResponse(description="Wrong username or password."),
            429: OpenApiResponse(description="Too many failed logins for this username from this address."),
        },
    )
    def post(self, request: Request, *args, **kwargs) -> Response:
        try:
            return super().post(request, *args, **kwargs)
        except ValidationError:
            # django-axes flags the request it was given to authenticate(): this one.
            if getattr(request, "axes_locked_out", False):
                raise Throttled(
                    wait=settings.AXES_COOLOFF_TIME.total_seconds(),
                    detail="Too many failed logins: this account is locked for a while from your address.",
                ) from None
            raise


@extend_schema_view(get=extend_schema(responses={200: InvitationOutputSerializer, 404: NOT_FOUND}))
class InvitationListCreateApi(ListAPIView):
    """The organisation's invitations, newest first, for every member; owners invite."""

    serializer_class = InvitationOutputSerializer

    def get_queryset(self):
        organization = organization_or_404(user=self.request.user, organization_id=self.kwargs["organization_id"])
        return invitations_of(organization=organization)

    @extend_schema(
        request=InvitationInputSerializer,
        responses={
            201: InvitationOutputSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
            429: TOO_MANY_INVITATIONS,
        },
        description="Emails the address a link that works once, for INVITATION_MAX_AGE_DAYS, to join with the "
        "role; it replaces the address's pending invitation. The worker sends the mail (`email_status` says how "
        "it went; a failed one is sent again by inviting again). An address that is a member already is a 400; "
        "past the daily limits of invitation mail (per inviter, organisation and address) a 429. Owners only.",
    )
    def post(self, request: Request, organization_id: int) -> Response:
        organization = organization_or_404(user=request.user, organization_id=organization_id)
        require_manage(organization.role)
        data = InvitationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            invitation = invitation_create(
                organization=organization,
                invited_by=request.user,
                site_url=request.build_absolute_uri("/"),
                **data.validated_data,
            )
        except AlreadyMemberError as error:
            raise ValidationError({"email": [str(error)]}) from None
        except LimitReachedError as error:
            raise too_many(error) from None
        return Response(InvitationOutputSerializer(invitation).data, status=status.HTTP_201_CREATED)
