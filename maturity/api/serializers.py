from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.fields import StrictCharField, StrictIntegerField, StrictSlugField
from maturity.models import Area, Framework, Level, Question, Scope, Source


class FrameworkListOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Framework
        fields = ("slug", "version", "name", "description")


class LevelOutputSerializer(serializers.ModelSerializer):
    level = StrictIntegerField(source="number")

    class Meta:
        model = Level
        fields = ("level", "name", "description")


class ScopeOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Scope
        fields = ("key", "question", "description")


class QuestionOutputSerializer(serializers.ModelSerializer):
    sources = serializers.ListField(child=StrictCharField(), help_text="Ids of the published criteria.")
    replaces = serializers.ListField(
        child=StrictCharField(), help_text="Keys of the previous version's questions whose answers carry over."
    )

    class Meta:
        model = Question
        fields = ("key", "level", "statement", "guidance", "recommendation", "weight", "sources", "replaces")


class AreaOutputSerializer(serializers.ModelSerializer):
    scope = StrictCharField(source="scope_key", allow_null=True, help_text="Applies only when this scope is yes.")
    questions = QuestionOutputSerializer(many=True)

    class Meta:
        model = Area
        fields = ("key", "name", "description", "weight", "counts_toward_level", "scope", "questions")

    def to_representation(self, area: Area) -> dict:
        return super().to_representation(area) | {"scope": area.scope_key or None}


class SourceOutputSerializer(serializers.ModelSerializer):
    id = StrictCharField(source="key", help_text="The id questions cite in `sources`.")
    publication = StrictCharField(source="publication.title")

    class Meta:
        model = Source
        fields = ("id", "publication", "level", "section", "description", "url")


class FrameworkDetailOutputSerializer(serializers.ModelSerializer):
    """Needs `context["sources"]`: the catalogue entries the questions shown cite."""

    levels = LevelOutputSerializer(many=True)
    scopes = ScopeOutputSerializer(many=True)
    areas = AreaOutputSerializer(many=True)
    cited_sources = serializers.SerializerMethodField()

    class Meta:
        model = Framework
        fields = ("slug", "version", "name", "description", "levels", "scopes", "areas", "cited_sources")

    @extend_schema_field(SourceOutputSerializer(many=True))
    def get_cited_sources(self, framework: Framework) -> list[dict]:
        """The published criteria the questions shown cite, in catalogue order, with their links."""
        sources = sorted(self.context.get("sources", {}).values(), key=lambda source: source.position)
        return SourceOutputSerializer(sources, many=True).data


class FrameworkDetailQuerySerializer(serializers.Serializer):
    version = StrictIntegerField(min_value=1, required=False)
    area = StrictSlugField(required=False, help_text="Only this area (its key) and its questions.")
    level = StrictIntegerField(min_value=1, max_value=4, required=False, help_text="Only questions at this level.")
