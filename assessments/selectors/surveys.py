"""Reads of survey mode: the respondents of an assessment, one respondent's own answers, and the consensus
view of the facilitator (every question with the submitted answers and their spread). Callers have looked
the assessment up through assessments.tenancy and checked who may see what (permissions.py)."""

from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from assessments.models import Assessment, Membership, Respondent, RespondentAnswer, Role, answer_value
from assessments.permissions import can_facilitate
from assessments.rules.spread import Spread, spread_of
from assessments.selectors.answers import AnswerRow, assessment_answer_rows
from maturity.models import Question
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


@dataclass(frozen=True)
class SurveyState:
    deadline: date | None
    anonymous_responses: bool
    open: bool  # takes respondents and their answers
    respondents: int
    submitted: int


def survey_state(*, assessment: Assessment) -> SurveyState:
    """The survey's deadline and how far it is (two queries)."""
    counts = Respondent.objects.filter(assessment=assessment).aggregate(
        respondents=Count("id"), submitted=Count("id", filter=Q(submitted_at__isnull=False))
    )
    is_open = assessment.mode == Assessment.Mode.SURVEY and assessment.is_draft and not assessment.reviews.exists()
    return SurveyState(assessment.deadline, assessment.anonymous_responses, is_open, **counts)


def respondent_candidates(*, assessment: Assessment) -> list[Membership]:
    """The organisation's members who are not respondents of the survey yet, by username, with their accounts
    (one query): the page's picker."""
    memberships = Membership.objects.filter(organization_id=assessment.team.organization_id)
    not_yet = memberships.exclude(user__survey_responses__assessment=assessment)
    return list(not_yet.select_related("user").order_by("user__username"))


def whole_team(candidates: list[Membership], *, added_by: AbstractBaseUser, anyone_submitted: bool) -> list[Membership]:
    """Whom "add the whole team" adds, of the candidates: every member but the one adding (who adds themselves
    if they answer too) and the assessors (consultants, who run audits rather than answer for the team); once
    anyone has submitted, no owner either, as an owner or assessor then becomes a respondent no more
    (services.surveys.respondent_add)."""
    return [
        membership
        for membership in candidates
        if membership.user_id != added_by.pk
        and membership.role != Role.ASSESSOR
        and not (anyone_submitted and can_facilitate(membership.role))
    ]


def whole_team_of(*, assessment: Assessment, added_by: AbstractBaseUser) -> list[Membership]:
    submitted = Respondent.objects.filter(assessment=assessment, submitted_at__isnull=False).exists()
    return whole_team(respondent_candidates(assessment=assessment), added_by=added_by, anyone_submitted=submitted)


@dataclass(frozen=True)
class WaitingSurvey:
    """A survey asking for the user's answers, as their home lists it."""

    assessment_id: int
    title: str
    organization_id: int
    organization: str
    asked_by: str
    deadline: date | None
    answered: int
    question_count: int

    @property
    def days_left(self) -> int | None:
        """Days until the deadline: 0 on the day, negative once it has passed; None without one."""
        return None if self.deadline is None else (self.deadline - timezone.localdate()).days


# Surveys waiting for a user's answers that home lists.
WAITING_SURVEYS_LIMIT = 20


def surveys_waiting_for(*, user: AbstractBaseUser) -> list[WaitingSurvey]:
    """The open surveys of the user's organisations that ask for their answers and that they have not submitted,
    the nearest deadline first, then those without one in the order they were asked, with how many of its
    questions the user has answered (one query)."""
    answered = Subquery(_count_per(RespondentAnswer.objects.filter(respondent=OuterRef("pk")), "respondent"))
    questions = Subquery(_count_per(Question.objects.filter(framework=OuterRef("assessment__framework")), "framework"))
    waiting = (
        _open_surveys(Respondent.objects.filter(user=user, submitted_at__isnull=True))
        .filter(assessment__team__organization__memberships__user=user)
        .select_related("assessment__team__organization", "added_by")
        .annotate(answered=answered, question_count=questions)
        .order_by(F("assessment__deadline").asc(nulls_last=True), "added_at", "id")
    )
    return [
        WaitingSurvey(
            assessment_id=respondent.assessment_id,
            title=respondent.assessment.title,
            organization_id=respondent.assessment.team.organization_id,
            organization=respondent.assessment.team.organization.name,
            asked_by=respondent.added_by.get_full_name() or respondent.added_by.get_username(),
            deadline=respondent.assessment.deadline,
            answered=respondent.answered or 0,
            question_count=respondent.question_count or 0,
        )
        for respondent in waiting[:WAITING_SURVEYS_LIMIT]
    ]


def surveys_asking_address(*, organization_id: int, email: str) -> list[Respondent]:
    """The open surveys of the organisation waiting for an address to join and answer, the order they were
    asked, with the assessment, its team and who asked (one query): what its invitation asks."""
    waiting = Respondent.objects.filter(
        assessment__team__organization_id=organization_id, user__isnull=True, email__iexact=email
    )
    return list(_open_surveys(waiting).select_related("assessment__team", "added_by").order_by("added_at", "id"))


def respondent_still_asked(*, respondent_id: int) -> Respondent | None:
    """The respondent, with the assessment, its team and organisation, their account and who added them, while
    the survey still takes their answers: open, and not submitted by them (one query)."""
    found = Respondent.objects.filter(pk=respondent_id, submitted_at__isnull=True)
    return _open_surveys(found).select_related("assessment__team__organization", "user", "added_by").first()


def _open_surveys(respondents: QuerySet[Respondent]) -> QuerySet[Respondent]:
    """Of surveys still taking answers: drafts never submitted (a returned one stays closed), of active teams."""
    return respondents.filter(
        assessment__mode=Assessment.Mode.SURVEY,
        assessment__status=Assessment.Status.DRAFT,
        assessment__team__archived_at__isnull=True,
        assessment__team__organization__archived_at__isnull=True,
    ).exclude(assessment__reviews__isnull=False)


def _count_per(rows: QuerySet, field: str) -> QuerySet:
    return rows.order_by().values(field).annotate(n=Count("*")).values("n")


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
