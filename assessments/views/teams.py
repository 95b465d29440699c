"""A team's page: its assessments, starting a new one, and its target level per area."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from assessments.forms import AssessmentStartForm, TargetsForm
from assessments.models import Assessment, Team
from assessments.permissions import assessment_kind_for, can_answer
from assessments.selectors import Progress, assessments_for_user, framework_areas, team_current_targets
from assessments.services import FrameworkNotFoundError, assessment_start, target_set
from assessments.views.scope import require_answer, team_or_404
from maturity.selectors import DEFAULT_FRAMEWORK_SLUG, framework_get, framework_levels


@dataclass(frozen=True)
class AssessmentItem:
    assessment: Assessment
    progress: Progress


@login_required
@require_GET
def team_detail(request: HttpRequest, team_id: int) -> HttpResponse:
    return _render_team(request, team_or_404(request, team_id))


@login_required
@require_POST
def assessment_new(request: HttpRequest, team_id: int) -> HttpResponse:
    team = team_or_404(request, team_id)
    require_answer(team.role)
    form = AssessmentStartForm(request.POST)
    if form.is_valid():
        try:
            assessment = assessment_start(
                team=team,
                user=request.user,
                kind=assessment_kind_for(team.role),
                carry_forward=form.carry_forward,
            )
        except FrameworkNotFoundError:
            form.add_error(None, "The maturity framework is not loaded yet; ask an administrator.")
        else:
            return redirect("assessment_detail", assessment_id=assessment.pk)
    return _render_team(request, team, start_form=form)


@login_required
@require_POST
def targets_save(request: HttpRequest, team_id: int) -> HttpResponse:
    team = team_or_404(request, team_id)
    require_answer(team.role)
    form = _targets_form(team, data=request.POST)
    if form is None or not form.is_valid():
        return _render_team(request, team, targets_form=form)
    changed = form.changed_targets()
    for area_key, level in changed.items():
        target_set(team=team, area_key=area_key, level=level, user=request.user)
    messages.success(request, f"Saved {len(changed)} changed target(s)." if changed else "No target changed.")
    return redirect("team_detail", team_id=team.pk)


def _render_team(
    request: HttpRequest,
    team: Team,
    start_form: AssessmentStartForm | None = None,
    targets_form: TargetsForm | None = None,
) -> HttpResponse:
    items = [
        AssessmentItem(assessment, Progress(answered=assessment.answered or 0, total=assessment.question_count or 0))
        for assessment in assessments_for_user(user=request.user, team_id=team.pk)
    ]
    has_submitted = any(item.assessment.status == Assessment.Status.SUBMITTED for item in items)
    context = {
        "team": team,
        "organization": team.organization,
        "items": items,
        "can_answer": can_answer(team.role),
        "start_form": start_form or AssessmentStartForm(can_carry_forward=has_submitted),
        "targets_form": targets_form or _targets_form(team),
    }
    return render(request, "assessments/team_detail.html", context)


def _targets_form(team: Team, data: dict | None = None) -> TargetsForm | None:
    """Targets are set against the areas of the newest version of the default framework."""
    framework = framework_get(slug=DEFAULT_FRAMEWORK_SLUG)
    if framework is None:
        return None
    return TargetsForm(
        data,
        areas=framework_areas(framework_id=framework.pk),
        levels=framework_levels(framework_id=framework.pk),
        current=team_current_targets(team=team),
    )
