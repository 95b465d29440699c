"""Token authentication with one hand-written query.

Every API request authenticates. DRF's TokenAuthentication builds the same ORM query on each of them
(the token joined to its user), and compiling that query costs more than running it; a plain cursor skips
the compiler, and the raw queryset's machinery, which costs about as much again. The checks and their
messages are DRF's own.
"""

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.authtoken.models import Token

# The columns by name, not u.*: a prepared statement must keep its result type when a migration adds one.
# In the model's field order, which Model.from_db takes. Not the password and the two dates, which a request
# authenticated by a token does not read (they load if read): a plain cursor would give their dates naive
# on SQLite, where the ORM would make them aware.
USER_FIELDS = ("id", "is_superuser", "username", "first_name", "last_name", "email", "is_staff", "is_active")
USER_OF_API_KEY = """
    SELECT u.id, u.is_superuser, u.username, u.first_name, u.last_name, u.email, u.is_staff, u.is_active
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
    with connection.cursor() as cursor:
        cursor.execute(USER_OF_API_KEY, [key])
        row = cursor.fetchone()
    return None if row is None else get_user_model().from_db(connection.alias, USER_FIELDS, row)
