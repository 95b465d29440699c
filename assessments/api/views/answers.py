"""The API of an assessment's answers."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.api.serializers.answers import AnswersInvalidSerializer, SharedAnswerInputSerializer, answer_inputs
from assessments.api.serializers.assessments import AssessmentDetailOutputSerializer
from assessments.api.views.assessments import assessment_response
from assessments.services.answers import answers_save
from assessments.tenancy import shared_answers_writer_assessment_or_404
from core.api import (
    CONFLICT,
    FORBIDDEN,
    NOT_FOUND,
)


class AssessmentAnswersApi(APIView):
    @extend_schema(
        request=SharedAnswerInputSerializer(many=True),
        responses={
            200: AssessmentDetailOutputSerializer,
            400: OpenApiResponse(AnswersInvalidSerializer, description="Every bad item; nothing was saved."),
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: CONFLICT,
        },
        description="Upserts the given answers only, all or nothing. An item whose value is null sets the "
        "question's comment alone: written before the answer, it is kept and the question stays unanswered.",
    )
    def patch(self, request: Request, assessment_id: int) -> Response:
        assessment = shared_answers_writer_assessment_or_404(user=request.user, assessment_id=assessment_id)
        items = answer_inputs(request.data, SharedAnswerInputSerializer)
        answers_save(assessment=assessment, user=request.user, items=items)
        return assessment_response(request, assessment)
