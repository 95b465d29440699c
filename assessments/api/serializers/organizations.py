"""The API's shapes of organisations."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from assessments.models import Organization, Team
from core.api import PatchInputSerializer
from core.fields import StrictBooleanField, StrictCharField


class OrganizationInputSerializer(serializers.Serializer):
    name = StrictCharField(max_length=200)


class NameArchivedInputSerializer(PatchInputSerializer):
    """The PATCH of a team or an organisation: either field or both; any other field is a 400 naming it."""

    unknown_field_message = "Unknown field: only name and archived change."
    empty_message = "Send name, archived or both."

    name = StrictCharField(max_length=200, required=False)
    archived = StrictBooleanField(
        required=False, help_text="true hides it from every list and dashboard (kept in history); false restores it."
    )


class ArchivedOutputMixin(serializers.Serializer):
    archived = serializers.SerializerMethodField(help_text="Hidden from lists and dashboards; kept in history.")

    @extend_schema_field(StrictBooleanField())
    def get_archived(self, instance: Team | Organization) -> bool:
        return instance.archived_at is not None


class OrganizationPatchInputSerializer(NameArchivedInputSerializer):
    unknown_field_message = "Unknown field: only name, archived and review_required change."

    review_required = StrictBooleanField(
        required=False, help_text="true: every assessment started from now on goes to review when submitted."
    )


class OrganizationOutputSerializer(ArchivedOutputMixin, serializers.ModelSerializer):
    role = StrictCharField(help_text="The requesting user's role in this organisation.")
    review_required = StrictBooleanField(
        help_text="Assessments started in it go to review when submitted (an accepted one is final)."
    )

    class Meta:
        model = Organization
        fields = ("id", "name", "role", "created_at", "archived", "archived_at", "review_required")
