"""Reads of survey mode: the respondents of an assessment, one respondent's own answers, and the consensus
view of the facilitator (every question with the submitted answers and their spread). Callers have looked
the assessment up through assessments.tenancy and checked who may see what (permissions.py)."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser

from assessments.models import Assessment, Respondent, RespondentAnswer, answer_value
from assessments.rules.spread import Spread, spread_of
from assessments.selectors.answers import AnswerRow, assessment_answer_rows
from maturity.selectors import FrameworkQuestion, framework_content

INVITED = "Someone invited by email"


def respondent_name(respondent: Respondent, *, show_address: bool = True) -> str:
    """How pages name them: their full name or username, or the invited address until it joins; an address is
    for those who run the survey (show_address), other members read INVITED."""
    if respondent.user is None:
        return respondent.email if show_address else INVITED
    return respondent.user.get_full_name() or respondent.user.get_username()


def respondents_of(*, assessment: Assessment) -> list[Respondent]:
    """In the order they were added, with their accounts (one query)."""
    found = Respondent.objects.filter(assessment=assessment).select_related("user").order_by("added_at", "id")
    return [_with(respondent, assessment) for respondent in found]


def respondent_of_user(*, assessment: Assessment, user: AbstractBaseUser) -> Respondent | None:
    found = Respondent.objects.filter(assessment=assessment, user=user).select_related("user").first()
    return found and _with(found, assessment)


def respondent_in(*, assessment: Assessment, respondent_id: int) -> Respondent | None:
    found = Respondent.objects.filter(assessment=assessment, pk=respondent_id).select_related("user").first()
    return found and _with(found, assessment)


def _with(respondent: Respondent, assessment: Assessment) -> Respondent:
    """The assessment the caller looked up (with the user's role), not fetched again."""
    respondent.assessment = assessment
    return respondent


def respondent_answer_rows(*, assessment: Assessment, respondent: Respondent) -> list[AnswerRow]:
    """Every question of the framework in framework order with the respondent's own answer (one query)."""
    answers = {
        question_id: (answer_value(value, not_applicable, unknown), comment, updated_at)
        for question_id, value, not_applicable, unknown, comment, updated_at in RespondentAnswer.objects.filter(
            respondent=respondent
        ).values_list("question_id", "value", "not_applicable", "unknown", "comment", "updated_at")
    }
    name = respondent_name(respondent)
    rows = []
    for question in framework_content(framework=assessment.framework).questions:
        value, comment, updated_at = answers.get(question.pk, (None, "", None))
        rows.append(
            AnswerRow(
                question=question,
                value=value,
                comment=comment,
                answered_by=name if updated_at else None,
                updated_at=updated_at,
            )
        )
    return rows


@dataclass(frozen=True)
class Response:
    """One submitted respondent's answer to one question."""

    respondent: str  # their name (left out of anonymous views)
    value: int | str  # 0..3, "na" or "unknown"
    comment: str
    updated_at: datetime


@dataclass(frozen=True)
class ConsensusRow:
    question: FrameworkQuestion
    agreed: AnswerRow  # the assessment's own answer: what is scored (value None: not agreed yet)
    responses: list[Response]  # of the respondents who submitted, in the order they were added
    spread: Spread

    @property
    def comments(self) -> list[str]:
        return [response.comment for response in self.responses if response.comment]


# An anonymous survey shows the spread once this many have submitted: before, the spread would be one or two
# people's answers, and each submission's change in it would tell what the person who just submitted said.
ANONYMOUS_SPREAD_FROM = 3


@dataclass(frozen=True)
class Consensus:
    respondents: list[Respondent]
    rows: list[ConsensusRow]  # framework order
    spread_hidden: bool  # anonymous, and fewer than ANONYMOUS_SPREAD_FROM submitted: no response in any row

    @property
    def submitted(self) -> list[Respondent]:
        return [respondent for respondent in self.respondents if respondent.submitted_at is not None]

    @property
    def disagreements(self) -> list[ConsensusRow]:
        return [row for row in self.rows if row.spread.disagreement]

    @property
    def to_agree(self) -> list[ConsensusRow]:
        """Questions without an agreed answer whose median can be recorded."""
        return [row for row in self.rows if row.agreed.value is None and row.spread.suggested is not None]


def consensus(*, assessment: Assessment) -> Consensus:
    """Every question with the answers of the respondents who submitted and the agreed answer (three
    queries, whatever the number of respondents); none of the answers while the spread is hidden."""
    respondents = respondents_of(assessment=assessment)
    submitted = {respondent.pk: respondent for respondent in respondents if respondent.submitted_at is not None}
    hidden = assessment.anonymous_responses and len(submitted) < ANONYMOUS_SPREAD_FROM
    by_question: dict[int, list[tuple[int, Response]]] = {}
    answers = RespondentAnswer.objects.filter(respondent_id__in=[] if hidden else list(submitted))
    answers = answers.order_by("respondent_id")
    order = {respondent_id: index for index, respondent_id in enumerate(submitted)}
    for respondent_id, question_id, value, not_applicable, unknown, comment, updated_at in answers.values_list(
        "respondent_id", "question_id", "value", "not_applicable", "unknown", "comment", "updated_at"
    ):
        name = respondent_name(submitted[respondent_id])
        response = Response(name, answer_value(value, not_applicable, unknown), comment, updated_at)
        by_question.setdefault(question_id, []).append((order[respondent_id], response))
    rows = []
    for agreed in assessment_answer_rows(assessment=assessment):
        responses = [response for _, response in sorted(by_question.get(agreed.question.pk, []), key=_first)]
        rows.append(ConsensusRow(agreed.question, agreed, responses, spread_of(r.value for r in responses)))
    return Consensus(respondents=respondents, rows=rows, spread_hidden=hidden)


def _first(pair: tuple) -> int:
    return pair[0]


def submitted_responses(*, assessment_id: int) -> dict[str, list[int | str]]:
    """Question key -> the submitted respondents' answers (0..3, "na" or "unknown"), for the report (three
    queries); none for an anonymous survey that fewer than ANONYMOUS_SPREAD_FROM submitted, as in the consensus."""
    found: dict[str, list[int | str]] = {}
    anonymous = Assessment.objects.filter(pk=assessment_id, anonymous_responses=True).exists()
    submitted = Respondent.objects.filter(assessment_id=assessment_id, submitted_at__isnull=False)
    if anonymous and submitted.count() < ANONYMOUS_SPREAD_FROM:
        return found
    for key, value, not_applicable, unknown in RespondentAnswer.objects.filter(
        respondent__assessment_id=assessment_id, respondent__submitted_at__isnull=False
    ).values_list("question__key", "value", "not_applicable", "unknown"):
        found.setdefault(key, []).append(answer_value(value, not_applicable, unknown))
    return found
