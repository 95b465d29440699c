"""Survey mode's API: the respondents (the facilitator adds and removes them), a respondent's own answers and
their submission, and the consensus. One view per operation; the rules are the services' and selectors'.

Before submitting, a respondent reads only their own answers; the consensus is the facilitator's, and a
respondent's once they have submitted (the spread only, without names)."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.api.serializers.answers import (
    AnswerInputSerializer,
    AnswersInvalidSerializer,
    answer_inputs,
    answer_output,
)
from assessments.api.serializers.surveys import (
    ConsensusOutputSerializer,
    ConsensusQuerySerializer,
    MyAnswersOutputSerializer,
    RecordedSerializer,
    RespondentInputSerializer,
    RespondentOutputSerializer,
    RespondentTeamInputSerializer,
    SurveyInputSerializer,
    SurveyOutputSerializer,
    consensus_question,
)
from assessments.models import Assessment, Respondent
from assessments.permissions import can_facilitate
from assessments.selectors.answers import provisional
from assessments.selectors.surveys import (
    consensus,
    respondent_answer_rows,
    respondent_in,
    respondent_name,
    respondents_of,
    survey_state,
)
from assessments.services.surveys import (
    consensus_record_medians,
    respondent_answers_save,
    respondent_remove,
    respondent_submit,
    respondents_add,
    respondents_add_team,
    survey_deadline_set,
)
from assessments.tenancy import (
    assessment_or_404,
    facilitated_respondent_or_404,
    my_respondent_or_403,
    reads_shared_answers,
    require_consensus_reader,
    require_facilitate,
)
from core.api import (
    BAD_REQUEST,
    FORBIDDEN,
    NOT_FOUND,
    TOO_MANY_INVITATIONS,
    Conflict,
    ErrorSerializer,
    validated_query,
)

SURVEY_CLOSED = OpenApiResponse(
    ErrorSerializer, description="Not a survey-mode draft (workshop mode, or submitted), or the respondent submitted."
)


WORKSHOP = "This assessment is in workshop mode: it has no respondents, only shared answers."
WORKSHOP_RESPONSE = OpenApiResponse(ErrorSerializer, description="Workshop mode: no survey.")


class RespondentListCreateApi(APIView):
    @extend_schema(
        responses={200: RespondentOutputSerializer(many=True), 404: NOT_FOUND},
        description="Who answers the survey (every member of the organisation may read it; empty in workshop mode); "
        "the addresses invited and not joined yet only for owners and assessors. Not what they answered: see "
        "consensus/. In an anonymous survey `submitted` and `submitted_at` are null: the consensus says how many "
        "have submitted, never who.",
    )
    def get(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        respondents = respondents_of(assessment=assessment)
        context = {"show_addresses": can_facilitate(assessment.role), "anonymous": assessment.anonymous_responses}
        return Response(RespondentOutputSerializer(respondents, many=True, context=context).data)

    @extend_schema(
        request=RespondentInputSerializer,
        responses={
            201: RespondentOutputSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: SURVEY_CLOSED,
            429: TOO_MANY_INVITATIONS,
        },
        description="Adds a respondent to a survey-mode draft (owners and assessors): a member by `username` (any "
        "role), or an `email`: the address a member verified is that member; any other address is invited to join "
        "the organisation as a member (the invitation email, saved with the respondent), and answers once joined. "
        "The same person twice, a username that is not a member's or an address that is not one -> 400 naming the "
        "field; an invitation over the limits of invitation mail -> 429, adding nobody.",
    )
    def post(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        require_facilitate(assessment.role)
        data = RespondentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        username, email = data.validated_data.get("username", ""), data.validated_data.get("email", "")
        (respondent,) = respondents_add(
            assessment=assessment,
            added_by=request.user,
            deadline=data.validated_data.get("deadline", assessment.deadline),
            usernames=[username] if username else [],
            emails=[] if username else [email],
        )
        created = respondent_in(assessment=assessment, respondent_id=respondent.pk)
        context = {"show_addresses": True, "anonymous": assessment.anonymous_responses}
        return Response(RespondentOutputSerializer(created, context=context).data, status=status.HTTP_201_CREATED)


class RespondentTeamApi(APIView):
    @extend_schema(
        request=RespondentTeamInputSerializer,
        responses={
            200: OpenApiResponse(
                RespondentOutputSerializer(many=True), description="Everyone is a respondent already."
            ),
            201: RespondentOutputSerializer(many=True),
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: SURVEY_CLOSED,
        },
        description="Adds the whole team to a survey-mode draft (owners and assessors): every member of the "
        "organisation who is not a respondent yet, but you (add yourself by username to answer too) and the "
        "assessors; once anyone has submitted, no owner either. Each is asked by mail, with the `deadline` if "
        "given. Answers with the respondents added: 201, or 200 and none.",
    )
    def post(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        require_facilitate(assessment.role)
        data = RespondentTeamInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        deadline = data.validated_data.get("deadline", assessment.deadline)
        added = respondents_add_team(assessment=assessment, added_by=request.user, deadline=deadline)
        respondents = [r for r in respondents_of(assessment=assessment) if r.pk in {a.pk for a in added}]
        context = {"show_addresses": True, "anonymous": assessment.anonymous_responses}
        body = RespondentOutputSerializer(respondents, many=True, context=context).data
        return Response(body, status=status.HTTP_201_CREATED if added else status.HTTP_200_OK)


class SurveyApi(APIView):
    @extend_schema(
        responses={200: SurveyOutputSerializer, 404: NOT_FOUND, 409: WORKSHOP_RESPONSE},
        description="The survey's deadline and how many respondents have submitted (every member of the "
        "organisation may read it).",
    )
    def get(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        return _survey(assessment)

    @extend_schema(
        request=SurveyInputSerializer,
        responses={200: SurveyOutputSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND, 409: SURVEY_CLOSED},
        description="Sets or clears (null) the deadline of a survey-mode draft (owners and assessors). Mails already "
        "written keep the deadline they named; respondents' homes show the new one.",
    )
    def patch(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        require_facilitate(assessment.role)
        data = SurveyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        survey_deadline_set(assessment=assessment, deadline=data.validated_data["deadline"])
        return _survey(assessment)


def _survey(assessment: Assessment) -> Response:
    if assessment.mode != Assessment.Mode.SURVEY:
        raise Conflict(WORKSHOP)
    return Response(SurveyOutputSerializer(survey_state(assessment=assessment)).data)


class RespondentDetailApi(APIView):
    @extend_schema(
        request=None,
        responses={204: None, 403: FORBIDDEN, 404: NOT_FOUND, 409: SURVEY_CLOSED},
        description="Takes a respondent off the survey, with their answers, until they submit (owners and assessors). "
        "An anonymous survey keeps every respondent once anyone has submitted (409), so that the answer tells "
        "nobody's submission.",
    )
    def delete(self, request: Request, assessment_id: int, respondent_id: int) -> Response:
        _, respondent = facilitated_respondent_or_404(
            user=request.user, assessment_id=assessment_id, respondent_id=respondent_id
        )
        respondent_remove(respondent=respondent)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _my_answers(assessment: Assessment, respondent: Respondent) -> Response:
    rows = respondent_answer_rows(assessment=assessment, respondent=respondent)
    body = {
        "respondent": respondent.pk,
        "submitted_at": respondent.submitted_at,
        "answers": [answer_output(row) for row in rows],
        "required": list(provisional(assessment=assessment, rows=rows).required),
    }
    return Response(body)  # MyAnswersOutputSerializer documents it; the rows are built as the detail builds them


NOT_RESPONDENT_RESPONSE = OpenApiResponse(ErrorSerializer, description="You are not a respondent of this survey.")


class MyAnswersApi(APIView):
    @extend_schema(
        responses={200: MyAnswersOutputSerializer, 403: NOT_RESPONDENT_RESPONSE, 404: NOT_FOUND},
        description="Your own answers as a respondent of the survey: nobody else's.",
    )
    def get(self, request: Request, assessment_id: int) -> Response:
        return _my_answers(*my_respondent_or_403(user=request.user, assessment_id=assessment_id))

    @extend_schema(
        request=AnswerInputSerializer(many=True),
        responses={
            200: MyAnswersOutputSerializer,
            400: OpenApiResponse(AnswersInvalidSerializer, description="Every bad item; nothing was saved."),
            403: NOT_RESPONDENT_RESPONSE,
            404: NOT_FOUND,
            409: SURVEY_CLOSED,
        },
        description="Upserts your own answers, validated as the shared answers are, all or nothing. Frozen once "
        "you submit them.",
    )
    def patch(self, request: Request, assessment_id: int) -> Response:
        assessment, respondent = my_respondent_or_403(user=request.user, assessment_id=assessment_id)
        items = answer_inputs(request.data)
        respondent_answers_save(respondent=respondent, items=items)
        return _my_answers(assessment, respondent)


class MyAnswersSubmitApi(APIView):
    @extend_schema(
        request=None,
        responses={
            200: MyAnswersOutputSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Nothing answered yet."),
            403: NOT_RESPONDENT_RESPONSE,
            404: NOT_FOUND,
            409: SURVEY_CLOSED,
        },
        description="Submits your answers: they are frozen, count in the consensus, and you may read its spread. "
        "Questions listed in `required` (GET first) may be left blank: the web page asks to confirm how many.",
    )
    def post(self, request: Request, assessment_id: int) -> Response:
        assessment, respondent = my_respondent_or_403(user=request.user, assessment_id=assessment_id)
        respondent_submit(respondent=respondent)
        return _my_answers(assessment, respondent)


class ConsensusApi(APIView):
    @extend_schema(
        parameters=[ConsensusQuerySerializer],
        responses={
            200: ConsensusOutputSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: OpenApiResponse(ErrorSerializer, description="Workshop mode: no survey."),
        },
        description="Per question, framework order: the answers of the respondents who submitted, their spread "
        "(min, median, max, counts; `disagreement` when max - min >= 2; in an anonymous survey only once 3 have "
        "submitted: `spread_hidden`) and the agreed answer, which the "
        "facilitator records with PATCH /api/assessments/{id}/answers/ (null for a respondent while the survey is "
        "open). Owners and assessors see who answered "
        "what (unless the survey is anonymous); a respondent who submitted sees the spread only; anyone else 403.",
    )
    def get(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        names = require_consensus_reader(assessment=assessment, user=request.user)
        agreed = reads_shared_answers(assessment, user=request.user)
        query = validated_query(ConsensusQuerySerializer, request)
        if assessment.mode != Assessment.Mode.SURVEY:
            raise Conflict(WORKSHOP)
        found = consensus(assessment=assessment)
        rows = found.disagreements if query["disagreements"] else found.rows
        anonymous = assessment.anonymous_responses
        body = {
            "anonymous": not names,
            "submitted": len(found.submitted),
            "spread_hidden": found.spread_hidden,
            "respondents": [
                {
                    "name": respondent_name(r, show_address=can_facilitate(assessment.role)),
                    "submitted": None if anonymous else r.submitted_at is not None,
                }
                for r in found.respondents
            ],
            "questions": [
                consensus_question(row, names=names, agreed=agreed, hidden=found.spread_hidden) for row in rows
            ],
        }
        return Response(body)


class ConsensusMediansApi(APIView):
    @extend_schema(
        request=None,
        responses={200: RecordedSerializer, 403: FORBIDDEN, 404: NOT_FOUND, 409: SURVEY_CLOSED},
        description="Records, for every question without an agreed answer that respondents answered with a "
        "number, the median rounded down as the agreed answer (owners and assessors; one who is a respondent too "
        "submits their own answers first).",
    )
    def post(self, request: Request, assessment_id: int) -> Response:
        assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
        require_facilitate(assessment.role)
        require_consensus_reader(assessment=assessment, user=request.user)  # the medians are the others' answers
        recorded = consensus_record_medians(assessment=assessment, user=request.user)
        return Response({"recorded": recorded})
