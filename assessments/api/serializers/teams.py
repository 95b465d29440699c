"""The API's shapes of teams and targets."""

from rest_framework import serializers

from assessments.api.serializers.assessments import FRAMEWORK_OF_TEAM, MAX_ID
from assessments.api.serializers.organizations import ArchivedOutputMixin
from assessments.models import TargetLevel, Team
from core.fields import StrictCharField, StrictIntegerField, StrictSlugField


class TeamListQuerySerializer(serializers.Serializer):
    organization = StrictIntegerField(required=False, min_value=1, max_value=MAX_ID)


class TeamInputSerializer(serializers.Serializer):
    organization = StrictIntegerField(min_value=1, max_value=MAX_ID)
    name = StrictCharField(max_length=200)


class TeamOutputSerializer(ArchivedOutputMixin, serializers.ModelSerializer):
    class Meta:
        model = Team
        fields = ("id", "organization", "name", "created_at", "archived", "archived_at")


class TargetQuerySerializer(serializers.Serializer):
    framework = StrictSlugField(required=False, help_text=FRAMEWORK_OF_TEAM)


class TargetInputSerializer(serializers.Serializer):
    area = StrictSlugField(max_length=50)
    level = StrictIntegerField(min_value=0, max_value=4)
    framework = StrictSlugField(required=False, help_text=FRAMEWORK_OF_TEAM)


class TargetOutputSerializer(serializers.ModelSerializer):
    framework = StrictCharField(source="framework_slug")
    area = StrictCharField(source="area_key")
    set_by = StrictCharField(source="set_by.username")

    class Meta:
        model = TargetLevel
        fields = ("framework", "area", "level", "set_by", "set_at")
