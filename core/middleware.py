"""Request limits that Django applies only where it parses a body itself."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import Resolver404, resolve

View = Callable[..., HttpResponse]


class RequestBodyLimitMiddleware:
    """Refuses a body larger than DATA_UPLOAD_MAX_MEMORY_SIZE with 413 before anything reads it, unless the
    view it goes to allows more (`allows_body_up_to`, e.g. file uploads).

    Django enforces that limit when it parses a form, but the API's parsers read the body as a stream
    and would take any size. A body without a Content-Length is never read by Django, so this is enough.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        length = _content_length(request)
        if limit is not None and length > limit:
            limit = max(limit, _view_limit(request))  # looked up only for the rare large body
            if length > limit:
                message = f"The request body is larger than the {limit} bytes this service accepts."
                if request.path_info.startswith("/api/"):
                    return JsonResponse({"detail": message}, status=413)
                return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def allows_body_up_to(limit: Callable[[], int]) -> Callable[[View], View]:
    """Marks a view (a function, or an APIView's as_view()) as taking bodies up to `limit()` bytes, read
    at each request so that settings changed in tests apply."""

    def mark(view: View) -> View:
        view.max_body_bytes = limit
        return view

    return mark


def _view_limit(request: HttpRequest) -> int:
    try:
        match = resolve(request.path_info, urlconf=getattr(request, "urlconf", None))
    except Resolver404:
        return 0
    limit = getattr(match.func, "max_body_bytes", None)
    return limit() if limit is not None else 0


def _content_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
