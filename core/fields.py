"""Serializer fields that accept exactly what the OpenAPI schema says they do, and nothing DRF would coerce.

DRF reads a JSON `0` as the string "0" or as false, and a blank query value (`?until=`) as "not given": the
schema says a string, a boolean, a date, so the API refuses the rest with a 400 naming the field. Text input
(a query string or a multipart form) has only strings, so there the type is read from the text as before; only
a blank value is refused, like any other value the field cannot read. Null characters are refused by a
pattern, which the schema shows (DRF's own validator does not appear in it).
"""

from django.core.validators import ProhibitNullCharactersValidator, RegexValidator
from django.http import QueryDict
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

NULL_CHARACTERS = "Null characters are not allowed."
WITHOUT_NULL_CHARACTERS = RegexValidator(r"\A[^\x00]*\Z", message=NULL_CHARACTERS)
# drf-spectacular documents a field that allows blank as oneOf(its pattern, maxLength 0): its pattern must not
# match "" too. (DRF answers a blank value before any validator runs, so the two refuse the same values.)
WITHOUT_NULL_CHARACTERS_NOR_BLANK = RegexValidator(r"\A[^\x00]+\Z", message=NULL_CHARACTERS)


class StrictFieldMixin:
    """A value given is validated, even blank; a JSON value must have the field's own JSON type."""

    json_types: tuple[type, ...] = ()

    def get_value(self, dictionary):
        if isinstance(dictionary, QueryDict) and self.field_name in dictionary:
            return dictionary.get(self.field_name)  # DRF would read "" as "not given" or as null
        return super().get_value(dictionary)

    def to_internal_value(self, data):
        if self.json_types and not self._is_text_input() and not _is_instance(data, self.json_types):
            self.fail("invalid")
        return super().to_internal_value(data)

    def _is_text_input(self) -> bool:
        root = self.root
        return isinstance(getattr(root, "initial_data", None), QueryDict)


def _is_instance(data, types: tuple[type, ...]) -> bool:
    # bool is an int in Python, never in JSON
    return isinstance(data, types) and not (isinstance(data, bool) and bool not in types)


class StrictTextMixin(StrictFieldMixin):
    json_types = (str,)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if any(isinstance(validator, RegexValidator) for validator in self.validators):
            return  # the schema shows one pattern: a slug's already leaves out null characters
        pattern = WITHOUT_NULL_CHARACTERS_NOR_BLANK if self.allow_blank else WITHOUT_NULL_CHARACTERS
        self.validators = [
            pattern if isinstance(validator, ProhibitNullCharactersValidator) else validator
            for validator in self.validators
        ]


class StrictCharField(StrictTextMixin, serializers.CharField):
    pass


class StrictSlugField(StrictTextMixin, serializers.SlugField):
    pass


class StrictEmailField(StrictTextMixin, serializers.EmailField):
    pass


class StrictURLField(StrictTextMixin, serializers.URLField):
    pass


class StrictBooleanField(StrictFieldMixin, serializers.BooleanField):
    json_types = (bool,)


class StrictIntegerField(StrictFieldMixin, serializers.IntegerField):
    json_types = (int, float)  # JSON Schema's integer includes 1.0; 1.5 is refused by IntegerField itself


class StrictDateField(StrictFieldMixin, serializers.DateField):
    pass  # DRF's DateField refuses a JSON value that is no string itself


@extend_schema_field({"type": "string", "anyOf": [{"format": "date"}, {"maxLength": 0}]})
class StrictDateOrBlankField(StrictDateField):
    """A date filter that a form's empty field leaves off: blank is documented, and read as null."""

    def to_internal_value(self, data):
        return None if data == "" else super().to_internal_value(data)
