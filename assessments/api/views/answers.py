"""The API of an assessment's answers."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.api.serializers.answers import AnswerInputSerializer, AnswersInvalidSerializer
from assessments.api.serializers.assessments import AssessmentDetailOutputSerializer
from assessments.api.views.assessments import assessment_response
from assessments.services.answers import AnswerInput, answers_save
from assessments.tenancy import (
    assessment_or_404,
    require_shared_answers,
    require_write_answers,
)
from core.api import (
    CONFLICT,
    FORBIDDEN,
    NOT_FOUND,
)


class AssessmentAnswersApi(APIView):
    @extend_schema(
        request=AnswerInputSerializer(many=True),
        responses={
            200: AssessmentDetailOutputSerializer,
            400: OpenApiResponse(AnswersInvalidSerializer, description="Every bad item; nothing was saved."),
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: CONFLICT,
        },
        description="Upserts the given answers only, all or nothing.",
    )
    def patch(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        require_write_answers(assessment)
        require_shared_answers(assessment, user=request.user)
        items = answer_items(request.data)
        answers_save(assessment=assessment, user=request.user, items=items)
        return assessment_response(request, assessment)


def answer_items(data) -> list[AnswerInput]:
    if not isinstance(data, list) or not data:
        raise ValidationError({"detail": "Expected a non-empty JSON list of {question, value, comment}."})
    if not all(isinstance(item, dict) for item in data):
        bad = [index for index, item in enumerate(data) if not isinstance(item, dict)]
        raise ValidationError({"detail": f"Every item must be an object; items {bad} are not."})
    return [
        AnswerInput(question=item.get("question"), value=item.get("value"), comment=item.get("comment", ""))
        for item in data
    ]
