"""The API's shapes of review decisions."""

from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from assessments.inputs import MAX_COMMENT_LENGTH
from assessments.models import Review
from core.fields import StrictCharField, StrictIntegerField


class AcceptInputSerializer(serializers.Serializer):
    comment = StrictCharField(required=False, allow_blank=True, max_length=MAX_COMMENT_LENGTH, default="")


class QuestionCommentInputSerializer(serializers.Serializer):
    question = StrictCharField(max_length=100, help_text="Question key, e.g. data.versioning.")
    comment = StrictCharField(max_length=MAX_COMMENT_LENGTH, help_text="What needs work on it.")


class ReturnInputSerializer(serializers.Serializer):
    comment = StrictCharField(
        required=False, allow_blank=True, max_length=MAX_COMMENT_LENGTH, default="", help_text="On the whole."
    )
    questions = QuestionCommentInputSerializer(many=True, required=False, default=list)

    def validate_questions(self, items: list[dict]) -> list[dict]:
        keys = [item["question"] for item in items]
        twice = sorted({key for key in keys if keys.count(key) > 1})
        if twice:
            raise ValidationError([f"Commented twice in the same request: {', '.join(twice)}."])
        return items


class QuestionCommentOutputSerializer(serializers.Serializer):
    question = StrictCharField(source="question.key")
    comment = StrictCharField()


class ReviewOutputSerializer(serializers.Serializer):
    id = StrictIntegerField()
    decision = serializers.ChoiceField(
        choices=Review.Decision.choices, help_text="accepted: final; returned: back to draft for the comments."
    )
    reviewer = StrictCharField(source="reviewer.username")
    comment = StrictCharField(allow_blank=True, help_text="On the whole assessment.")
    questions = QuestionCommentOutputSerializer(source="comments", many=True)
    decided_at = serializers.DateTimeField()


class DecisionOutputSerializer(ReviewOutputSerializer):
    status = StrictCharField(source="assessment.status", help_text="The assessment's status now.")
