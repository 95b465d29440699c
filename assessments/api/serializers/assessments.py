"""The API's shapes of assessments and their submission."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from assessments.api.serializers.answers import AnswerOutputSerializer, EarlierAnswerOutputSerializer, answer_output
from assessments.models import Assessment
from assessments.selectors.answers import AnswerRow, Progress
from core.api import PatchInputSerializer
from core.fields import StrictBooleanField, StrictCharField, StrictIntegerField, StrictSlugField

# The largest id the database holds (BigAutoField); a larger one would make the query itself fail.
MAX_ID = 2**63 - 1


SYSTEMS_COVERED_MAX_LENGTH = Assessment._meta.get_field("systems_covered").max_length


SYSTEMS_COVERED_HELP = (
    'The ML systems the answers are about, for a team with several models (e.g. "Fraud scoring (card and ACH); '
    f'not the legacy SAS models"); blank when not said. Trimmed; at most {SYSTEMS_COVERED_MAX_LENGTH} characters.'
)


def systems_covered_field(help_text: str = SYSTEMS_COVERED_HELP, **kwargs) -> StrictCharField:
    return StrictCharField(allow_blank=True, max_length=SYSTEMS_COVERED_MAX_LENGTH, help_text=help_text, **kwargs)


FRAMEWORK_OF_TEAM = "Framework slug; by default the framework of the team's newest assessment."

# The scope PATCH body, and the scope of a new assessment: scope key -> true or false (the service checks the keys).
SCOPE_INPUT = {"type": "object", "additionalProperties": {"type": "boolean"}, "example": {"regulated": False}}


@extend_schema_field(SCOPE_INPUT)
class ScopeInputField(serializers.Field):
    """An object of scope key -> answer, passed on as sent: the service names each key or answer it refuses."""

    default_error_messages = {"invalid": "Expected an object of scope key -> true or false."}

    def to_representation(self, value):
        return value

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            self.fail("invalid")
        return data


class AssessmentListQuerySerializer(serializers.Serializer):
    team = StrictIntegerField(required=False, min_value=1, max_value=MAX_ID)


class AssessmentInputSerializer(serializers.Serializer):
    team = StrictIntegerField(min_value=1, max_value=MAX_ID)
    framework = StrictSlugField(required=False, help_text="Framework slug; the default framework if omitted.")
    carry_forward = StrictBooleanField(
        default=False, help_text="Start from the answers of the team's last submitted assessment."
    )
    systems_covered = systems_covered_field(
        f"{SYSTEMS_COVERED_HELP} With `carry_forward`, a blank one keeps the systems of the last assessment.",
        default="",
    )
    scope = ScopeInputField(
        default=dict,
        help_text="Answers to the framework's scope questions (GET /api/frameworks/{slug}/ lists them), e.g. "
        '{"genai": false}: an area whose scope is false is out of scope. Those left out stay unanswered (with '
        "`carry_forward`, they take the last assessment's answers) and can be answered later "
        "(PATCH /api/assessments/{id}/scope/). A key that is not a scope of the framework, or an answer that is not "
        "true or false, is a 400 naming it under `scope`.",
    )
    # Survey mode (assessments/surveys)
    mode = serializers.ChoiceField(
        choices=Assessment.Mode.choices,
        default=Assessment.Mode.WORKSHOP,
        help_text="workshop: one shared set of answers. survey: respondents answer alone and the facilitator "
        "records the agreed answers (owners and assessors only; 403 otherwise).",
    )
    anonymous_responses = StrictBooleanField(
        default=False, help_text="Survey mode: the consensus shows only the spread of answers, never who gave which."
    )
    evidence_required = StrictBooleanField(
        default=False,
        help_text="Submitting waits until every claim has evidence that holds (owners and assessors only).",
    )
    review_required = StrictBooleanField(
        default=False,
        help_text="Owners and assessors: this assessment goes to review on submission even where the organisation "
        "does not require it (where it does, every assessment does).",
    )


class AssessmentUpdateInputSerializer(PatchInputSerializer):
    """The PATCH of a draft's own details; an unknown field is a 400 naming it."""

    unknown_field_message = "Unknown field: only systems_covered changes."
    empty_message = "Send systems_covered."

    systems_covered = systems_covered_field(required=False)


class ProgressSerializer(serializers.Serializer):
    answered = StrictIntegerField()
    total = StrictIntegerField()
    percent = StrictIntegerField()


class AssessmentListOutputSerializer(serializers.ModelSerializer):
    number = StrictIntegerField(
        help_text="Its place among the team's assessments in the order they were started (1, 2, ...): pages call "
        'it "Self-assessment 3 of <team>". URLs and the API use `id`.'
    )
    framework = StrictCharField(source="framework.slug")
    framework_version = StrictIntegerField(source="framework.version")
    created_by = StrictCharField(source="created_by.username")
    submitted_by = StrictCharField(source="submitted_by.username", allow_null=True, default=None)
    progress = serializers.SerializerMethodField()
    review_required = StrictBooleanField(
        help_text="Submitting it puts it `in_review` until an owner or assessor other than the submitter accepts "
        "it (then `submitted`) or returns it (then `draft` again)."
    )
    reviewed_by = StrictCharField(
        source="reviewed_by.username", allow_null=True, default=None, help_text="Who accepted it on review."
    )
    systems_covered = systems_covered_field()

    class Meta:
        model = Assessment
        fields = (
            "id",
            "number",
            "team",
            "framework",
            "framework_version",
            "status",
            "kind",
            "mode",
            "anonymous_responses",
            "progress",
            "created_by",
            "created_at",
            "submitted_by",
            "submitted_at",
            "evidence_required",
            "review_required",
            "reviewed_by",
            "reviewed_at",
            "systems_covered",
        )

    @extend_schema_field(ProgressSerializer)
    def get_progress(self, assessment: Assessment) -> dict:
        progress = Progress(answered=assessment.answered or 0, total=assessment.question_count or 0)
        return ProgressSerializer(progress).data


class AssessmentDetailOutputSerializer(AssessmentListOutputSerializer):
    """Needs `context["sheet"]`: the assessment's AnswerSheet (selectors.answers.answer_sheet), read once by the
    view."""

    answers = serializers.SerializerMethodField()
    scope = serializers.SerializerMethodField()
    required = serializers.SerializerMethodField()
    carried_from = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text="The submitted assessment this one was started from (`carry_forward`), or null.",
    )
    earlier_answers = serializers.SerializerMethodField()

    class Meta(AssessmentListOutputSerializer.Meta):
        fields = (
            *AssessmentListOutputSerializer.Meta.fields,
            "scope",
            "answers",
            "required",
            "carried_from",
            "earlier_answers",
        )

    @extend_schema_field(
        {
            "type": "object",
            "additionalProperties": {"type": "boolean", "nullable": True},
            "description": "Every scope of the framework: true, false, or null when not answered yet.",
        }
    )
    def get_scope(self, assessment: Assessment) -> dict:
        return self.context["sheet"].scope

    @extend_schema_field(
        serializers.ListField(
            child=StrictCharField(),
            help_text="Keys of the unanswered questions that must be answered before submitting; the others "
            "cannot change the result yet.",
        )
    )
    def get_required(self, assessment: Assessment) -> list[str]:
        return self.context["sheet"].required

    @extend_schema_field(ProgressSerializer)
    def get_progress(self, assessment: Assessment) -> dict:
        rows: list[AnswerRow] = self.context["sheet"].rows
        return ProgressSerializer(Progress(answered=sum(r.value is not None for r in rows), total=len(rows))).data

    @extend_schema_field(AnswerOutputSerializer(many=True))
    def get_answers(self, assessment: Assessment) -> list[dict]:
        return [answer_output(row) for row in self.context["sheet"].rows]

    @extend_schema_field(EarlierAnswerOutputSerializer(many=True))
    def get_earlier_answers(self, assessment: Assessment) -> list[dict]:
        return [
            answer_output(row) | {"question": key, "earlier_question": row.question.key}
            for key, rows in self.context["sheet"].earlier.items()
            for row in rows
        ]


class DraftExistsSerializer(serializers.Serializer):
    detail = StrictCharField()
    draft = StrictIntegerField(help_text="The id of the team's draft: open it (GET) or discard it (DELETE).")


class IncompleteSerializer(serializers.Serializer):
    detail = StrictCharField()
    unanswered = serializers.ListField(child=StrictCharField(), help_text="Required questions unanswered.")
    scopes = serializers.ListField(child=StrictCharField(), help_text="Scope questions unanswered.")
    unsupported_claims = serializers.ListField(
        child=StrictCharField(),
        required=False,
        help_text="Evidence is required: keys of the questions whose answers claim a practice without evidence "
        "that holds (none, or all of it past its valid_until date).",
    )


SCOPE_INVALID = {
    "type": "object",
    "description": "Each bad scope key with its messages, or `detail` when the body is not a non-empty object.",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
