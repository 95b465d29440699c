"""What every app's API shares: the shapes of its errors, documented once, the 409 a view raises, and the
exception handler, which answers every domain error (core.errors) and limit reached."""

from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers, status, views
from rest_framework.exceptions import APIException, ParseError, Throttled
from rest_framework.request import Request
from rest_framework.response import Response

from core.errors import InvalidInputError, NotPermittedError, StateConflictError, TryAgainLaterError
from core.limits import LimitReachedError

NESTED_TOO_DEEPLY = "JSON parse error - nested too deeply."


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


class PatchInputSerializer(serializers.Serializer):
    """The body of a PATCH: refuses an empty body and an unknown field (400s naming them), as its schema says:
    at least one property, none but its own. A subclass says what to send in its messages."""

    unknown_field_message: str
    empty_message: str

    def validate(self, data: dict) -> dict:
        unknown = sorted(set(self.initial_data) - set(self.fields)) if isinstance(self.initial_data, dict) else []
        if unknown:
            raise serializers.ValidationError({key: [self.unknown_field_message] for key in unknown})
        if not data:
            raise serializers.ValidationError({"detail": self.empty_message})
        return data


class PatchInputSchema(OpenApiSerializerExtension):
    target_class = PatchInputSerializer
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        return {**schema, "minProperties": 1, "additionalProperties": False}


def bodies_are_not_empty(result: dict, **kwargs) -> dict:
    """drf-spectacular's postprocessing hook: every JSON list body of ours (the answers) refuses an empty list
    with a 400, which drf-spectacular cannot say from a serializer (it ignores `allow_empty`); and a body
    that must not be empty (a list, or a PATCH's PatchInputSerializer) is required."""
    components = result.get("components", {}).get("schemas", {})
    for operation in (op for path in result.get("paths", {}).values() for op in path.values()):
        body = operation.get("requestBody", {})
        for media in body.get("content", {}).values():
            schema = media.get("schema", {})
            if schema.get("type") == "array":
                schema["minItems"] = 1
            resolved = components.get(schema.get("$ref", "").rsplit("/", 1)[-1], schema)
            if "minItems" in resolved or "minProperties" in resolved:
                body["required"] = True
    return result


def not_found(description: str = "Not found, or not in one of your organisations.") -> OpenApiResponse:
    return OpenApiResponse(ErrorSerializer, description=description)


NOT_FOUND = not_found()
NO_SUCH_PAGE = not_found("No such page: `page` past the last one or not positive.")
FORBIDDEN = OpenApiResponse(ErrorSerializer, description="Your role in this organisation does not allow it.")
CONFLICT = OpenApiResponse(ErrorSerializer, description="The assessment is submitted and can no longer change.")
TOO_MANY_INVITATIONS = OpenApiResponse(
    ErrorSerializer,
    description="Invitation mail's daily limit reached (per inviter, organisation or address); nothing was saved. "
    "Retry-After says when.",
)
BAD_REQUEST = OpenApiResponse(
    OpenApiTypes.OBJECT, description="Invalid input: each field with its messages, or `detail` (e.g. a body not JSON)."
)


def csv_download(description: str) -> dict:
    """The 200 of a CSV export, documented as the text/csv it is (its errors stay JSON)."""
    return {(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description=description)}


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Conflict with the current state."
    default_code = "conflict"


def validated_query(serializer_class: type[serializers.Serializer], request: Request) -> dict:
    """The query string through its serializer: a 400 naming each bad parameter."""
    query = serializer_class(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.validated_data


STATUS_OF_ERROR = {
    InvalidInputError: status.HTTP_400_BAD_REQUEST,
    NotPermittedError: status.HTTP_403_FORBIDDEN,
    StateConflictError: status.HTTP_409_CONFLICT,
    TryAgainLaterError: status.HTTP_503_SERVICE_UNAVAILABLE,
}


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """A domain error as its kind's status with its body; a limit reached as a 429 with its message and
    Retry-After; a RecursionError (JSON nested past Python's limit, in any parser of any view: the token endpoint
    keeps DRF's own) as the 400 of malformed JSON rather than a 500; the rest as DRF answers it (None, a 500, for
    what it does not know)."""
    kind = next((kind for kind in STATUS_OF_ERROR if isinstance(exc, kind)), None)
    if kind is not None:
        views.set_rollback()
        return Response(exc.body(), status=STATUS_OF_ERROR[kind])
    if isinstance(exc, LimitReachedError):
        exc = Throttled(wait=max(exc.retry_after.total_seconds(), 1), detail=str(exc))
    elif isinstance(exc, RecursionError):
        exc = ParseError(NESTED_TOO_DEEPLY)
    return views.exception_handler(exc, context)
