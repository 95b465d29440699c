"""What each role may do in an organisation (design section 4). Pure functions of the role.

Not being a member at all is handled by the selectors, which simply find nothing (404).
"""

from assessments.models import Assessment, Role

ANSWERING_ROLES = frozenset({Role.OWNER, Role.ASSESSOR, Role.MEMBER})
DISCARDING_ROLES = frozenset({Role.OWNER, Role.ASSESSOR})


def can_manage(role: str | None) -> bool:
    """Members, roles and teams."""
    return role == Role.OWNER


def can_answer(role: str | None) -> bool:
    """Start, answer and submit assessments, and set the team's targets."""
    return role in ANSWERING_ROLES


def can_discard(role: str | None) -> bool:
    """Throw away a draft with everyone's answers: the people who run assessments, not each member."""
    return role in DISCARDING_ROLES


def can_facilitate(role: str | None) -> bool:
    """Run an assessment as its facilitator: choose survey mode, add and remove respondents, see every answer
    and record the agreed ones; make evidence required."""
    return role in DISCARDING_ROLES


def can_write_answers(role: str | None, mode: str) -> bool:
    """The shared answers, scope and submission: in survey mode they are the facilitator's (the agreed
    answers); each respondent answers on their own page."""
    return can_answer(role) and (mode != Assessment.Mode.SURVEY or can_facilitate(role))


def can_remove_evidence(role: str | None, *, added_it: bool) -> bool:
    """Beyond writing the answers (can_write_answers): a member removes the evidence they added, never what an
    owner, an assessor or another member showed; owners and assessors remove any."""
    return added_it or can_facilitate(role)


def can_review(role: str | None) -> bool:
    """Accept or return an assessment in review, and require review when starting one: owners and assessors
    (never on their own submission: assessments.services.reviews checks that)."""
    return role in DISCARDING_ROLES


def start_options_refusal(
    role: str | None,
    *,
    mode: str = Assessment.Mode.WORKSHOP,
    evidence_required: bool = False,
    review_required: bool = False,
) -> str:
    """Why `role` may not start an assessment with these options, "" when it may: survey mode and required
    evidence are a facilitator's choices (can_facilitate), requiring review a reviewer's (can_review)."""
    if mode == Assessment.Mode.SURVEY and not can_facilitate(role):
        return "Only owners and assessors run a survey: its respondents and its consensus."
    if review_required and not can_review(role):
        return "Only owners and assessors require review of one assessment."
    if evidence_required and not can_facilitate(role):
        return "Only owners and assessors make evidence required."
    return ""


def assessment_kind_for(role: str) -> str:
    """An assessor (consultant) runs audits; everyone else assesses themselves."""
    return Assessment.Kind.AUDIT if role == Role.ASSESSOR else Assessment.Kind.SELF
