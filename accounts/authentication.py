"""API tokens: django-rest-knox's TokenAuthentication (`Authorization: Token <token>`), for tokens that still
stand for their user (accounts.services.api_token_use: issued under the current password)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from knox import auth
from rest_framework import exceptions

from accounts.services import api_token_use

INVALID = _("Invalid token.")


class TokenAuthentication(auth.TokenAuthentication):
    def authenticate_credentials(self, token: bytes):
        # A key is hex: one that is not UTF-8 (knox would fail decoding it) or has a NUL (which PostgreSQL
        # refuses in text) is no key of ours.
        try:
            key = token.decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(INVALID) from None
        if "\x00" in key:
            raise exceptions.AuthenticationFailed(INVALID)
        return super().authenticate_credentials(token)

    def validate_user(self, auth_token):
        user, auth_token = super().validate_user(auth_token)
        if not api_token_use(token=auth_token):
            raise exceptions.AuthenticationFailed(INVALID)
        return user, auth_token


class TokenScheme(KnoxTokenScheme):
    """The schema documents it as knox's (`Authorization: Token <token>`), under the name DRF's had."""

    target_class = TokenAuthentication
    name = "tokenAuth"
