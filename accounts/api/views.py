"""The API's login (username and password for a token, with the failed-login lockout of the login page), the
user's own tokens, an organisation's members (an owner changes a member's role, and invites anyone else) and
its invitations."""

from django.conf import settings
from django.contrib.auth import authenticate
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import parsers, status
from rest_framework.exceptions import NotFound, Throttled, ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from accounts.api.serializers import (
    ApiTokenOutputSerializer,
    InvitationInputSerializer,
    InvitationOutputSerializer,
    MemberInputSerializer,
    MemberOutputSerializer,
    TokenObtainInputSerializer,
    TokenObtainOutputSerializer,
)
from accounts.models import Invitation
from accounts.selectors import api_tokens_of, invitations_of
from accounts.services import (
    api_token_create,
    api_token_revoke,
    invitation_create,
    member_add,
)
from assessments.permissions import can_manage
from assessments.selectors.access import memberships_of
from assessments.tenancy import managed_organization_or_404, organization_or_404
from core.api import BAD_REQUEST, FORBIDDEN, NO_SUCH_PAGE, NOT_FOUND, TOO_MANY_INVITATIONS, not_found
from core.parsers import JSONParser


class TokenObtainApi(APIView):
    """No authentication: a client whose old token expired comes here for a new one with that token still in
    its headers. A form body is read too, as DRF's authtoken view did."""

    authentication_classes = ()
    permission_classes = ()
    parser_classes = (parsers.FormParser, parsers.MultiPartParser, JSONParser)

    @extend_schema(
        request=TokenObtainInputSerializer,
        responses={
            200: TokenObtainOutputSerializer,
            400: OpenApiResponse(description="Wrong username or password, or either missing."),
            429: OpenApiResponse(description="Too many failed logins for this username from this address."),
        },
        description="A new token on every call (each client its own), working for API_TOKEN_TTL_DAYS, until "
        "revoked (`DELETE /api/auth/tokens/{id}/`), or until the password changes.",
    )
    def post(self, request: Request) -> Response:
        data = TokenObtainInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = authenticate(request=request, **data.validated_data)
        if user is None:
            # django-axes flags the request it was given to authenticate(): this one.
            if getattr(request, "axes_locked_out", False):
                raise Throttled(
                    wait=settings.AXES_COOLOFF_TIME.total_seconds(),
                    detail="Too many failed logins: this account is locked for a while from your address.",
                )
            raise ValidationError({api_settings.NON_FIELD_ERRORS_KEY: ["Unable to log in with provided credentials."]})
        token, secret = api_token_create(user=user)
        body = TokenObtainOutputSerializer({"id": token.pk, "token": secret, "expiry": token.expiry})
        return Response(body.data)


@extend_schema_view(
    get=extend_schema(
        responses={200: ApiTokenOutputSerializer, 404: NO_SUCH_PAGE},
        description="Your own tokens that still work, newest first; never a secret.",
    )
)
class ApiTokenListApi(ListAPIView):
    serializer_class = ApiTokenOutputSerializer

    def get_queryset(self):
        return api_tokens_of(user=self.request.user)


class ApiTokenRevokeApi(APIView):
    @extend_schema(
        request=None,
        responses={204: None, 404: not_found("Not one of your tokens.")},
        description="Revokes one of your tokens at once (also the one making this call).",
    )
    def delete(self, request: Request, token_id: int) -> Response:
        if not api_token_revoke(user=request.user, token_id=token_id):
            raise NotFound("No such token.")
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(get=extend_schema(responses={200: MemberOutputSerializer, 404: NOT_FOUND}))
class MemberListCreateApi(ListAPIView):
    """Every member reads who the members are and their roles; only owners see their addresses."""

    serializer_class = MemberOutputSerializer

    def get_queryset(self):
        self.organization = organization_or_404(user=self.request.user, organization_id=self.kwargs["organization_id"])
        return memberships_of(organization=self.organization)

    def get_serializer_context(self) -> dict:
        organization = getattr(self, "organization", None)
        return {**super().get_serializer_context(), "show_email": can_manage(getattr(organization, "role", None))}

    @extend_schema(
        request=MemberInputSerializer,
        responses={
            201: MemberOutputSerializer,
            202: OpenApiResponse(InvitationOutputSerializer, description="Not a member: invited, joins on accepting."),
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
            429: TOO_MANY_INVITATIONS,
        },
        description="Owners only. A member (by `username`, or by the `email` address they verified) gets the role "
        "at once (201). Anyone else is invited (202, the invitation): by `username` at that account's verified "
        "address (a 400 naming `username` when it has none; the address is not shown), by `email` at that address; "
        "they join only by accepting; past the daily limits of invitation mail a 429. A username is looked up only as "
        "a username, an address only as an address.",
    )
    def post(self, request: Request, organization_id: int) -> Response:
        organization = managed_organization_or_404(user=request.user, organization_id=organization_id)
        data = MemberInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        added = member_add(
            organization=organization,
            invited_by=request.user,
            **data.validated_data,
        )
        if isinstance(added, Invitation):
            return Response(InvitationOutputSerializer(added).data, status=status.HTTP_202_ACCEPTED)
        body = MemberOutputSerializer(
            memberships_of(organization=organization).get(pk=added.pk), context={"show_email": True}
        )
        return Response(body.data, status=status.HTTP_201_CREATED)


@extend_schema_view(get=extend_schema(responses={200: InvitationOutputSerializer, 403: FORBIDDEN, 404: NOT_FOUND}))
class InvitationListCreateApi(ListAPIView):
    """The organisation's invitations, newest first, and inviting: owners only (they show addresses)."""

    serializer_class = InvitationOutputSerializer

    def get_queryset(self):
        organization = managed_organization_or_404(
            user=self.request.user, organization_id=self.kwargs["organization_id"]
        )
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
        "it went; a failed one is sent again by inviting again). An address that a member verified is a 400; "
        "past the daily limits of invitation mail (per inviter, organisation and address) a 429. Owners only.",
    )
    def post(self, request: Request, organization_id: int) -> Response:
        organization = managed_organization_or_404(user=request.user, organization_id=organization_id)
        data = InvitationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        invitation = invitation_create(
            organization=organization,
            invited_by=request.user,
            **data.validated_data,
        )
        return Response(InvitationOutputSerializer(invitation).data, status=status.HTTP_201_CREATED)
