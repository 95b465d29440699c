"""The assessments app's models, one module per concern; imported here, where Django and the app look."""

from assessments.models.base import (
    ANSWERED,
    Answer,
    AnswerScale,
    Assessment,
    Membership,
    Organization,
    Role,
    TargetLevel,
    Team,
    answer_fields,
    answer_value,
)
from assessments.models.evidence import Evidence
from assessments.models.reviews import Review, ReviewComment
from assessments.models.surveys import Respondent, RespondentAnswer

__all__ = [
    "ANSWERED",
    "Answer",
    "AnswerScale",
    "Assessment",
    "Evidence",
    "Membership",
    "Organization",
    "Respondent",
    "RespondentAnswer",
    "Review",
    "ReviewComment",
    "Role",
    "TargetLevel",
    "Team",
    "answer_fields",
    "answer_value",
]
