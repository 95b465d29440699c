"""Token authentication with one hand-written query.

Every API request authenticates. DRF's TokenAuthentication builds the same ORM query on each of them
(the token joined to its user), and compiling that query costs more than running it; a raw query skips
the compiler. The checks and their messages are DRF's own.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.authtoken.models import Token

# The columns by name, not u.*: a prepared statement must keep its result type when a migration adds one.
USER_OF_API_KEY = """
    SELECT u.id, u.password, u.last_login, u.is_superuser, u.username, u.first_name, u.last_name, u.email,
           u.is_staff, u.is_active, u.date_joined
    FROM auth_user u JOIN authtoken_token t ON t.user_id = u.id
    WHERE t.key = %s
"""


class TokenAuthentication(authentication.TokenAuthentication):
    def authenticate_credentials(self, key: str):
        user = user_for_token(key)
        if user is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        return user, Token(key=key, user=user)


def user_for_token(key: str):
    """The user whose API token `key` is, or None."""
    if "\x00" in key:  # PostgreSQL refuses NUL in text, and no key has one
        return None
    return next(iter(get_user_model().objects.raw(USER_OF_API_KEY, [key])), None)
