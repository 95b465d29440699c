from rest_framework import serializers

from maturity.models import Area, Framework, Level, Question


class FrameworkListOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Framework
        fields = ("slug", "version", "name", "description")


class LevelOutputSerializer(serializers.ModelSerializer):
    level = serializers.IntegerField(source="number")

    class Meta:
        model = Level
        fields = ("level", "name", "description")


class QuestionOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Question
        fields = ("key", "level", "statement", "guidance", "recommendation", "weight")


class AreaOutputSerializer(serializers.ModelSerializer):
    questions = QuestionOutputSerializer(many=True)

    class Meta:
        model = Area
        fields = ("key", "name", "description", "weight", "questions")


class FrameworkDetailOutputSerializer(serializers.ModelSerializer):
    levels = LevelOutputSerializer(many=True)
    areas = AreaOutputSerializer(many=True)

    class Meta:
        model = Framework
        fields = ("slug", "version", "name", "description", "levels", "areas")


class FrameworkDetailQuerySerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, required=False)
