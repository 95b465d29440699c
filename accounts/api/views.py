"""The API's login: username and password for a token, with the failed-login lockout of the login page."""

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

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
