"""The domain errors of assessments' services: what went wrong, in words a person can act on. The API maps them to
statuses in one place."""

from assessments.models import Assessment, Organization
from assessments.rules.claims import UnsupportedClaim

OWN_ANSWERS_MESSAGE = (
    "You wrote answers of this assessment, so you cannot review it: an owner or assessor who neither submitted it "
    "nor wrote its answers accepts or returns it."
)


def problem_texts(problems: dict) -> list[str]:
    messages = [f"{field}: {' '.join(found)}" for field, found in problems.items() if isinstance(found, list)]
    messages += [f"{key}: {' '.join(found)}" for key, found in problems.get("questions", {}).items()]
    return messages


class AssessmentNotDraftError(Exception):
    """A submitted assessment never changes."""


class AssessmentIncompleteError(Exception):
    """Required questions (adaptive depth) or scopes still unanswered."""

    def __init__(self, unanswered: list[str], scopes: list[str]) -> None:
        self.unanswered, self.scopes = unanswered, scopes
        parts = [f"{len(unanswered)} required question(s) unanswered: {', '.join(unanswered)}"] if unanswered else []
        parts += [f"{len(scopes)} scope question(s) unanswered: {', '.join(scopes)}"] if scopes else []
        super().__init__("; ".join(parts))


class UnsupportedClaimsError(Exception):
    """Evidence is required for the assessment, and these answers claim a practice without evidence that
    holds (assessments.rules.claims)."""

    def __init__(self, claims: list[UnsupportedClaim]) -> None:
        self.claims = claims
        keys = ", ".join(claim.question for claim in claims)
        super().__init__(f"evidence is required and {len(claims)} claim(s) lack evidence that holds: {keys}")


class ScopeInvalidError(Exception):
    """Carries {scope key: [message]} for every bad item."""

    def __init__(self, problems: dict[str, list[str]]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} invalid scope answer(s)")


class AnswersInvalidError(Exception):
    """Carries one entry per bad item: {"index", "question", "errors": {field: [message]}}."""

    def __init__(self, problems: list[dict]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} invalid answer(s)")


class SubmitFailedError(Exception):
    """The database refused the submission; it was rolled back whole, so nothing was lost."""

    def __init__(self) -> None:
        super().__init__(
            "The submission could not be saved; nothing was lost, the assessment is still a draft. "
            "Please try again in a moment."
        )


class DraftExistsError(Exception):
    """A team works on one draft at a time: the one it has is `draft`."""

    def __init__(self, draft: Assessment) -> None:
        self.draft = draft
        super().__init__(f"{draft.team.name} already has a draft: {draft.short_title.lower()}; open it or discard it")


class InReviewExistsError(DraftExistsError):
    """A team's assessment in review must be accepted or returned before the team starts another."""

    def __init__(self, in_review: Assessment) -> None:
        self.draft = in_review
        Exception.__init__(
            self,
            f"{in_review.team.name} has an assessment in review: {in_review.short_title.lower()}; a reviewer "
            "accepts or returns it before another starts",
        )


class UnknownAreaError(Exception):
    pass


class LastOwnerError(Exception):
    """An organisation always keeps at least one owner."""


class TeamNameTakenError(Exception):
    """The organisation already has a team of that name (team names are unique per organisation)."""

    def __init__(self, organization: Organization) -> None:
        super().__init__(f"{organization} has a team with this name already.")


class SurveyClosedError(Exception):
    """Respondents are added to, removed from and answer a survey-mode draft only."""


class RespondentInvalidError(Exception):
    """Carries {field: [message]}: not a member, not an address, or already a respondent."""

    def __init__(self, problems: dict[str, list[str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(message for messages in problems.values() for message in messages))


class RespondentSubmittedError(Exception):
    """A respondent's submitted answers are frozen, and they stay part of the survey."""


class NothingAnsweredError(Exception):
    """A respondent submits once they have answered something."""


class EvidenceInvalidError(Exception):
    """Carries {field: [message]} for every bad field; nothing was saved."""

    def __init__(self, problems: dict[str, list[str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{name}: {' '.join(messages)}" for name, messages in problems.items()))


class NotInReviewError(Exception):
    """Only an assessment in review can be accepted or returned (a draft, or one decided already)."""


class OwnSubmissionError(Exception):
    """The person who submitted an assessment never reviews it: a second pair of eyes."""

    def __init__(self) -> None:
        super().__init__(
            "You submitted this assessment, so you cannot review it: another owner or assessor accepts or returns it."
        )


class OwnAnswersError(OwnSubmissionError):
    """Nor does anyone who wrote answers of it (answered_by: in a survey, the facilitator who recorded the agreed
    answers): the second pair of eyes is a second person."""

    def __init__(self) -> None:
        Exception.__init__(self, OWN_ANSWERS_MESSAGE)


class ReviewInvalidError(Exception):
    """Carries {"comment": [message]} and/or {"questions": {question key: [message]}}."""

    def __init__(self, problems: dict) -> None:
        self.problems = problems
        super().__init__("; ".join(problem_texts(problems)))
