"""Review and sign-off over the API: accept or return an assessment in review, and read the decisions.
Owners and assessors decide, never on an assessment they submitted themselves (403 saying so)."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.api.serializers.reviews import (
    AcceptInputSerializer,
    DecisionOutputSerializer,
    ReturnInputSerializer,
    ReviewOutputSerializer,
)
from assessments.models import Assessment
from assessments.permissions import can_review
from assessments.selectors.reviews import assessment_reviews
from assessments.services.reviews import assessment_accept, assessment_return
from assessments.tenancy import assessment_or_404
from core.api import BAD_REQUEST, NOT_FOUND, ErrorSerializer
from core.lookups import require

NOT_IN_REVIEW = OpenApiResponse(ErrorSerializer, description="The assessment is not in review: a draft, or decided.")


NOT_YOURS_TO_REVIEW = OpenApiResponse(
    ErrorSerializer,
    description="Not an owner or assessor, the person who submitted it, or one who wrote any of its answers (in a "
    "survey, recorded an agreed answer): nothing changed.",
)


def _reviewable(request: Request, assessment_id: int) -> Assessment:
    assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
    require(can_review(assessment.role), "Only owners and assessors review assessments.")
    return assessment


DECISION_RESPONSES = {
    201: DecisionOutputSerializer,
    400: BAD_REQUEST,
    403: NOT_YOURS_TO_REVIEW,
    404: NOT_FOUND,
    409: NOT_IN_REVIEW,
}


class AssessmentAcceptApi(APIView):
    @extend_schema(
        request=AcceptInputSerializer,
        responses=DECISION_RESPONSES,
        description="Accepts an assessment in review: it becomes `submitted`, final, its report no longer "
        "provisional and marked reviewed by you. Owners and assessors, not the person who submitted it.",
    )
    def post(self, request: Request, assessment_id: int) -> Response:
        assessment = _reviewable(request, assessment_id)
        data = AcceptInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        comment = data.validated_data["comment"]
        review = assessment_accept(assessment=assessment, reviewer=request.user, comment=comment)
        return Response(DecisionOutputSerializer(review).data, status=status.HTTP_201_CREATED)


class AssessmentReturnApi(APIView):
    @extend_schema(
        request=ReturnInputSerializer,
        responses=DECISION_RESPONSES,
        description="Returns an assessment in review to `draft`, with what needs work: an overall `comment` "
        "and/or a comment per question (at least one). The comments show beside the questions until it is "
        "submitted again, its provisional report is dropped, and the person who submitted it is emailed. "
        "An unknown question key is a 400 naming it under `questions`; nothing changes.",
    )
    def post(self, request: Request, assessment_id: int) -> Response:
        assessment = _reviewable(request, assessment_id)
        data = ReturnInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        comments = {item["question"]: item["comment"] for item in data.validated_data["questions"]}
        review = assessment_return(
            assessment=assessment,
            reviewer=request.user,
            comment=data.validated_data["comment"],
            question_comments=comments,
        )
        return Response(DecisionOutputSerializer(review).data, status=status.HTTP_201_CREATED)


class AssessmentReviewsApi(APIView):
    @extend_schema(
        responses={200: ReviewOutputSerializer(many=True), 404: NOT_FOUND},
        description="Every review decision on the assessment, newest first, with its comments. Every member reads "
        "them.",
    )
    def get(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        reviews = assessment_reviews(assessment=assessment)
        return Response(ReviewOutputSerializer(reviews, many=True).data)
