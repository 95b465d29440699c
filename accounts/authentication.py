"""API tokens: DRF's TokenAuthentication (the token with its user, one query through the ORM)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions


class TokenAuthentication(authentication.TokenAuthentication):
    def authenticate_credentials(self, key: str):
        if "\x00" in key:  # PostgreSQL refuses NUL in text, and no key has one
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        return super().authenticate_credentials(key)
