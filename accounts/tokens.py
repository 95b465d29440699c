"""The token in an invitation link: the invitation's id, signed with the time it was made (Django's
TimestampSigner), so a link nobody signed is refused, and one older than INVITATION_MAX_AGE_DAYS too."""

from datetime import timedelta
from enum import Enum

from django.conf import settings
from django.core import signing

SALT = "accounts.invitation"


class TokenProblem(Enum):
    INVALID = "invalid"
    EXPIRED = "expired"


def invitation_max_age() -> timedelta:
    return timedelta(days=settings.INVITATION_MAX_AGE_DAYS)


def invitation_token(invitation_id: int) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(invitation_id))


def invitation_id_from_token(token: str) -> int | TokenProblem:
    signer = signing.TimestampSigner(salt=SALT)
    try:
        return int(signer.unsign(token, max_age=invitation_max_age()))
    except signing.SignatureExpired:
        return TokenProblem.EXPIRED
    except (signing.BadSignature, ValueError):
        return TokenProblem.INVALID
