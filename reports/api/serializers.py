from rest_framework import serializers

from assessments.selectors.surveys import ANONYMOUS_SPREAD_FROM
from core.fields import (
    StrictBooleanField,
    StrictCharField,
    StrictDateField,
    StrictIntegerField,
    StrictSlugField,
    StrictURLField,
)
from maturity.selectors import framework_get


class OverallSerializer(serializers.Serializer):
    level = StrictIntegerField(allow_null=True, help_text="The lowest level of the counting areas.")
    score = serializers.FloatField(
        allow_null=True, help_text="The level, and this far towards the next one across the counting areas."
    )
    mean_score = serializers.FloatField(allow_null=True, help_text="Area-weighted mean of the counting areas' scores.")
    limited_by = serializers.ListField(
        child=StrictCharField(), help_text="Keys of the counting areas at the overall level (none at 4)."
    )
    level_name = StrictCharField()
    level_description = StrictCharField(
        allow_blank=True, help_text="The framework's description of the level: what a typical team at it looks like."
    )
    explanation = StrictCharField(
        help_text="Why this team is at its level, in its own areas: those that limit it, the strongest, and what "
        "lifts it (the report page's headline)."
    )
    strongest = serializers.ListField(
        child=StrictCharField(),
        help_text="Keys of the counting areas above the level, highest score first, at most 3; when every one is at "
        "the level, the closest to the next; none at level 4.",
    )


class LevelResultSerializer(serializers.Serializer):
    level = StrictIntegerField()
    met = StrictBooleanField(
        help_text="Its applicable practices are mostly in place on weighted average (coverage >= 2/3); "
        "informative: the area's level comes from its levels' worth (maturity/SCORING.md)."
    )
    coverage = serializers.FloatField(
        help_text="sum(weight * answer) / (3 * sum(weight)) over its applicable practices, as counted in the "
        "area's levels' worth; a level without an applicable practice counts the mean of the others."
    )
    applicable = StrictBooleanField(help_text="False: no applicable practice, so its coverage is the others' mean.")


class AreaResultSerializer(serializers.Serializer):
    key = StrictCharField()
    name = StrictCharField()
    level = StrictIntegerField(allow_null=True)
    score = serializers.FloatField(allow_null=True)
    levels_worth = serializers.FloatField(
        allow_null=True,
        help_text="The sum of the four levels' coverages (0 to 4); level L is reached once it is a third of a "
        "level past level L-1, at L - 2/3 (scoring rule 3). Null when the area is not applicable.",
    )
    counts_toward_level = StrictBooleanField()
    target = StrictIntegerField(allow_null=True)
    gap = StrictIntegerField(allow_null=True)
    exempt_levels = serializers.ListField(
        child=StrictIntegerField(), help_text="Levels whose practices were all answered not applicable."
    )
    levels = LevelResultSerializer(many=True)
    explanation = StrictCharField(
        help_text="One sentence: the level and score, the levels' worth and the coverages that add up to it, the "
        "levels up to the next one that hold the area back with their weakest practices, and what is already in "
        "place above its level."
    )


class NextStepSerializer(serializers.Serializer):
    area = StrictCharField()
    question = StrictCharField()
    level = StrictIntegerField()
    value = serializers.JSONField(
        help_text='The answer now: 0, 1 or 2 (3 below level 4 is never a step), or "unknown".'
    )
    kind = serializers.ChoiceField(
        choices=["gap", "next_level"], help_text="gap: below the level reached; next_level: for the next level."
    )
    weight = StrictIntegerField()
    statement = StrictCharField()
    recommendation = StrictCharField()
    guidance = StrictCharField()
    comment = StrictCharField(allow_blank=True)


class RoadmapAreaSerializer(serializers.Serializer):
    area = StrictCharField()
    name = StrictCharField()
    level = StrictIntegerField()
    score = serializers.FloatField()
    steps = serializers.ListField(child=StrictCharField())


class NextMoveSerializer(NextStepSerializer):
    area_name = StrictCharField()
    value_label = StrictCharField(help_text="The answer now, in words.")
    reason = serializers.ChoiceField(
        choices=["limits_level", "below_target", "weakest"],
        help_text="limits_level: its area is at the overall level; below_target: its area is below its target; "
        "weakest: from the other areas, weakest first, once those run out of steps.",
    )
    why = StrictCharField(help_text="The reason in words, as the report page shows it.")


class DisagreementSerializer(serializers.Serializer):
    """Survey mode: a question whose respondents' answers were two steps apart or more."""

    area = StrictCharField()
    area_name = StrictCharField()
    question = StrictCharField()
    statement = StrictCharField()
    min = StrictIntegerField()
    median = serializers.FloatField(help_text="Of the numeric answers; for an even count, the mean of the middle two.")
    max = StrictIntegerField()
    agreed = serializers.JSONField(
        allow_null=True, help_text='The agreed (scored) answer: 0..3, "na", "unknown" or null.'
    )


# A question of the framework by its area, as the lists of practices to act on name it. No docstring: a
# subclass without one would show it in the API's schema as its own description.
class PracticeSerializer(serializers.Serializer):
    area = StrictCharField(help_text="Area key.")
    area_name = StrictCharField()
    question = StrictCharField(help_text="Question key.")
    statement = StrictCharField()
    level = StrictIntegerField()


class UnsupportedClaimSerializer(PracticeSerializer):
    value = StrictIntegerField(help_text="The answer: 2 mostly or 3 fully in place (any 1..3 when expired).")
    value_label = StrictCharField()
    reason = serializers.ChoiceField(
        choices=["missing", "expired"],
        help_text="missing: a practice at level 3 or above answered mostly or fully in place with no evidence; "
        "expired: every piece of the answer's evidence was past its valid_until date when it was submitted.",
    )
    valid_until = StrictDateField(allow_null=True, help_text="expired: the latest date its evidence held.")


class ToVerifySerializer(PracticeSerializer):
    """A practice answered "unknown" (don't know): scored as not in place until someone finds out."""

    answered_by = StrictCharField(
        allow_blank=True, help_text="Username of who recorded the answer (in survey mode, the agreed answer)."
    )
    respondents_unknown = StrictIntegerField(
        allow_null=True,
        help_text="Survey mode: how many submitted respondents answered don't know (a count, not names; none "
        f"counted in an anonymous survey that fewer than {ANONYMOUS_SPREAD_FROM} submitted). Null in workshop mode.",
    )


class ReviewStateSerializer(serializers.Serializer):
    required = StrictBooleanField(help_text="The assessment goes to review on submission.")
    status = serializers.ChoiceField(
        choices=["not_required", "in_review", "accepted"],
        help_text="in_review: waiting for a reviewer; accepted: final, reviewed by `reviewed_by`.",
    )
    provisional = StrictBooleanField(
        help_text="In review: the result may change if the reviewer returns it; not counted in history or dashboards."
    )
    reviewed_by = StrictCharField(allow_null=True, help_text="Username of the reviewer who accepted it.")
    reviewed_at = serializers.DateTimeField(allow_null=True)


class ReportOutputSerializer(serializers.Serializer):
    """Built from Report.content; everything but status and review is empty until the report is ready."""

    status = StrictCharField()
    review = ReviewStateSerializer(help_text="Where the assessment stands on review and sign-off.")
    scoring_rule = StrictIntegerField(
        allow_null=True, help_text="The scoring rule it was computed with (maturity/SCORING.md: rule 3)."
    )
    systems_covered = StrictCharField(
        allow_blank=True,
        help_text="The ML systems the assessment covers, as it names them; blank when it does not (and in reports "
        "computed before assessments named them).",
    )
    overall = OverallSerializer(allow_null=True)
    areas = AreaResultSerializer(many=True)
    next_steps = NextStepSerializer(many=True)
    roadmap = RoadmapAreaSerializer(many=True)
    next_moves = NextMoveSerializer(
        many=True,
        help_text="Up to three steps to take first: one from each area that limits the level, then from each area "
        "below its target (largest gap first), in turn, each area's most valuable step first; then from the other "
        "areas, weakest first. The report page leads its roadmap with them.",
    )
    disagreements = DisagreementSerializer(
        many=True,
        help_text="Survey mode: where the respondents who submitted disagreed (max - min >= 2), framework order; "
        "empty in workshop mode.",
    )
    unsupported_claims = UnsupportedClaimSerializer(
        many=True,
        help_text="Claims an auditor would not take on the team's word alone (empty in reports computed "
        "before evidence existed).",
    )
    to_verify = ToVerifySerializer(
        many=True,
        help_text='The practices answered "unknown" (don\'t know) in the areas in scope, framework order, with who '
        "answered them: scored as not in place until verified. Empty when there is none; a report computed "
        "before don't know existed has it once recomputed (regenerate_reports).",
    )
    figures = serializers.DictField(child=serializers.JSONField(), help_text="name -> Plotly figure JSON")
    generated_at = serializers.DateTimeField(allow_null=True)
    error = StrictCharField(allow_blank=True)


class HistoryAreaSerializer(serializers.Serializer):
    key = StrictCharField()
    level = StrictIntegerField(allow_null=True)
    score = serializers.FloatField(allow_null=True)


class HistoryOverallSerializer(serializers.Serializer):
    level = StrictIntegerField(allow_null=True)
    score = serializers.FloatField(allow_null=True)


class HistoryEntrySerializer(serializers.Serializer):
    id = StrictIntegerField()
    number = StrictIntegerField(help_text="Its place among the team's assessments in the order started.")
    submitted_at = serializers.DateTimeField()
    kind = StrictCharField()
    framework = StrictCharField(help_text="Slug: compare entries of one framework only.")
    framework_version = StrictIntegerField()
    systems_covered = StrictCharField(
        allow_blank=True,
        help_text="The ML systems the assessment covers, as it names them (blank when it does not): compare "
        "entries that cover different systems with care.",
    )
    version_changed = StrictBooleanField(
        help_text="Taken on another version of the framework than the entry before it: its questions differ, "
        "so compare it with earlier entries area by area."
    )
    report_status = StrictCharField(allow_null=True)
    movement = serializers.ChoiceField(
        choices=["improved", "regressed", "unchanged"],
        allow_null=True,
        help_text="Since the previous entry on the same framework with a score; null for the first.",
    )
    overall = HistoryOverallSerializer()
    areas = HistoryAreaSerializer(many=True)


class DashboardTeamSerializer(serializers.Serializer):
    id = StrictIntegerField()
    name = StrictCharField()
    latest_assessment = StrictIntegerField(allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True)
    overall = HistoryOverallSerializer()
    areas = HistoryAreaSerializer(many=True)
    previous_score = serializers.FloatField(allow_null=True)
    change = serializers.FloatField(allow_null=True)
    movement = serializers.ChoiceField(
        choices=["improved", "regressed", "unchanged"],
        allow_null=True,
        help_text="Since the team's previous assessment on the same framework, by overall score at two decimals.",
    )
    regressed = StrictBooleanField(help_text="movement is regressed.")


class DashboardOutputSerializer(serializers.Serializer):
    framework = StrictCharField(allow_null=True, help_text="Slug of the framework the results are on.")
    teams = DashboardTeamSerializer(many=True)
    distribution = serializers.DictField(
        child=serializers.DictField(child=StrictIntegerField()),
        help_text="area key -> level (0..4, as text) -> number of teams at that level",
    )
    figures = serializers.DictField(child=serializers.JSONField())


class FrameworkQuerySerializer(serializers.Serializer):
    framework = StrictSlugField(required=False, help_text="Only results on this framework (slug).")

    def validate_framework(self, slug: str) -> str:
        if framework_get(slug=slug) is None:
            raise serializers.ValidationError("No framework with this slug.")
        return slug


class SubmittedReportSerializer(serializers.Serializer):
    status = StrictCharField(help_text="pending until the worker has computed it")
    url = StrictURLField()


class SubmitOutputSerializer(serializers.Serializer):
    status = StrictCharField(help_text="submitted, or in_review when the assessment requires review.")
    report = SubmittedReportSerializer()
