"""A team's page: its assessments, starting a new one (or opening its draft), and its target level per area."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from assessments.errors import DraftExistsError, InReviewExistsError
from assessments.forms import AssessmentStartForm, TargetsForm, TeamForm
from assessments.models import Assessment, Team
from assessments.permissions import (
    assessment_kind_for,
    can_answer,
    can_discard,
    can_manage,
)
from assessments.selectors.access import assessments_for_user
from assessments.selectors.answers import Progress
from assessments.selectors.targets import framework_areas, team_current_targets, team_framework
from assessments.services.assessments import assessment_start
from assessments.services.targets import targets_set
from assessments.tenancy import require_answer, team_or_404
from maturity.models import Framework
from maturity.selectors import framework_content, framework_for_new_assessment, framework_levels


@dataclass(frozen=True)
class AssessmentItem:
    assessment: Assessment
    progress: Progress


@login_required
@require_GET
def team_detail(request: HttpRequest, team_id: int) -> HttpResponse:
    return render_team(request, team_or_404(user=request.user, team_id=team_id))


@login_required
@require_POST
def assessment_new(request: HttpRequest, team_id: int) -> HttpResponse:
    team = team_or_404(user=request.user, team_id=team_id)
    require_answer(team.role)
    framework = framework_for_new_assessment()
    form = AssessmentStartForm(
        request.POST,
        role=team.role,
        organization_requires_review=team.organization.review_required,
        scopes=framework_content(framework=framework).scopes if framework else (),
    )
    if form.is_valid() and framework is not None:
        try:
            assessment = assessment_start(
                team=team,
                user=request.user,
                framework=framework,
                kind=assessment_kind_for(team.role),
                carry_forward=form.carry_forward,
                systems_covered=form.cleaned_data["systems_covered"],
                scope=form.scope,
                **form.survey_options,
                evidence_required=form.wants_evidence_required,
                review_required=form.requires_review,
            )
        except InReviewExistsError as error:
            messages.info(request, f"{error}.")
            return redirect("assessment_detail", assessment_id=error.draft.pk)
        except DraftExistsError as error:
            messages.info(request, f"{team.name} has a draft already: here it is. Discard it to start afresh.")
            return redirect("assessment_detail", assessment_id=error.draft.pk)
        if assessment.mode == Assessment.Mode.SURVEY:
            return redirect("survey_respondents", assessment_id=assessment.pk)
        return redirect("assessment_detail", assessment_id=assessment.pk)
    if framework is None:
        form.add_error(None, "The maturity framework is not loaded yet; ask an administrator.")
    # An option offered only to other roles: a page from before a change of role, or a crafted post.
    refused = form.has_error(NON_FIELD_ERRORS, code="permission_denied")
    return render_team(request, team, start_form=form, status=403 if refused else 200)


@login_required
@require_POST
def targets_save(request: HttpRequest, team_id: int) -> HttpResponse:
    team = team_or_404(user=request.user, team_id=team_id)
    require_answer(team.role)
    framework = team_framework(team=team)
    form = _targets_form(team, framework, data=request.POST)
    if form is None or not form.is_valid():
        return render_team(request, team, targets_form=form)
    changed = form.changed_targets()
    if changed:
        targets_set(team=team, framework=framework, levels=changed, user=request.user)
    messages.success(request, f"Saved {len(changed)} changed target(s)." if changed else "No target changed.")
    return redirect("team_detail", team_id=team.pk)


def render_team(
    request: HttpRequest,
    team: Team,
    *,
    start_form: AssessmentStartForm | None = None,
    targets_form: TargetsForm | None = None,
    rename_form: TeamForm | None = None,
    status: int = 200,
) -> HttpResponse:
    items = [
        AssessmentItem(
            assessment,
            Progress(answered=assessment.answered or 0, total=assessment.question_count or 0),
        )
        for assessment in assessments_for_user(user=request.user, team_id=team.pk)
    ]
    framework = team_framework(team=team)
    submitted = [item.assessment for item in items if item.assessment.status == Assessment.Status.SUBMITTED]
    draft = next((item.assessment for item in items if item.assessment.is_draft), None)
    in_review = next((item.assessment for item in items if item.assessment.status == Assessment.Status.IN_REVIEW), None)
    can_start = can_answer(team.role) and draft is None and in_review is None
    context = {
        "team": team,
        "organization": team.organization,
        "items": items,
        "can_answer": can_answer(team.role),
        "can_manage": can_manage(team.role),
        "can_discard": can_discard(team.role),
        "draft": draft,
        "in_review": in_review,
        # Offered only when the team may start one (its framework is then read: one query).
        "start_form": start_form or (_start_form(team, submitted) if can_start else None),
        "targets_form": targets_form or _targets_form(team, framework),
        "targets_framework": framework,
        "rename_form": rename_form or TeamForm(prefix="rename", initial={"name": team.name}),
    }
    return render(request, "assessments/team_detail.html", context, status=status)


def _start_form(team: Team, submitted: list[Assessment]) -> AssessmentStartForm:
    """The scope questions of the framework a new assessment starts on, answered as the team's last submitted
    assessment on it answered them (newest first in `submitted`)."""
    framework = framework_for_new_assessment()
    last = next(
        (assessment for assessment in submitted if framework and assessment.framework.slug == framework.slug), None
    )
    return AssessmentStartForm(
        role=team.role,
        organization_requires_review=team.organization.review_required,
        can_carry_forward=bool(submitted),
        scopes=framework_content(framework=framework).scopes if framework else (),
        scope=last.scope if last else None,
    )


def _targets_form(team: Team, framework: Framework | None, data: dict | None = None) -> TargetsForm | None:
    """Targets are set against the areas of the framework the team works on, in its newest version."""
    if framework is None:
        return None
    return TargetsForm(
        data,
        areas=framework_areas(framework_id=framework.pk),
        levels=framework_levels(framework_id=framework.pk),
        current=team_current_targets(team=team, framework_slug=framework.slug),
    )
