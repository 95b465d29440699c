from rest_framework import serializers

from maturity.models import Area, Framework, Level, Question, Scope


class FrameworkListOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Framework
        fields = ("slug", "version", "name", "description")


class LevelOutputSerializer(serializers.ModelSerializer):
    level = serializers.IntegerField(source="number")

    class Meta:
        model = Level
        fields = ("level", "name", "description")


class ScopeOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Scope
        fields = ("key", "question", "description")


class QuestionOutputSerializer(serializers.ModelSerializer):
    sources = serializers.ListField(child=serializers.CharField(), help_text="Ids of the published criteria.")
    replaces = serializers.ListField(
        child=serializers.CharField(), help_text="Keys of the previous version's questions whose answers carry over."
    )

    class Meta:
        model = Question
        fields = ("key", "level", "statement", "guidance", "recommendation", "weight", "sources", "replaces")


class AreaOutputSerializer(serializers.ModelSerializer):
    scope = serializers.CharField(source="scope_key", allow_null=True, help_text="Applies only when this scope is yes.")
    questions = QuestionOutputSerializer(many=True)

    class Meta:
        model = Area
        fields = ("key", "name", "description", "weight", "counts_toward_level", "scope", "questions")

    def to_representation(self, area: Area) -> dict:
        return super().to_representation(area) | {"scope": area.scope_key or None}


class FrameworkDetailOutputSerializer(serializers.ModelSerializer):
    levels = LevelOutputSerializer(many=True)
    scopes = ScopeOutputSerializer(many=True)
    areas = AreaOutputSerializer(many=True)

    class Meta:
        model = Framework
        fields = ("slug", "version", "name", "description", "levels", "scopes", "areas")


class FrameworkDetailQuerySerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, required=False)
