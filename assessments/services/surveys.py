"""Writes of survey mode. Callers have checked the role (permissions.can_facilitate for the facilitator's
operations; a respondent acts only on their own Respondent row)."""

from collections.abc import Sequence
from datetime import date

from auditlog.context import disable_auditlog
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from assessments.errors import (
    DeadlineInvalidError,
    NothingAnsweredError,
    RespondentInvalidError,
    RespondentSubmittedError,
    SurveyClosedError,
)
from assessments.models import Assessment, Membership, Organization, Respondent, RespondentAnswer
from assessments.permissions import can_facilitate
from assessments.selectors.access import member_by_verified_email
from assessments.selectors.surveys import consensus, whole_team_of
from assessments.services.answers import AnswerInput, answers_check, answers_save, upsert_answers
from assessments.services.assessments import lock_assessment
from assessments.signals import respondent_added, respondent_invited, saved_anonymously
from core.lookups import found_or_404
from maturity.selectors import framework_content

ANONYMOUS_RESPONDENTS_STAY = (
    "This survey is anonymous and respondents have started submitting: every respondent stays, so that nobody "
    "learns who has submitted."
)


def respondent_add(
    *, assessment: Assessment, added_by: AbstractBaseUser, username: str = "", email: str = ""
) -> Respondent:
    """Adds a member of the organisation (by username, any role, or by the address they verified), or an
    address that is not a member's yet: that one is invited to the organisation as a member
    (respondent_invited, in the same transaction) and answers once it has joined. Raises SurveyClosedError,
    RespondentInvalidError, or core.limits.LimitReachedError (the invitation mail's limits), adding nothing."""
    _require_open_survey(assessment)
    organization_id = assessment.team.organization_id
    user, email = _member(organization_id, username.strip(), BaseUserManager.normalize_email(email.strip()))
    _refuse_duplicate(assessment, user, email)
    try:
        with transaction.atomic():
            _lock_open_survey(assessment)
            _refuse_a_consensus_reader(assessment, user, _field(username))
            respondent = Respondent.objects.create(
                assessment=assessment, user=user, email="" if user else email, added_by=added_by
            )
            if user is None:  # its invitation is saved with it, or neither is
                respondent_invited.send(
                    sender=Respondent,
                    assessment_id=assessment.pk,
                    organization_id=organization_id,
                    email=email,
                    invited_by_id=added_by.pk,
                )
            respondent_added.send(sender=Respondent, respondent_id=respondent.pk, assessment_id=assessment.pk)
    except IntegrityError:
        raise RespondentInvalidError({_field(username): ["Already a respondent of this assessment."]}) from None
    return respondent


def respondents_add(
    *,
    assessment: Assessment,
    added_by: AbstractBaseUser,
    deadline: date | None,
    usernames: Sequence[str] = (),
    emails: Sequence[str] = (),
) -> list[Respondent]:
    """Sets the survey's deadline (the one its mails name) and adds the members and addresses as respondent_add
    does: all of them, or, raising what respondent_add or survey_deadline_set raises, nothing at all."""
    with transaction.atomic():
        survey_deadline_set(assessment=assessment, deadline=deadline)
        added = [respondent_add(assessment=assessment, added_by=added_by, username=name) for name in usernames]
        return added + [respondent_add(assessment=assessment, added_by=added_by, email=email) for email in emails]


def respondents_add_team(
    *, assessment: Assessment, added_by: AbstractBaseUser, deadline: date | None
) -> list[Respondent]:
    """Adds the whole team (selectors.surveys.whole_team) with the deadline, as respondents_add does."""
    _require_open_survey(assessment)
    team = [membership.user.get_username() for membership in whole_team_of(assessment=assessment, added_by=added_by)]
    return respondents_add(assessment=assessment, added_by=added_by, deadline=deadline, usernames=team)


def survey_deadline_set(*, assessment: Assessment, deadline: date | None) -> Assessment:
    """The day by which respondents are asked to answer, or none. A new deadline is never in the past; one that
    has passed stays as it is until changed. Raises SurveyClosedError or DeadlineInvalidError."""
    _require_open_survey(assessment)
    if deadline == assessment.deadline:
        return assessment
    if deadline is not None and deadline < timezone.localdate():
        raise DeadlineInvalidError({"deadline": ["The deadline cannot be in the past."]})
    with transaction.atomic():
        locked = _lock_open_survey(assessment)
        locked.deadline = deadline
        locked.save(update_fields=["deadline"])
    assessment.deadline = deadline
    return assessment


def _field(username: str) -> str:
    return "username" if username else "email"


def _member(organization_id: int, username: str, email: str) -> tuple[AbstractBaseUser | None, str]:
    """The member named, or (None, address) for an address that no member has verified. A username is looked
    up only as a username, an address only as an address."""
    if bool(username) == bool(email):
        raise RespondentInvalidError({"username": ["Give either the username of a member or an email address."]})
    if username:
        membership = Membership.objects.filter(organization_id=organization_id, user__username=username).first()
        if membership is None:
            raise RespondentInvalidError({"username": [f"{username} is not a member of this organisation."]})
        return membership.user, ""
    try:
        validate_email(email)
        MaxLengthValidator(Respondent._meta.get_field("email").max_length)(email)
    except ValidationError:
        raise RespondentInvalidError({"email": ["Enter a valid email address."]}) from None
    membership = member_by_verified_email(organization_id=organization_id, email=email)
    return (membership.user, "") if membership else (None, email)


def _refuse_duplicate(assessment: Assessment, user: AbstractBaseUser | None, email: str) -> None:
    existing = Respondent.objects.filter(assessment=assessment)
    if user is not None and existing.filter(user=user).exists():
        raise RespondentInvalidError({"username": [f"{user.get_username()} is a respondent already."]})
    if user is None and existing.filter(email__iexact=email).exists():
        raise RespondentInvalidError({"email": [f"{email} is a respondent already."]})


def _refuse_a_consensus_reader(assessment: Assessment, user: AbstractBaseUser | None, field: str) -> None:
    """An owner or assessor reads the named consensus whenever they are not a respondent (a facilitator who
    removed themselves included): once anyone has submitted, they would answer knowing the others' answers."""
    if user is None or not Respondent.objects.filter(assessment=assessment, submitted_at__isnull=False).exists():
        return
    role = Membership.objects.filter(organization_id=assessment.team.organization_id, user=user).values("role")
    if can_facilitate(role.first()["role"]):
        message = (
            f"{user.get_username()} has read or could read the others' answers in the consensus: an owner or "
            "assessor becomes a respondent only before anyone has submitted."
        )
        raise RespondentInvalidError({field: [message]})


def respondent_remove(*, respondent: Respondent) -> None:
    """Takes someone off the survey with their answers, until they submit; in an anonymous survey, until
    anyone has submitted, so that a refusal tells nobody who has."""
    with transaction.atomic():
        assessment = _lock_open_survey(respondent.assessment)
        submitted = Respondent.objects.filter(assessment=assessment, submitted_at__isnull=False)
        if assessment.anonymous_responses and submitted.exists():
            raise RespondentSubmittedError(ANONYMOUS_RESPONDENTS_STAY)
        if submitted.filter(pk=respondent.pk).exists():
            raise RespondentSubmittedError("They have submitted their answers, which now count: they stay.")
        Respondent.objects.filter(pk=respondent.pk).delete()


def respondents_claim(*, user: AbstractBaseUser, organization: Organization, email: str) -> int:
    """Called by accounts when an invited address joins the organisation: the respondents waiting for that
    address become the user's, in every draft of the organisation where the user is not one already."""
    waiting = Respondent.objects.filter(
        assessment__team__organization=organization, user__isnull=True, email__iexact=email
    ).exclude(assessment__respondents__user=user)
    claimed = list(waiting)
    for respondent in claimed:  # one save each, so the audit trail records who joined which survey
        respondent.user = user
        respondent.save(update_fields=["user"])
    return len(claimed)


def respondent_answers_save(*, respondent: Respondent, items: Sequence[AnswerInput]) -> None:
    """Upserts the respondent's own answers, validated as the shared answers are (services.answers_save);
    all or nothing. Raises AnswersInvalidError, SurveyClosedError or RespondentSubmittedError."""
    question_ids = framework_content(framework=respondent.assessment.framework).question_ids
    answers_check(items, question_ids)
    with transaction.atomic():
        _lock_answering(respondent)
        upsert_answers(
            owner="respondent",
            existing=respondent.answers.all(),
            new=lambda **fields: RespondentAnswer(respondent=respondent, **fields),
            items=items,
            question_ids=question_ids,
            # An anonymous survey's trail does not say whose answers these are (activity shows "a respondent").
            actor=None if respondent.assessment.anonymous_responses else respondent.user,
            place=(respondent.assessment.team.organization_id, respondent.assessment_id),
        )


def respondent_submit(*, respondent: Respondent) -> Respondent:
    """Freezes the respondent's answers; from then on they count in the consensus and the respondent may
    see its spread."""
    with transaction.atomic():
        locked = _lock_answering(respondent)
        if not RespondentAnswer.objects.filter(respondent=locked).exists():
            raise NothingAnsweredError("Answer at least one question before submitting your answers.")
        locked.submitted_at = timezone.now()
        if respondent.assessment.anonymous_responses:
            _save_submission_unattributed(locked, respondent.assessment)
        else:
            locked.save(update_fields=["submitted_at"])
    respondent.submitted_at = locked.submitted_at
    return respondent


def _save_submission_unattributed(respondent: Respondent, assessment: Assessment) -> None:
    """The trail records that a respondent of an anonymous survey submitted, not which one: auditlog's own
    entry would carry the request's user as actor (and the respondent's account)."""
    with disable_auditlog():
        respondent.save(update_fields=["submitted_at"])
    saved_anonymously.send(
        sender=Respondent,
        instance=respondent,
        changes={"submitted_at": [None, respondent.submitted_at.isoformat()]},
        organization_id=assessment.team.organization_id,
        assessment_id=assessment.pk,
    )


def consensus_record_medians(*, assessment: Assessment, user: AbstractBaseUser) -> int:
    """Records, for every question not agreed yet that respondents answered with a number, the median
    rounded down as the agreed answer, through answers_save. Returns how many."""
    _require_open_survey(assessment)
    items = [
        AnswerInput(question=row.question.key, value=row.spread.suggested, comment="")
        for row in consensus(assessment=assessment).to_agree
    ]
    if items:
        answers_save(assessment=assessment, user=user, items=items)
    return len(items)


def _require_open_survey(assessment: Assessment) -> None:
    if assessment.mode != Assessment.Mode.SURVEY:
        raise SurveyClosedError("This assessment is in workshop mode: it has no respondents, only shared answers.")
    if not assessment.is_draft:
        raise SurveyClosedError("This assessment is submitted: its survey is closed.")
    if assessment.reviews.exists():
        # Returned by a reviewer: its provisional report was read, so the survey stays closed; the
        # facilitator settles what the reviewer asked in the agreed answers.
        raise SurveyClosedError("This assessment was submitted once: its survey closed then.")


def _lock_open_survey(assessment: Assessment) -> Assessment:
    locked = lock_assessment(assessment)
    _require_open_survey(locked)
    return locked


def _lock_answering(respondent: Respondent) -> Respondent:
    _lock_open_survey(respondent.assessment)
    locked = found_or_404(
        Respondent.objects.select_for_update().filter(pk=respondent.pk).first(), "You are no longer a respondent."
    )
    if locked.submitted_at is not None:
        raise RespondentSubmittedError("You have submitted your answers: they can no longer change.")
    return locked
