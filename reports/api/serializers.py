from rest_framework import serializers

from maturity.selectors import framework_get


class OverallSerializer(serializers.Serializer):
    level = serializers.IntegerField(allow_null=True, help_text="The lowest level of the counting areas.")
    score = serializers.FloatField(
        allow_null=True, help_text="The level, and this far towards the next one across the counting areas."
    )
    mean_score = serializers.FloatField(allow_null=True, help_text="Area-weighted mean of the counting areas' scores.")
    limited_by = serializers.ListField(
        child=serializers.CharField(), help_text="Keys of the counting areas at the overall level (none at 4)."
    )
    level_name = serializers.CharField()
    level_description = serializers.CharField(allow_blank=True)


class LevelResultSerializer(serializers.Serializer):
    level = serializers.IntegerField()
    met = serializers.BooleanField()
    coverage = serializers.FloatField()


class AreaResultSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()
    level = serializers.IntegerField(allow_null=True)
    score = serializers.FloatField(allow_null=True)
    counts_toward_level = serializers.BooleanField()
    target = serializers.IntegerField(allow_null=True)
    gap = serializers.IntegerField(allow_null=True)
    exempt_levels = serializers.ListField(
        child=serializers.IntegerField(), help_text="Levels whose practices were all answered not applicable."
    )
    levels = LevelResultSerializer(many=True)
    explanation = serializers.CharField()


class NextStepSerializer(serializers.Serializer):
    area = serializers.CharField()
    question = serializers.CharField()
    level = serializers.IntegerField()
    value = serializers.IntegerField()
    kind = serializers.ChoiceField(
        choices=["gap", "next_level"], help_text="gap: below the level reached; next_level: for the next level."
    )
    weight = serializers.IntegerField()
    statement = serializers.CharField()
    recommendation = serializers.CharField()
    guidance = serializers.CharField()
    comment = serializers.CharField(allow_blank=True)


class RoadmapAreaSerializer(serializers.Serializer):
    area = serializers.CharField()
    name = serializers.CharField()
    level = serializers.IntegerField()
    score = serializers.FloatField()
    steps = serializers.ListField(child=serializers.CharField())


class DisagreementSerializer(serializers.Serializer):
    """Survey mode: a question whose respondents' answers were two steps apart or more."""

    area = serializers.CharField()
    area_name = serializers.CharField()
    question = serializers.CharField()
    statement = serializers.CharField()
    min = serializers.IntegerField()
    median = serializers.FloatField(help_text="Of the numeric answers; for an even count, the mean of the middle two.")
    max = serializers.IntegerField()
    agreed = serializers.JSONField(allow_null=True, help_text='The agreed (scored) answer: 0..3, "na" or null.')


class UnsupportedClaimSerializer(serializers.Serializer):
    area = serializers.CharField(help_text="Area key.")
    area_name = serializers.CharField()
    question = serializers.CharField(help_text="Question key.")
    statement = serializers.CharField()
    level = serializers.IntegerField()
    value = serializers.IntegerField(help_text="The answer: 2 mostly or 3 fully in place (any 1..3 when expired).")
    value_label = serializers.CharField()
    reason = serializers.ChoiceField(
        choices=["missing", "expired"],
        help_text="missing: a practice at level 3 or above answered mostly or fully in place with no evidence; "
        "expired: every piece of the answer's evidence was past its valid_until date when it was submitted.",
    )
    valid_until = serializers.DateField(allow_null=True, help_text="expired: the latest date its evidence held.")


class ReviewStateSerializer(serializers.Serializer):
    required = serializers.BooleanField(help_text="The assessment goes to review on submission.")
    status = serializers.ChoiceField(
        choices=["not_required", "in_review", "accepted"],
        help_text="in_review: waiting for a reviewer; accepted: final, reviewed by `reviewed_by`.",
    )
    provisional = serializers.BooleanField(
        help_text="In review: the result may change if the reviewer returns it; not counted in history or dashboards."
    )
    reviewed_by = serializers.CharField(allow_null=True, help_text="Username of the reviewer who accepted it.")
    reviewed_at = serializers.DateTimeField(allow_null=True)


class ReportOutputSerializer(serializers.Serializer):
    """Built from Report.content; everything but status and review is empty until the report is ready."""

    status = serializers.CharField()
    review = ReviewStateSerializer(help_text="Where the assessment stands on review and sign-off.")
    scoring_rule = serializers.IntegerField(allow_null=True, help_text="The rule of design section 3 it follows.")
    overall = OverallSerializer(allow_null=True)
    areas = AreaResultSerializer(many=True)
    next_steps = NextStepSerializer(many=True)
    roadmap = RoadmapAreaSerializer(many=True)
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
    figures = serializers.DictField(child=serializers.JSONField(), help_text="name -> Plotly figure JSON")
    generated_at = serializers.DateTimeField(allow_null=True)
    error = serializers.CharField(allow_blank=True)


class HistoryAreaSerializer(serializers.Serializer):
    key = serializers.CharField()
    level = serializers.IntegerField(allow_null=True)
    score = serializers.FloatField(allow_null=True)


class HistoryOverallSerializer(serializers.Serializer):
    level = serializers.IntegerField(allow_null=True)
    score = serializers.FloatField(allow_null=True)


class HistoryEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField(help_text="Its place among the team's assessments in the order started.")
    submitted_at = serializers.DateTimeField()
    kind = serializers.CharField()
    framework = serializers.CharField(help_text="Slug: compare entries of one framework only.")
    framework_version = serializers.IntegerField()
    version_changed = serializers.BooleanField(
        help_text="Taken on another version of the framework than the entry before it: its questions differ, "
        "so compare it with earlier entries area by area."
    )
    report_status = serializers.CharField(allow_null=True)
    movement = serializers.ChoiceField(
        choices=["improved", "regressed", "unchanged"],
        allow_null=True,
        help_text="Since the previous entry on the same framework with a score; null for the first.",
    )
    overall = HistoryOverallSerializer()
    areas = HistoryAreaSerializer(many=True)


class DashboardTeamSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    latest_assessment = serializers.IntegerField(allow_null=True)
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
    regressed = serializers.BooleanField(help_text="movement is regressed.")


class DashboardOutputSerializer(serializers.Serializer):
    framework = serializers.CharField(allow_null=True, help_text="Slug of the framework the results are on.")
    teams = DashboardTeamSerializer(many=True)
    distribution = serializers.DictField(
        child=serializers.DictField(child=serializers.IntegerField()),
        help_text="area key -> level (0..4, as text) -> number of teams at that level",
    )
    figures = serializers.DictField(child=serializers.JSONField())


class FrameworkQuerySerializer(serializers.Serializer):
    framework = serializers.SlugField(required=False, help_text="Only results on this framework (slug).")

    def validate_framework(self, slug: str) -> str:
        if framework_get(slug=slug) is None:
            raise serializers.ValidationError("No framework with this slug.")
        return slug
