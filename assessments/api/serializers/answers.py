"""The API's shapes of answers."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.fields import empty

from assessments.inputs import MAX_COMMENT_LENGTH, comment_problems
from assessments.models import AnswerScale
from assessments.selectors.answers import AnswerRow
from assessments.services.answers import AnswerInput
from core.fields import StrictCharField, StrictIntegerField

ANSWER_VALUES = AnswerScale.labels_by_value()
ANSWER_WORDS = [value for value in ANSWER_VALUES if isinstance(value, str)]
ANSWER_VALUE_SCHEMA = {
    "oneOf": [
        {"type": "integer", "minimum": min(AnswerScale.points()), "maximum": max(AnswerScale.points())},
        {"type": "string", "enum": ANSWER_WORDS},
    ]
}
ANSWER_VALUE_INVALID = (
    f"Must be an integer from {min(AnswerScale.points())} to {max(AnswerScale.points())}, "
    + " or ".join(f'"{word}"' for word in ANSWER_WORDS)
    + "."
)


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

    def run_validation(self, data=empty):
        if isinstance(data, bool) or not isinstance(data, int | str) or data not in ANSWER_VALUES:
            raise ValidationError([ANSWER_VALUE_INVALID])
        return data


@extend_schema_field({**ANSWER_VALUE_SCHEMA, "nullable": True})
class SharedAnswerValueInputField(AnswerValueInputField):
    """Also null: no answer in the item, only its comment (services.answers_save keeps it)."""

    def run_validation(self, data=empty):
        return None if data is None else super().run_validation(data)


class AnswerQuestionField(StrictCharField):
    """A question key as sent, null characters included; anything else (missing, not a string) is no key, None,
    which the service refuses as an unknown question."""

    def run_validation(self, data=empty):
        return data if isinstance(data, str) else None


class AnswerCommentField(StrictCharField):
    """Kept as sent, untrimmed; blank when left out."""

    def run_validation(self, data=empty):
        if data is empty:
            return ""
        problems = comment_problems(data)
        if problems:
            raise ValidationError(problems)
        return data


ANSWER_VALUE_HELP = (
    '0 not in place, 1 started, 2 mostly, 3 fully in place, "na" not applicable (needs a comment) '
    'or "unknown" don\'t know (scores as 0, listed in the report to verify).'
)


class AnswerInputSerializer(serializers.Serializer):
    """Documents one item of the PATCH body; the service validates the whole batch at once."""

    # Its fields check the item's shape, and what is wrong goes to the service with the item
    # (AnswerInput.shape_errors), which reports it with the problems its rules find: one 400 names them all.
    question = AnswerQuestionField(help_text="Question key, e.g. data.versioning.")
    value = AnswerValueInputField(help_text=ANSWER_VALUE_HELP)
    comment = AnswerCommentField(required=False, allow_blank=True, max_length=MAX_COMMENT_LENGTH)


class SharedAnswerInputSerializer(AnswerInputSerializer):
    """Documents one item of the PATCH body of the assessment's own answers, which keep a comment alone."""

    value = SharedAnswerValueInputField(
        help_text=f"{ANSWER_VALUE_HELP} null: the comment alone, written before "
        "the answer: an unanswered question keeps it and stays unanswered (it scores as before); an answered one "
        "keeps its answer."
    )


def answer_inputs(data: object, serializer: type[AnswerInputSerializer] = AnswerInputSerializer) -> list[AnswerInput]:
    """A PATCH body of answers: a non-empty list of objects (else a 400 with `detail` only), each item parsed
    by `serializer`'s fields."""
    if not isinstance(data, list) or not data:
        raise ValidationError({"detail": "Expected a non-empty JSON list of {question, value, comment}."})
    if not all(isinstance(item, dict) for item in data):
        bad = [index for index, item in enumerate(data) if not isinstance(item, dict)]
        raise ValidationError({"detail": f"Every item must be an object; items {bad} are not."})
    return [_answer_input(item, serializer()) for item in data]


def _answer_input(item: dict, serializer: AnswerInputSerializer) -> AnswerInput:
    parsed, errors = {}, {}
    for name, field in serializer.fields.items():
        try:
            parsed[name] = field.run_validation(field.get_value(item))
        except ValidationError as error:
            errors[name] = [str(text) for text in error.detail]
    # A null value sets the comment alone: left out, the comment would be blanked by a client that meant no change.
    if "value" in parsed and parsed["value"] is None and "comment" not in item:
        errors["comment"] = ["Send the comment with a null value: the comment alone is what it sets."]
    return AnswerInput(**parsed, shape_errors=errors)


class AnswerProblemSerializer(serializers.Serializer):
    index = StrictIntegerField()
    question = serializers.CharField(allow_null=True, help_text="As sent, null characters included.")
    errors = serializers.DictField(child=serializers.ListField(child=StrictCharField()))


class AnswersInvalidSerializer(serializers.Serializer):
    """Invalid items list their problems in `answers`; a body that is not a non-empty list has `detail` only."""

    detail = StrictCharField()
    answers = AnswerProblemSerializer(many=True, required=False)
