"""The summary before submitting: the ML systems it covers, the scope questions, progress and the provisional
level per area, what is still required (adaptive depth), and the way to the review, where it is submitted."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from assessments.builders.questionnaire import nav_items
from assessments.errors import AssessmentNotDraftError, ScopeInvalidError
from assessments.forms import SystemsCoveredForm
from assessments.models import Assessment
from assessments.permissions import can_facilitate, can_write_answers
from assessments.selectors.answers import assessment_answer_rows, assessment_scope, overall_progress, provisional
from assessments.selectors.reviews import returned_comments
from assessments.services.assessments import assessment_scope_set, assessment_systems_covered_set
from assessments.tenancy import shared_answers_assessment_or_404, shared_answers_writer_assessment_or_404
from maturity.selectors import framework_content


@login_required
@require_GET
def assessment_summary(request: HttpRequest, assessment_id: int) -> HttpResponse:
    return _render_summary(request, shared_answers_assessment_or_404(user=request.user, assessment_id=assessment_id))


@dataclass(frozen=True)
class ScopeItem:
    key: str
    question: str
    description: str
    answer: bool | None


@login_required
@require_POST
def assessment_scope_save(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """The scope questions of the summary, answered yes or no; those left blank stay unanswered."""
    assessment = shared_answers_writer_assessment_or_404(user=request.user, assessment_id=assessment_id)
    answers = {key: value == "yes" for key, value in request.POST.items() if value in ("yes", "no")}
    try:
        assessment_scope_set(assessment=assessment, answers=answers)
    except ScopeInvalidError as error:
        messages_text = "; ".join(f"{key}: {' '.join(problems)}" for key, problems in error.problems.items())
        return _render_summary(request, assessment, error=f"Scope not saved: {messages_text}", status=400)
    except AssessmentNotDraftError as error:
        return _render_summary(request, assessment, error=str(error), status=409)
    messages.success(request, "Scope saved.")
    return redirect("assessment_summary", assessment_id=assessment.pk)


@login_required
@require_POST
def assessment_systems_save(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """The ML systems the draft covers, as written on the summary page."""
    assessment = shared_answers_writer_assessment_or_404(user=request.user, assessment_id=assessment_id)
    form = SystemsCoveredForm(request.POST)
    if not form.is_valid():
        return _render_summary(request, assessment, systems_form=form, status=400)
    try:
        assessment_systems_covered_set(assessment=assessment, systems_covered=form.cleaned_data["systems_covered"])
    except AssessmentNotDraftError as error:
        return _render_summary(request, assessment, error=str(error), status=409)
    messages.success(request, "Systems covered saved.")
    return redirect("assessment_summary", assessment_id=assessment.pk)


def _render_summary(
    request: HttpRequest,
    assessment: Assessment,
    error: str = "",
    status: int = 200,
    systems_form: SystemsCoveredForm | None = None,
) -> HttpResponse:
    rows = assessment_answer_rows(assessment=assessment)
    now = provisional(assessment=assessment, rows=rows)
    required = now.required
    content = framework_content(framework=assessment.framework)
    answers = assessment_scope(assessment=assessment)
    open_scopes = [key for key, answer in answers.items() if answer is None]
    unanswered = [row for row in rows if row.value is None and row.question.area.key not in now.out_of_scope]
    context = {
        "assessment": assessment,
        "team": assessment.team,
        "organization": assessment.team.organization,
        "nav": nav_items(content.areas, rows, now),
        "overall": overall_progress(rows=rows, now=now),
        "unanswered": unanswered,
        "required": [row for row in unanswered if row.question.key in required],
        "optional": [row for row in unanswered if row.question.key not in required],
        "scopes": [ScopeItem(s.key, s.question, s.description, answers[s.key]) for s in content.scopes],
        "open_scopes": open_scopes,
        "ready": not open_scopes and not required,
        "can_submit": assessment.is_draft and can_write_answers(assessment.role, assessment.mode),
        "can_require_evidence": assessment.is_draft and can_facilitate(assessment.role),
        "systems_form": systems_form or SystemsCoveredForm(initial={"systems_covered": assessment.systems_covered}),
        "returned": returned_comments(assessment=assessment),
        "error": error,
    }
    return render(request, "assessments/summary.html", context, status=status)
