"""The domain errors of assessments' services: what went wrong, in words a person can act on. Each is a kind of
core.errors.DomainError, which the API answers with its status in one place (core.api)."""

from assessments.models import Assessment, Organization
from assessments.rules.claims import UnsupportedClaim
from core.errors import InvalidInputError, NotPermittedError, StateConflictError, TryAgainLaterError

OWN_SUBMISSION_MESSAGE = (
    "You submitted this assessment, so you cannot review it: another owner or assessor accepts or returns it."
)
OWN_ANSWERS_MESSAGE = (
    "You wrote answers of this assessment, so you cannot review it: an owner or assessor who neither submitted it "
    "nor wrote its answers accepts or returns it."
)


def problem_texts(problems: dict) -> list[str]:
    messages = [f"{field}: {' '.join(found)}" for field, found in problems.items() if isinstance(found, list)]
    messages += [f"{key}: {' '.join(found)}" for key, found in problems.get("questions", {}).items()]
    return messages


class AssessmentNotDraftError(StateConflictError):
    """A submitted assessment never changes."""


class AssessmentIncompleteError(InvalidInputError):
    """Required questions (adaptive depth) or scopes still unanswered."""

    def __init__(self, unanswered: list[str], scopes: list[str]) -> None:
        parts = [f"{len(unanswered)} required question(s) unanswered: {', '.join(unanswered)}"] if unanswered else []
        parts += [f"{len(scopes)} scope question(s) unanswered: {', '.join(scopes)}"] if scopes else []
        super().__init__("; ".join(parts))
        self.unanswered, self.scopes = unanswered, scopes

    def body(self) -> dict:
        return {"detail": str(self), "unanswered": self.unanswered, "scopes": self.scopes}


class UnsupportedClaimsError(InvalidInputError):
    """Evidence is required for the assessment, and these answers claim a practice without evidence that
    holds (assessments.rules.claims)."""

    def __init__(self, claims: list[UnsupportedClaim]) -> None:
        keys = ", ".join(claim.question for claim in claims)
        super().__init__(f"evidence is required and {len(claims)} claim(s) lack evidence that holds: {keys}")
        self.claims = claims

    def body(self) -> dict:
        keys = [claim.question for claim in self.claims]
        return {"detail": str(self), "unanswered": [], "scopes": [], "unsupported_claims": keys}


class ScopeInvalidError(InvalidInputError):
    """Carries {scope key: [message]} for every bad item. `within`: the field of a larger body that held the
    scope (starting an assessment), under which the API's body names them."""

    def __init__(self, problems: dict[str, list[str]], *, within: str = "") -> None:
        super().__init__(f"{len(problems)} invalid scope answer(s)", problems=problems)
        self.within = within

    def body(self) -> dict:
        return {self.within: self.problems} if self.within else self.problems


class AnswersInvalidError(InvalidInputError):
    """Carries one entry per bad item: {"index", "question", "errors": {field: [message]}}."""

    def __init__(self, problems: list[dict]) -> None:
        super().__init__(f"{len(problems)} invalid answer(s)", problems=problems)

    def body(self) -> dict:
        return {"detail": f"{self}; nothing was saved.", "answers": self.problems}


class SubmitFailedError(TryAgainLaterError):
    """The database refused the submission; it was rolled back whole, so nothing was lost."""

    def __init__(self) -> None:
        super().__init__(
            "The submission could not be saved; nothing was lost, the assessment is still a draft. "
            "Please try again in a moment."
        )


class DraftExistsError(StateConflictError):
    """A team works on one draft at a time: the one it has is `draft`."""

    def __init__(self, draft: Assessment, message: str = "") -> None:
        super().__init__(
            message or f"{draft.team.name} already has a draft: {draft.short_title.lower()}; open it or discard it"
        )
        self.draft = draft

    def body(self) -> dict:
        return {"detail": str(self), "draft": self.draft.pk}


class InReviewExistsError(DraftExistsError):
    """A team's assessment in review must be accepted or returned before the team starts another."""

    def __init__(self, in_review: Assessment) -> None:
        super().__init__(
            in_review,
            f"{in_review.team.name} has an assessment in review: {in_review.short_title.lower()}; a reviewer "
            "accepts or returns it before another starts",
        )


class UnknownAreaError(InvalidInputError):
    """A target names a key that is not an area of the framework."""

    def __init__(self, message: str) -> None:
        super().__init__(message, problems={"area": [message]})


class LastOwnerError(InvalidInputError):
    """An organisation always keeps at least one owner."""

    def __init__(self, message: str) -> None:
        super().__init__(message, problems={"role": [message]})


class TeamNameTakenError(InvalidInputError):
    """The organisation already has a team of that name (team names are unique per organisation)."""

    def __init__(self, organization: Organization) -> None:
        super().__init__(
            f"{organization} has a team with this name already.",
            problems={"name": ["This organisation already has a team with this name."]},
        )


class SurveyClosedError(StateConflictError):
    """Respondents are added to, removed from and answer a survey-mode draft only."""


class RespondentInvalidError(InvalidInputError):
    """Carries {field: [message]}: not a member, not an address, or already a respondent."""

    def __init__(self, problems: dict[str, list[str]]) -> None:
        super().__init__(
            "; ".join(message for messages in problems.values() for message in messages), problems=problems
        )


class DeadlineInvalidError(InvalidInputError):
    """Carries {"deadline": [message]}: a survey's new deadline is not in the past."""

    def __init__(self, problems: dict[str, list[str]]) -> None:
        super().__init__(problems["deadline"][0], problems=problems)


class RespondentSubmittedError(StateConflictError):
    """A respondent's submitted answers are frozen, and they stay part of the survey."""


class NothingAnsweredError(InvalidInputError):
    """A respondent submits once they have answered something."""


class EvidenceInvalidError(InvalidInputError):
    """Carries {field: [message]} for every bad field; nothing was saved."""

    def __init__(self, problems: dict[str, list[str]]) -> None:
        super().__init__(
            "; ".join(f"{name}: {' '.join(messages)}" for name, messages in problems.items()), problems=problems
        )


class NotInReviewError(StateConflictError):
    """Only an assessment in review can be accepted or returned (a draft, or one decided already)."""


class OwnSubmissionError(NotPermittedError):
    """The person who submitted an assessment never reviews it: a second pair of eyes."""

    def __init__(self, message: str = OWN_SUBMISSION_MESSAGE) -> None:
        super().__init__(message)


class OwnAnswersError(OwnSubmissionError):
    """Nor does anyone who wrote answers of it (answered_by: in a survey, the facilitator who recorded the agreed
    answers): the second pair of eyes is a second person."""

    def __init__(self) -> None:
        super().__init__(OWN_ANSWERS_MESSAGE)


class ReviewInvalidError(InvalidInputError):
    """Carries {"comment": [message]} and/or {"questions": {question key: [message]}}."""

    def __init__(self, problems: dict) -> None:
        super().__init__("; ".join(problem_texts(problems)), problems=problems)
