"""The API's shapes of evidence and of a draft's facilitator settings."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from assessments.inputs import link_problem
from assessments.models import Evidence
from core.api import PatchInputSerializer
from core.fields import StrictBooleanField, StrictCharField, StrictDateField, StrictIntegerField, StrictURLField

MAX_DESCRIPTION = Evidence._meta.get_field("description").max_length


class EvidenceQuerySerializer(serializers.Serializer):
    question = StrictCharField(required=False, max_length=200, help_text="Only the evidence of this question key.")


class EvidenceLinkInputSerializer(serializers.Serializer):
    question = StrictCharField(max_length=200, help_text="Question key, e.g. data.versioning.")
    url = StrictCharField(max_length=2000, help_text="An http or https address.")
    description = StrictCharField(required=False, allow_blank=True, max_length=MAX_DESCRIPTION, default="")
    valid_until = StrictDateField(required=False, allow_null=True, default=None)

    def validate_url(self, url: str) -> str:
        if problem := link_problem(url):
            raise serializers.ValidationError(problem)
        return url


class EvidenceFileInputSerializer(serializers.Serializer):
    question = StrictCharField(max_length=200, help_text="Question key, e.g. data.versioning.")
    file = serializers.FileField(
        help_text="At most EVIDENCE_MAX_BYTES; its type is judged by its content, which must be of an allowed "
        "type and agree with the name's extension."
    )
    description = StrictCharField(required=False, allow_blank=True, max_length=MAX_DESCRIPTION, default="")
    valid_until = StrictDateField(required=False, allow_null=True, default=None)


class EvidenceOutputSerializer(serializers.ModelSerializer):
    question = StrictCharField(source="question.key")
    kind = serializers.SerializerMethodField()
    added_by = StrictCharField(source="added_by.username")
    expired = serializers.SerializerMethodField()
    size = StrictIntegerField(allow_null=True, help_text="Bytes, for a file.")
    download = serializers.SerializerMethodField()

    class Meta:
        model = Evidence
        fields = (
            "id",
            "assessment",
            "question",
            "kind",
            "url",
            "file_name",
            "content_type",
            "size",
            "description",
            "valid_until",
            "expired",
            "added_by",
            "added_at",
            "download",
        )

    @extend_schema_field(serializers.ChoiceField(choices=["link", "file"]))
    def get_kind(self, evidence: Evidence) -> str:
        return "file" if evidence.is_file else "link"

    @extend_schema_field(StrictBooleanField(help_text="Past its valid_until date today."))
    def get_expired(self, evidence: Evidence) -> bool:
        return evidence.valid_until is not None and evidence.valid_until < timezone.localdate()

    @extend_schema_field(StrictURLField(allow_null=True))
    def get_download(self, evidence: Evidence) -> str | None:
        """Where a file is downloaded (members only); null for a link."""
        if not evidence.is_file:
            return None
        return self.context["request"].build_absolute_uri(f"/api/evidence/{evidence.pk}/download/")


class AssessmentSettingsInputSerializer(PatchInputSerializer):
    """The PATCH of an assessment's settings: any of its fields; an unknown one is a 400 naming it."""

    unknown_field_message = "Unknown field: one of evidence_required."
    empty_message = "Send at least one setting."

    evidence_required = StrictBooleanField(
        required=False, help_text="Submitting waits until no unsupported claim is left (assessments.rules.claims)."
    )
