"""Who may do what with evidence (pure functions of the role, like assessments.permissions)."""

from assessments.permissions import DISCARDING_ROLES, can_answer


def can_add_evidence(role: str | None) -> bool:
    """Add and remove evidence: the roles that answer (owner, assessor, member)."""
    return can_answer(role)


def can_require_evidence(role: str | None) -> bool:
    """Make evidence required for an assessment: its facilitators (owners and assessors)."""
    return role in DISCARDING_ROLES
