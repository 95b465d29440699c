"""The two answers every app gives when a lookup fails: 404 for what is not found (or not the user's to
see, which must look the same), 403 for a role that may read but not do this. Pages and the API share
them: DRF turns Django's Http404 and PermissionDenied into its own 404 and 403 with the same message."""

from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.http import Http404

Found = TypeVar("Found")


def found_or_404(found: Found | None, message: str) -> Found:
    if found is None:
        raise Http404(message)
    return found


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)
