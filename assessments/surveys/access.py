"""Who may read what of a survey, for its pages and its API alike: the facilitator reads the consensus, a
respondent once they have submitted their own answers, and nobody else."""

from django.contrib.auth.models import AbstractBaseUser

from assessments.models import Assessment, Respondent
from assessments.permissions import can_facilitate
from assessments.surveys.selectors import respondent_of_user
from assessments.tenancy import assessment_or_404
from core.lookups import require

NOT_A_RESPONDENT = "You are not a respondent of this survey: the facilitator (an owner or assessor) adds respondents."
SUBMIT_FIRST = "Submit your own answers first: until then you see only yours, not the others' nor their spread."


def my_respondent_or_403(*, user: AbstractBaseUser, assessment_id: int) -> tuple[Assessment, Respondent]:
    """The assessment (404 outside the user's organisations) and the user's own Respondent in it (403 for a
    member who is not one)."""
    assessment = assessment_or_404(user=user, assessment_id=assessment_id)
    respondent = respondent_of_user(assessment=assessment, user=user)
    require(respondent is not None, NOT_A_RESPONDENT)
    return assessment, respondent


def require_consensus_reader(*, assessment: Assessment, user: AbstractBaseUser) -> bool:
    """Refuses (403) anyone but the facilitator and the respondents who have submitted; a facilitator who is
    a respondent too answers first, like everyone else. Returns whether the reader sees who answered what:
    the facilitator of a survey that is not anonymous."""
    facilitator = can_facilitate(assessment.role)
    respondent = respondent_of_user(assessment=assessment, user=user)
    require(facilitator or respondent is not None, NOT_A_RESPONDENT)
    require(respondent is None or respondent.submitted_at is not None, SUBMIT_FIRST)
    return facilitator and not assessment.anonymous_responses
