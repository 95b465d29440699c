"""The API's shapes of answers."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from assessments.selectors.answers import AnswerRow
from core.fields import StrictCharField, StrictIntegerField
from maturity.scoring import NA, UNKNOWN

ANSWER_VALUE_SCHEMA = {
    "oneOf": [{"type": "integer", "minimum": 0, "maximum": 3}, {"type": "string", "enum": [NA, UNKNOWN]}]
}


@extend_schema_field({**ANSWER_VALUE_SCHEMA, "nullable": True})
class AnswerValueField(serializers.Field):
    """0..3, "na", "unknown" (don't know), or null when unanswered."""

    def to_representation(self, value):
        return value

    def to_internal_value(self, data):
        return data


class AnswerOutputSerializer(serializers.Serializer):
    question = StrictCharField(source="question.key")
    value = AnswerValueField()
    comment = StrictCharField(allow_blank=True)
    answered_by = StrictCharField(allow_null=True)
    updated_at = serializers.DateTimeField(allow_null=True)


class EarlierAnswerOutputSerializer(AnswerOutputSerializer):
    """An answer of the assessment this one was started from, to a question of the earlier version that
    `question` merges or splits: it did not carry over, and is shown for reference."""

    question = StrictCharField(help_text="The key of this assessment's question it informs.")
    earlier_question = StrictCharField(help_text="The earlier version's question key.")


def answer_output(row: AnswerRow) -> dict:
    """AnswerOutputSerializer's representation, built directly: every question of the framework goes
    through it on each detail and PATCH response, and DRF's fields cost more than the rest of the
    request. The JSON renderer writes `updated_at` as the serializer's DateTimeField would (a test
    holds the two to the same output)."""
    return {
        "question": row.question.key,
        "value": row.value,
        "comment": row.comment,
        "answered_by": row.answered_by,
        "updated_at": row.updated_at,
    }


@extend_schema_field(ANSWER_VALUE_SCHEMA)
class AnswerValueInputField(AnswerValueField):
    """0..3, "na" or "unknown": unlike the output, never null (an answer cannot be taken back to unanswered)."""


class AnswerInputSerializer(serializers.Serializer):
    """Documents one item of the PATCH body; the service validates the whole batch at once."""

    question = StrictCharField(help_text="Question key, e.g. data.versioning.")
    value = AnswerValueInputField(
        help_text='0 not in place, 1 started, 2 mostly, 3 fully in place, "na" not applicable (needs a comment) '
        'or "unknown" don\'t know (scores as 0, listed in the report to verify).'
    )
    comment = StrictCharField(required=False, allow_blank=True, max_length=5000)


class AnswerProblemSerializer(serializers.Serializer):
    index = StrictIntegerField()
    question = serializers.CharField(allow_null=True, help_text="As sent, null characters included.")
    errors = serializers.DictField(child=serializers.ListField(child=StrictCharField()))


class AnswersInvalidSerializer(serializers.Serializer):
    """Invalid items list their problems in `answers`; a body that is not a non-empty list has `detail` only."""

    detail = StrictCharField()
    answers = AnswerProblemSerializer(many=True, required=False)
