"""Holds an API body built by hand to the output serializer that documents it in the schema: the same
fields at every depth (no more, no fewer), each value one that field accepts."""

import json

from rest_framework import serializers
from rest_framework.utils.encoders import JSONEncoder


def assert_documented(body, serializer: serializers.Field, path: str = "body") -> None:
    body = json.loads(json.dumps(body, cls=JSONEncoder))  # as the API's JSON renderer sends it
    _check(body, serializer, path)


def _check(value, field: serializers.Field, path: str) -> None:
    if isinstance(field, serializers.SerializerMethodField):
        field = _documented_as(field)
    if value is None:
        assert field.allow_null, f"{path} is null, which its field does not allow"
    elif isinstance(field, serializers.ListSerializer):
        assert isinstance(value, list), f"{path} is not a list"
        for index, item in enumerate(value):
            _check(item, field.child, f"{path}[{index}]")
    elif isinstance(field, serializers.Serializer):
        assert isinstance(value, dict), f"{path} is not an object"
        assert set(value) == set(field.fields), f"{path} has fields {sorted(value)}, documented {sorted(field.fields)}"
        for name, child in field.fields.items():
            _check(value[name], child, f"{path}.{name}")
    else:
        try:
            field.run_validation(value)
        except serializers.ValidationError as error:
            raise AssertionError(f"{path} = {value!r}: {error.detail}") from None


def _documented_as(field: serializers.SerializerMethodField) -> serializers.Field:
    """The serializer or field a method field's `extend_schema_field` documents it as."""
    method = getattr(field.parent, field.method_name)
    documented = getattr(method, "_spectacular_annotation", {}).get("field")
    assert isinstance(documented, serializers.Field), f"{field.field_name} has no documented serializer"
    return documented
