"""Looking objects up for the signed-in user: outside their organisations everything is 404, and a role
without the right answers 403 (design section 4)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from assessments.models import Assessment, Organization, Team
from assessments.permissions import can_answer, can_manage
from assessments.selectors import assessment_for_user, organization_for_user, team_for_user


def organization_or_404(request: HttpRequest, organization_id: int) -> Organization:
    organization = organization_for_user(user=request.user, organization_id=organization_id)
    if organization is None:
        raise Http404("No such organisation.")
    return organization


def team_or_404(request: HttpRequest, team_id: int) -> Team:
    team = team_for_user(user=request.user, team_id=team_id)
    if team is None:
        raise Http404("No such team.")
    return team


def assessment_or_404(request: HttpRequest, assessment_id: int) -> Assessment:
    assessment = assessment_for_user(user=request.user, assessment_id=assessment_id)
    if assessment is None:
        raise Http404("No such assessment.")
    return assessment


def require_manage(role: str | None) -> None:
    if not can_manage(role):
        raise PermissionDenied("Only owners manage members and teams.")


def require_answer(role: str | None) -> None:
    if not can_answer(role):
        raise PermissionDenied("Your role can read but not change this.")


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"
