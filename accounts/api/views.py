"""The API's login (username and password for a token, with the failed-login lockout of the login page), an
organisation's members (an owner changes a member's role, and invites anyone else) and its invitations."""

import logging
from smtplib import SMTPException

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers, status
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.api.serializers import (
    InvitationInputSerializer,
    InvitationOutputSerializer,
    MemberInputSerializer,
    MemberOutputSerializer,
)
from accounts.models import Invitation
from accounts.selectors import invitations_of
from accounts.services import AlreadyMemberError, MemberInvalidError, invitation_create, member_add
from assessments.permissions import can_manage
from assessments.selectors import memberships_of
from assessments.services import LastOwnerError
from assessments.tenancy import organization_or_404, require_manage
from core.api import BAD_REQUEST, EMAIL_UNAVAILABLE, FORBIDDEN, NOT_FOUND, EmailUnavailable

logger = logging.getLogger(__name__)

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
            503: EMAIL_UNAVAILABLE,
        },
        description="Owners only. A member (by `username`, or by the `email` address they verified) gets the role "
        "at once (201). Anyone else is invited (202, the invitation): by `username` at that account's verified "
        "address (a 400 naming `username` when it has none; the address is not shown), by `email` at that address; "
        "they join only by accepting. A username is looked up only as a username, an address only as an address.",
    )
    def post(self, request: Request, organization_id: int) -> Response:
        organization = organization_or_404(user=request.user, organization_id=organization_id)
        require_manage(organization.role)
        data = MemberInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            added = member_add(
                organization=organization,
                invited_by=request.user,
                site_url=request.build_absolute_uri("/"),
                **data.validated_data,
            )
        except MemberInvalidError as error:
            raise ValidationError(error.problems) from None
        except AlreadyMemberError as error:
            raise ValidationError({"email": [str(error)]}) from None
        except LastOwnerError as error:
            raise ValidationError({"role": [str(error)]}) from None
        except (SMTPException, OSError):
            logger.exception("Could not send the invitation of a member to organisation %s", organization.pk)
            raise EmailUnavailable from None
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
        organization = organization_or_404(user=self.request.user, organization_id=self.kwargs["organization_id"])
        require_manage(organization.role)
        return invitations_of(organization=organization)

    @extend_schema(
        request=InvitationInputSerializer,
        responses={
            201: InvitationOutputSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
            503: EMAIL_UNAVAILABLE,
        },
        description="Emails the address a link that works once, for INVITATION_MAX_AGE_DAYS, to join with the "
        "role; it replaces the address's pending invitation. An address that a member verified is a 400. "
        "Owners only.",
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
        except (SMTPException, OSError):
            logger.exception("Could not send the invitation to %s", data.validated_data["email"])
            raise EmailUnavailable from None
        return Response(InvitationOutputSerializer(invitation).data, status=status.HTTP_201_CREATED)
