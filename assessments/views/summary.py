"""The summary before submitting: progress per area, what is still unanswered, and the Submit button."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from assessments.links import links_for
from assessments.models import Assessment
from assessments.permissions import can_answer
from assessments.selectors import (
    Progress,
    assessment_answer_rows,
    overall_progress,
    progress_by_area,
)
from assessments.services import (
    AssessmentIncompleteError,
    AssessmentNotDraftError,
    SubmitFailedError,
    assessment_submit,
)
from assessments.tenancy import assessment_or_404, require_answer
from assessments.views.questionnaire import AreaNavItem
from maturity.selectors import framework_content


@login_required
@require_GET
def assessment_summary(request: HttpRequest, assessment_id: int) -> HttpResponse:
    return _render_summary(request, assessment_or_404(user=request.user, assessment_id=assessment_id))


@login_required
@require_POST
def assessment_submit_view(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
    require_answer(assessment.role)
    try:
        submission = assessment_submit(assessment=assessment, user=request.user)
    except AssessmentIncompleteError as error:
        return _render_summary(request, assessment, error=f"Not submitted: {error}.")
    except SubmitFailedError as error:
        return _render_summary(request, assessment, error=str(error), status=503)
    except AssessmentNotDraftError:
        return _render_summary(request, assessment, error="This assessment is submitted already.", status=409)
    messages.success(request, f"Submitted {assessment.get_kind_display().lower()} #{assessment.pk}.")
    if submission.followups:  # the report, which the reports app started
        return redirect(submission.followups[0].page_path)
    return redirect("assessment_summary", assessment_id=assessment.pk)


def _render_summary(request: HttpRequest, assessment: Assessment, error: str = "", status: int = 200) -> HttpResponse:
    rows = assessment_answer_rows(assessment=assessment)
    progress = progress_by_area(rows=rows)
    overall = overall_progress(rows=rows)
    context = {
        "assessment": assessment,
        "team": assessment.team,
        "organization": assessment.team.organization,
        "nav": [
            AreaNavItem(area, progress.get(area.key, Progress(0, 0)))
            for area in framework_content(framework=assessment.framework).areas
        ],
        "overall": overall,
        "unanswered": [row for row in rows if row.value is None],
        "can_submit": assessment.is_draft and can_answer(assessment.role),
        "links": links_for(assessment),
        "error": error,
    }
    return render(request, "assessments/summary.html", context, status=status)
