"""Input and output serializers of survey mode's API (assessments/api/views/surveys.py)."""

from datetime import datetime

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from assessments.api.serializers.answers import AnswerValueField
from assessments.models import Respondent
from assessments.selectors.surveys import ANONYMOUS_SPREAD_FROM, ConsensusRow, respondent_name
from core.api import PatchInputSerializer
from core.fields import StrictBooleanField, StrictCharField, StrictDateField, StrictEmailField, StrictIntegerField

DEADLINE_HELP = (
    "The day by which respondents are asked to answer, named in their mail and on their home; null for none. "
    "Left out: unchanged. A new deadline is not in the past."
)


class RespondentInputSerializer(serializers.Serializer):
    """Either field: a member by username (any role), or an address (a member's, or one to invite)."""

    username = StrictCharField(max_length=150, required=False, allow_blank=True)
    email = StrictCharField(max_length=254, required=False, allow_blank=True)
    deadline = StrictDateField(required=False, allow_null=True, help_text=DEADLINE_HELP)

    def validate(self, data: dict) -> dict:
        if bool(data.get("username", "").strip()) == bool(data.get("email", "").strip()):
            raise serializers.ValidationError({"username": ["Give either the username of a member or an email."]})
        return data


class RespondentOutputSerializer(serializers.ModelSerializer):
    """Needs `context["show_addresses"]` (the invited addresses are for those who run the survey) and
    `context["anonymous"]` (an anonymous survey says nobody's submission, null: only how many)."""

    name = serializers.SerializerMethodField(
        help_text="Full name or username; until it joins, the address (to those who run the survey)."
    )
    email = serializers.SerializerMethodField(
        help_text="The invited address until it joins (to those who run the survey; null for others)."
    )
    username = StrictCharField(source="user.username", allow_null=True, default=None)
    invited = serializers.SerializerMethodField(help_text="Invited by email and not joined the organisation yet.")
    submitted = serializers.SerializerMethodField(help_text="Null in an anonymous survey.")
    submitted_at = serializers.SerializerMethodField(help_text="Null in an anonymous survey, and until submitted.")

    class Meta:
        model = Respondent
        fields = ("id", "name", "username", "email", "invited", "submitted", "submitted_at", "added_at")

    def get_name(self, respondent: Respondent) -> str:
        return respondent_name(respondent, show_address=self.context.get("show_addresses", False))

    @extend_schema_field(StrictEmailField(allow_null=True))
    def get_email(self, respondent: Respondent) -> str | None:
        # A member's row keeps no address (blank): null, as for those not shown addresses.
        return (respondent.email or None) if self.context.get("show_addresses", False) else None

    def get_invited(self, respondent: Respondent) -> bool:
        return respondent.user_id is None

    @extend_schema_field(StrictBooleanField(allow_null=True))
    def get_submitted(self, respondent: Respondent) -> bool | None:
        return None if self.context["anonymous"] else respondent.submitted_at is not None

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_submitted_at(self, respondent: Respondent) -> datetime | None:
        return None if self.context["anonymous"] else respondent.submitted_at


class RespondentTeamInputSerializer(serializers.Serializer):
    deadline = StrictDateField(required=False, allow_null=True, help_text=DEADLINE_HELP)


class SurveyInputSerializer(PatchInputSerializer):
    unknown_field_message = "Unknown field: one of deadline."
    empty_message = "Send the deadline."

    deadline = StrictDateField(required=False, allow_null=True, help_text=DEADLINE_HELP)


class SurveyOutputSerializer(serializers.Serializer):
    deadline = serializers.DateField(allow_null=True, help_text="The day by which respondents are asked to answer.")
    anonymous_responses = StrictBooleanField()
    open = StrictBooleanField(help_text="Takes respondents and their answers: a survey-mode draft never submitted.")
    respondents = StrictIntegerField(help_text="How many are asked to answer.")
    submitted = StrictIntegerField(help_text="How many of them have submitted their answers.")


class MyAnswerSerializer(serializers.Serializer):
    question = StrictCharField()
    value = AnswerValueField(allow_null=True)
    comment = StrictCharField(allow_blank=True)
    answered_by = StrictCharField(allow_null=True, help_text="Your name once answered.")
    updated_at = serializers.DateTimeField(allow_null=True)


class MyAnswersOutputSerializer(serializers.Serializer):
    respondent = StrictIntegerField(help_text="Your respondent id in this survey.")
    submitted_at = serializers.DateTimeField(allow_null=True, help_text="Set once submitted; then frozen.")
    answers = MyAnswerSerializer(many=True, help_text="Every question, framework order; value null: not yet.")
    required = serializers.ListField(
        child=StrictCharField(),
        help_text="Keys of your unanswered questions that adaptive depth requires (design section 2, over your own "
        "answers), framework order: each could still change your result. Submitting leaves them blank.",
    )


class RecordedSerializer(serializers.Serializer):
    recorded = StrictIntegerField(help_text="How many questions got their median (rounded down) as agreed.")


class ResponseSerializer(serializers.Serializer):
    respondent = StrictCharField()
    value = AnswerValueField()
    comment = StrictCharField(allow_blank=True)


class AgreedSerializer(serializers.Serializer):
    value = AnswerValueField(
        allow_null=True, help_text='The agreed (scored) answer: 0..3, "na", "unknown", or null when not agreed yet.'
    )
    comment = StrictCharField(allow_blank=True)


class ConsensusQuestionSerializer(serializers.Serializer):
    question = StrictCharField()
    area = StrictCharField()
    level = StrictIntegerField()
    statement = StrictCharField()
    # Every spread field is null while the spread is hidden (ConsensusOutputSerializer.spread_hidden).
    answered = StrictIntegerField(allow_null=True, help_text="How many submitted respondents answered it.")
    counts = serializers.DictField(
        child=StrictIntegerField(), allow_null=True, help_text='Value "0".."3" -> how many chose it.'
    )
    not_applicable = StrictIntegerField(
        allow_null=True, help_text='How many answered "na" (left out of min, median, max).'
    )
    unknown = StrictIntegerField(
        allow_null=True, help_text='How many answered "unknown", don\'t know (left out of min, median, max).'
    )
    min = StrictIntegerField(allow_null=True)
    median = serializers.FloatField(
        allow_null=True,
        help_text='Of the numeric answers (not "na" nor "unknown"); even count: mean of the middle two; null when '
        "there is no numeric answer.",
    )
    max = StrictIntegerField(allow_null=True)
    disagreement = StrictBooleanField(allow_null=True, help_text="max - min >= 2.")
    suggested = StrictIntegerField(allow_null=True, help_text="The median rounded down: the pre-filled answer.")
    agreed = AgreedSerializer(
        allow_null=True,
        help_text="Null for anyone but the facilitator while the survey is open: the agreed answers are theirs "
        "until the assessment is submitted.",
    )
    responses = ResponseSerializer(many=True, help_text="Who answered what; empty when anonymous.")
    comments = serializers.ListField(child=StrictCharField(), help_text="Anonymous: the comments alone, sorted.")


class ConsensusRespondentSerializer(serializers.Serializer):
    name = StrictCharField()
    submitted = StrictBooleanField(allow_null=True, help_text="Null in an anonymous survey: see `submitted`.")


class ConsensusOutputSerializer(serializers.Serializer):
    anonymous = StrictBooleanField(help_text="Names left out: anonymous responses, or a respondent reading.")
    submitted = StrictIntegerField(help_text="How many respondents have submitted.")
    spread_hidden = StrictBooleanField(
        help_text=f"An anonymous survey that fewer than {ANONYMOUS_SPREAD_FROM} respondents submitted: every "
        "question's spread fields are null and its responses and comments empty, so that no answer is one "
        "person's."
    )
    respondents = ConsensusRespondentSerializer(many=True)
    questions = ConsensusQuestionSerializer(many=True)


class ConsensusQuerySerializer(serializers.Serializer):
    disagreements = StrictBooleanField(required=False, default=False, help_text="Only the disagreements.")


def consensus_question(row: ConsensusRow, *, names: bool, agreed: bool, hidden: bool) -> dict:
    """`agreed`: whether the reader sees the agreed answer (assessments.tenancy.reads_shared_answers); `hidden`:
    the spread is (Consensus.spread_hidden)."""
    spread = row.spread
    shown = {
        "answered": spread.answered,
        "counts": {str(value): count for value, count in spread.counts.items()},
        "not_applicable": spread.not_applicable,
        "unknown": spread.unknown,
        "min": spread.minimum,
        "median": None if spread.median is None else float(spread.median),
        "max": spread.maximum,
        "disagreement": spread.disagreement,
        "suggested": spread.suggested,
    }
    return {
        "question": row.question.key,
        "area": row.question.area.key,
        "level": row.question.level,
        "statement": row.question.statement,
        **(dict.fromkeys(shown) if hidden else shown),
        "agreed": {"value": row.agreed.value, "comment": row.agreed.comment} if agreed else None,
        "responses": [{"respondent": r.respondent, "value": r.value, "comment": r.comment} for r in row.responses]
        if names
        else [],
        "comments": [] if names else sorted(row.comments),
    }
