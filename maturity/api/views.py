from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.exceptions import NotFound
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from maturity.api.serializers import (
    FrameworkDetailOutputSerializer,
    FrameworkDetailQuerySerializer,
    FrameworkListOutputSerializer,
)
from maturity.selectors import (
    framework_area_keys,
    framework_get,
    framework_list,
    framework_with_content,
    sources_by_key,
)

NOT_FOUND = OpenApiResponse(
    {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]},
    description="No such framework, version, area or page.",
)
BAD_REQUEST = OpenApiResponse(OpenApiTypes.OBJECT, description="Invalid query: each parameter with its messages.")


@extend_schema_view(get=extend_schema(responses={200: FrameworkListOutputSerializer, 404: NOT_FOUND}))
class FrameworkListApi(ListAPIView):
    serializer_class = FrameworkListOutputSerializer

    def get_queryset(self):
        return framework_list()


class FrameworkDetailApi(APIView):
    @extend_schema(
        parameters=[FrameworkDetailQuerySerializer],
        responses={200: FrameworkDetailOutputSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        description="The newest version of the framework, or the one given by `?version=N`; `?area=KEY` and "
        "`?level=N` narrow it to one area or one level. `cited_sources` lists the published criteria the "
        "questions shown cite, with links.",
    )
    def get(self, request: Request, slug: str) -> Response:
        query = FrameworkDetailQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        wanted = query.validated_data
        framework = framework_get(slug=slug, version=wanted.get("version"))
        if framework is None:
            raise NotFound("No such framework or version.")
        area_key = wanted.get("area", "")
        if area_key and area_key not in framework_area_keys(framework=framework):
            raise NotFound(f"{slug} version {framework.version} has no area {area_key!r}.")
        content = framework_with_content(framework_id=framework.pk, area_key=area_key, level=wanted.get("level"))
        cited = [key for area in content.areas.all() for question in area.questions.all() for key in question.sources]
        context = {"sources": sources_by_key(keys=cited)}
        return Response(FrameworkDetailOutputSerializer(content, context=context).data)
