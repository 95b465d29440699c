from rest_framework import serializers

from activity.builders.lines import KIND_LABELS, KINDS
from activity.selectors import ActivityFilters
from core.fields import StrictCharField, StrictDateOrBlankField, StrictIntegerField


class ActivityQuerySerializer(serializers.Serializer):
    actor = StrictCharField(
        required=False, allow_blank=True, max_length=150, help_text="A username: only their changes."
    )
    kind = serializers.ChoiceField(
        choices=list(KINDS),
        required=False,
        allow_blank=True,
        help_text="Only changes to this kind of object: "
        + "; ".join(f"`{kind}` {label.lower()}" for kind, label in KIND_LABELS.items()),
    )
    since = StrictDateOrBlankField(
        required=False, allow_null=True, help_text="From this day on (YYYY-MM-DD), inclusive."
    )
    until = StrictDateOrBlankField(
        required=False,
        allow_null=True,
        help_text="Up to the end of this day (YYYY-MM-DD); before `since`, an empty interval: no entries.",
    )

    def filters(self) -> ActivityFilters:
        return ActivityFilters(**self.validated_data)


class ChangeSerializer(serializers.Serializer):
    field = StrictCharField()
    before = serializers.JSONField(allow_null=True)
    after = serializers.JSONField(allow_null=True)


class ActivityEntrySerializer(serializers.Serializer):
    id = StrictIntegerField()
    timestamp = serializers.DateTimeField()
    actor = StrictCharField(allow_null=True, help_text="The username, or null for the system.")
    kind = serializers.ChoiceField(choices=list(KINDS))
    object = StrictCharField(help_text="What changed: a question's statement, a member, an assessment's title...")
    question = StrictCharField(allow_null=True, help_text="The key of the question it is about, if any.")
    action = serializers.ChoiceField(choices=["created", "changed", "deleted"])
    text = StrictCharField(
        help_text='The change in words, e.g. "alice changed “Data is versioned”: started -> fully in place".'
    )
    assessment = StrictIntegerField(source="assessment_id", allow_null=True)
    changes = ChangeSerializer(
        many=True,
        help_text="Each changed field, before and after as stored: ids and codes (empty for a respondent's own "
        "answers, which stay theirs).",
    )
