"""The signed-in user's organisations, teams and assessments, for pages and the API of every app: outside
their organisations everything is 404, and a role without the right is 403 (design section 4). The rules
themselves are the selectors' (`*_for_user`), expressed once through the ORM."""

from django.contrib.auth.models import AbstractBaseUser

from assessments.models import Assessment, Organization, Respondent, Team
from assessments.permissions import (
    can_answer,
    can_discard,
    can_facilitate,
    can_manage,
    can_write_answers,
)
from assessments.selectors.access import assessment_for_user, organization_for_user, team_for_user
from assessments.selectors.surveys import respondent_in, respondent_of_user
from core.lookups import found_or_404, require


def organization_or_404(*, user: AbstractBaseUser, organization_id: int) -> Organization:
    found = organization_for_user(user=user, organization_id=organization_id)
    return found_or_404(found, "No such organisation.")


def team_or_404(*, user: AbstractBaseUser, team_id: int) -> Team:
    return found_or_404(team_for_user(user=user, team_id=team_id), "No such team.")


def assessment_or_404(*, user: AbstractBaseUser, assessment_id: int) -> Assessment:
    found = assessment_for_user(user=user, assessment_id=assessment_id)
    return found_or_404(found, "No such assessment.")


def require_manage(role: str | None) -> None:
    require(can_manage(role), "Only owners manage members and teams.")


def managed_organization_or_404(*, user: AbstractBaseUser, organization_id: int) -> Organization:
    """The organisation (404 outside the user's organisations), 403 unless the user is one of its owners."""
    organization = organization_or_404(user=user, organization_id=organization_id)
    require_manage(organization.role)
    return organization


def managed_team_or_404(*, user: AbstractBaseUser, team_id: int) -> Team:
    """The team (404 outside the user's organisations), 403 unless the user is an owner of its organisation."""
    team = team_or_404(user=user, team_id=team_id)
    require_manage(team.role)
    return team


def require_answer(role: str | None) -> None:
    require(can_answer(role), "Your role can read but not change this.")


def require_discard(role: str | None) -> None:
    require(can_discard(role), "Only owners and assessors discard a draft.")


def require_facilitate(role: str | None) -> None:
    require(can_facilitate(role), "Only owners and assessors run a survey: its respondents and its consensus.")


def require_write_answers(assessment: Assessment) -> None:
    """The shared answers, scope and submission (what is scored); in survey mode, the facilitator's."""
    require_answer(assessment.role)
    require(
        can_write_answers(assessment.role, assessment.mode),
        "This assessment is a survey: only its facilitator (an owner or assessor) records the agreed answers, "
        "its scope and submits it. Give your own answers on your page of the survey.",
    )


# Survey mode: who may read what of a survey, for its pages, its API and its exports alike. The facilitator reads
# the consensus, a respondent once they have submitted their own answers, and nobody else; the shared answers of
# a survey still open (the agreed answers, the evidence behind them, their trail) are the facilitator's alone.

NOT_A_RESPONDENT = "You are not a respondent of this survey: the facilitator (an owner or assessor) adds respondents."


SUBMIT_FIRST = "Submit your own answers first: until then you see only yours, not the others' nor their spread."


FACILITATORS_UNTIL_SUBMITTED = (
    "This assessment is a survey still open: its agreed answers and their activity are the facilitator's until it "
    "is submitted, and so is the evidence behind them. Give your own answers on your page of the survey."
)


def reads_shared_answers(assessment: Assessment, *, user: AbstractBaseUser) -> bool:
    """The one rule for the shared answers of a survey still open and everything that shows them (the
    assessment's answers and progress by area, its evidence, its exports, its activity, the agreed values in
    the consensus): only the facilitator reads them until it is submitted, and a facilitator who is a
    respondent too only once they have submitted their own answers. Through the agreed answers, which the
    facilitator records from the submitted answers, a respondent or a viewer could read what the others
    answered before answering. `assessment` comes from assessments.tenancy, with the user's role."""
    open_survey = assessment.mode == Assessment.Mode.SURVEY and assessment.is_draft
    return not open_survey or (can_facilitate(assessment.role) and not _still_to_answer(assessment, user))


def _still_to_answer(assessment: Assessment, user: AbstractBaseUser) -> bool:
    return Respondent.objects.filter(assessment=assessment, user=user, submitted_at__isnull=True).exists()


def require_shared_answers(assessment: Assessment, *, user: AbstractBaseUser) -> None:
    """403 unless the user reads the shared answers (reads_shared_answers); also before a write whose answer
    shows them."""
    refusal = SUBMIT_FIRST if can_facilitate(assessment.role) else FACILITATORS_UNTIL_SUBMITTED
    require(reads_shared_answers(assessment, user=user), refusal)


def shared_answers_assessment_or_404(*, user: AbstractBaseUser, assessment_id: int) -> Assessment:
    """The assessment (404 outside the user's organisations), 403 when its shared answers are not theirs to
    read (reads_shared_answers)."""
    assessment = assessment_or_404(user=user, assessment_id=assessment_id)
    require_shared_answers(assessment, user=user)
    return assessment


def shared_answers_writer_assessment_or_404(*, user: AbstractBaseUser, assessment_id: int) -> Assessment:
    """The assessment (404 outside the user's organisations), 403 unless the user writes its shared answers,
    scope and submission (require_write_answers) and reads them (require_shared_answers): such a write answers
    with them."""
    assessment = assessment_or_404(user=user, assessment_id=assessment_id)
    require_write_answers(assessment)
    require_shared_answers(assessment, user=user)
    return assessment


def my_respondent_or_403(*, user: AbstractBaseUser, assessment_id: int) -> tuple[Assessment, Respondent]:
    """The assessment (404 outside the user's organisations) and the user's own Respondent in it (403 for a
    member who is not one)."""
    assessment = assessment_or_404(user=user, assessment_id=assessment_id)
    respondent = respondent_of_user(assessment=assessment, user=user)
    require(respondent is not None, NOT_A_RESPONDENT)
    return assessment, respondent


def facilitated_respondent_or_404(
    *, user: AbstractBaseUser, assessment_id: int, respondent_id: int
) -> tuple[Assessment, Respondent]:
    """The assessment (404 outside the user's organisations, 403 unless the user runs its survey) and one of its
    respondents (404 for one of another assessment)."""
    assessment = assessment_or_404(user=user, assessment_id=assessment_id)
    require_facilitate(assessment.role)
    found = respondent_in(assessment=assessment, respondent_id=respondent_id)
    return assessment, found_or_404(found, "No such respondent.")


def require_consensus_reader(*, assessment: Assessment, user: AbstractBaseUser) -> bool:
    """Refuses (403) anyone but the facilitator and the respondents who have submitted; a facilitator who is
    a respondent too answers first, like everyone else. Returns whether the reader sees who answered what:
    the facilitator of a survey that is not anonymous."""
    facilitator = can_facilitate(assessment.role)
    respondent = respondent_of_user(assessment=assessment, user=user)
    require(facilitator or respondent is not None, NOT_A_RESPONDENT)
    require(respondent is None or respondent.submitted_at is not None, SUBMIT_FIRST)
    return facilitator and not assessment.anonymous_responses
