"""The signed-in user's organisations, teams and assessments, for pages and the API of every app: outside
their organisations everything is 404, and a role without the right is 403 (design section 4). The rules
themselves are the selectors' (`*_for_user`), expressed once through the ORM."""

from django.contrib.auth.models import AbstractBaseUser

from assessments import selectors
from assessments.models import Assessment, Organization, Team
from assessments.permissions import (
    can_answer,
    can_discard,
    can_facilitate,
    can_manage,
    can_write_answers,
)
from core.lookups import found_or_404, require


def organization_or_404(*, user: AbstractBaseUser, organization_id: int) -> Organization:
    found = selectors.organization_for_user(user=user, organization_id=organization_id)
    return found_or_404(found, "No such organisation.")


def team_or_404(*, user: AbstractBaseUser, team_id: int) -> Team:
    return found_or_404(selectors.team_for_user(user=user, team_id=team_id), "No such team.")


def assessment_or_404(*, user: AbstractBaseUser, assessment_id: int) -> Assessment:
    found = selectors.assessment_for_user(user=user, assessment_id=assessment_id)
    return found_or_404(found, "No such assessment.")


def require_manage(role: str | None) -> None:
    require(can_manage(role), "Only owners manage members and teams.")


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
