"""Evidence through the API: list and add (a link as JSON, a file as multipart), read, remove and download
one, and the facilitator's settings of an assessment (evidence_required). Same tenancy as the rest: another
organisation's assessment or evidence is a 404, a role that may only read gets 403, not a draft 409."""

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.api.serializers.assessments import AssessmentDetailOutputSerializer
from assessments.api.serializers.evidence import (
    AssessmentSettingsInputSerializer,
    EvidenceFileInputSerializer,
    EvidenceLinkInputSerializer,
    EvidenceOutputSerializer,
    EvidenceQuerySerializer,
)
from assessments.api.views.assessments import assessment_response
from assessments.models import Assessment, Evidence
from assessments.permissions import can_facilitate, can_remove_evidence, can_write_answers
from assessments.selectors.evidence import assessment_evidence, evidence_for_user
from assessments.services.evidence import (
    assessment_evidence_required_set,
    evidence_file_add,
    evidence_link_add,
    evidence_remove,
)
from assessments.tenancy import assessment_or_404, require_shared_answers, shared_answers_assessment_or_404
from assessments.views.evidence import NOT_AUTHOR_MESSAGE, evidence_file_response
from core.api import BAD_REQUEST, CONFLICT, FORBIDDEN, NOT_FOUND, validated_query
from core.lookups import found_or_404, require
from core.parsers import JSONParser
from maturity.selectors import framework_content

ROLE_MESSAGE = (
    "Your role cannot change this: viewers read, and in a survey only the facilitator (an owner or assessor) "
    "changes the agreed answers and their evidence."
)


OPEN_SURVEY = (
    "403 for anyone but the facilitator while the assessment is a survey still open: the evidence is behind the "
    "agreed answers, which are the facilitator's until it is submitted."
)


def _output(request: Request, evidence: Evidence) -> dict:
    return EvidenceOutputSerializer(evidence, context={"request": request}).data


@extend_schema_view(
    get=extend_schema(
        parameters=[EvidenceQuerySerializer],
        responses={200: EvidenceOutputSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        description="The assessment's evidence in framework order (optionally of one question). " + OPEN_SURVEY,
    )
)
class EvidenceListCreateApi(ListAPIView):
    serializer_class = EvidenceOutputSerializer
    parser_classes = [JSONParser, MultiPartParser]

    def get_queryset(self):
        assessment = shared_answers_assessment_or_404(
            user=self.request.user, assessment_id=self.kwargs["assessment_id"]
        )
        question = validated_query(EvidenceQuerySerializer, self.request).get("question")
        if question is not None and question not in framework_content(framework=assessment.framework).question_ids:
            raise NotFound("No such question in this assessment's framework version.")
        return assessment_evidence(assessment=assessment, question_key=question)

    @extend_schema(
        request={
            "application/json": EvidenceLinkInputSerializer,
            "multipart/form-data": EvidenceFileInputSerializer,
        },
        responses={201: EvidenceOutputSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT},
        description="Adds a link (JSON: question, url) or a file (multipart: question, file) behind an answer, "
        "with an optional description and valid_until date. Refused with 400 naming the field: a url that is not "
        "http(s); a file larger than EVIDENCE_MAX_BYTES, whose content is not of an allowed type, or whose name "
        "claims another type than its content. Nothing is kept of a refused one. Not a draft: 409.",
    )
    def post(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        require(can_write_answers(assessment.role, assessment.mode), ROLE_MESSAGE)
        is_file = request.content_type.startswith("multipart/")
        data = (EvidenceFileInputSerializer if is_file else EvidenceLinkInputSerializer)(data=_as_dict(request.data))
        data.is_valid(raise_exception=True)
        evidence = _add(request, assessment, data.validated_data, is_file)
        return Response(_output(request, evidence), status=status.HTTP_201_CREATED)


def _as_dict(data) -> dict:
    if hasattr(data, "dict"):  # a QueryDict from multipart
        return data.dict()
    if not isinstance(data, dict):
        raise ValidationError({"detail": "Expected a JSON object of question, url, description, valid_until."})
    return data


def _add(request: Request, assessment: Assessment, data: dict, is_file: bool) -> Evidence:
    common = {
        "assessment": assessment,
        "user": request.user,
        "question": data["question"],
        "description": data["description"],
        "valid_until": data["valid_until"],
    }
    if is_file:
        return evidence_file_add(upload=data["file"], **common)
    return evidence_link_add(url=data["url"], **common)


def _evidence_or_404(request: Request, evidence_id: int) -> Evidence:
    return found_or_404(evidence_for_user(user=request.user, evidence_id=evidence_id), "No such evidence.")


def _readable_evidence_or_404(request: Request, evidence_id: int) -> Evidence:
    evidence = _evidence_or_404(request, evidence_id)
    require_shared_answers(evidence.assessment, user=request.user)
    return evidence


class EvidenceDetailApi(APIView):
    @extend_schema(
        responses={200: EvidenceOutputSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
        description=OPEN_SURVEY,
    )
    def get(self, request: Request, evidence_id: int) -> Response:
        return Response(_output(request, _readable_evidence_or_404(request, evidence_id)))

    @extend_schema(
        request=None,
        responses={204: None, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT},
        description="Removes the evidence (and its file) from a draft: whoever added it, an assessor or an owner "
        "(403 for another member).",
    )
    def delete(self, request: Request, evidence_id: int) -> Response:
        evidence = _evidence_or_404(request, evidence_id)
        assessment = evidence.assessment
        require(can_write_answers(assessment.role, assessment.mode), ROLE_MESSAGE)
        require(
            can_remove_evidence(assessment.role, added_it=evidence.added_by_id == request.user.pk), NOT_AUTHOR_MESSAGE
        )
        evidence_remove(evidence=evidence)
        return Response(status=status.HTTP_204_NO_CONTENT)


EVIDENCE_FILE = OpenApiResponse(
    OpenApiTypes.BINARY,
    description="The file as an attachment, with the type sniffed from its content on upload (Content-Type) and "
    "X-Content-Type-Options: nosniff.",
)


# A file is served with the type it was accepted as: one of EVIDENCE_ALLOWED_TYPES.
EVIDENCE_MEDIA_TYPES = dict.fromkeys([*settings.EVIDENCE_ALLOWED_TYPES, "application/octet-stream"])


class EvidenceDownloadApi(APIView):
    @extend_schema(
        responses={
            **{(200, media_type): EVIDENCE_FILE for media_type in EVIDENCE_MEDIA_TYPES},
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
        description=f"Members of the assessment's organisation only; a link evidence has no file (404). {OPEN_SURVEY}",
    )
    def get(self, request: Request, evidence_id: int):
        return evidence_file_response(_readable_evidence_or_404(request, evidence_id))


class AssessmentSettingsApi(APIView):
    @extend_schema(
        request=AssessmentSettingsInputSerializer,
        responses={
            200: AssessmentDetailOutputSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: CONFLICT,
        },
        description="The facilitator's settings of a draft (owners and assessors): `evidence_required`. Answers "
        "with the assessment as GET /api/assessments/{id}/ does.",
    )
    def patch(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        require(can_facilitate(assessment.role), "Only owners and assessors change an assessment's settings.")
        require_shared_answers(assessment, user=request.user)  # it answers with them
        data = AssessmentSettingsInputSerializer(data=_as_dict(request.data))
        data.is_valid(raise_exception=True)
        if "evidence_required" in data.validated_data:
            assessment_evidence_required_set(assessment=assessment, required=data.validated_data["evidence_required"])
        return assessment_response(request, assessment)
