"""The slug of a framework, as other apps' API bodies and queries take it. The schema lists the frameworks
loaded on this installation (it is built per request), so that a slug valid by the schema names one."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension

from core.fields import StrictSlugField
from maturity.selectors import framework_slugs


class FrameworkSlugField(StrictSlugField):
    pass


class FrameworkSlugSchema(OpenApiSerializerFieldExtension):
    target_class = FrameworkSlugField

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        slugs = framework_slugs()
        # No framework loaded yet: an empty enum is not valid OpenAPI, and every slug is refused anyway.
        return {**schema, "enum": slugs} if slugs else schema
