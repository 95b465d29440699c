"""Discarding a draft (owners and assessors), after a confirmation page: it deletes the draft with every
answer, so the team can start afresh. A submitted assessment is history and cannot be discarded."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from assessments.errors import AssessmentNotDraftError
from assessments.models import Assessment
from assessments.services.assessments import assessment_discard
from assessments.tenancy import assessment_or_404, require_discard


@login_required
@require_http_methods(["GET", "POST"])
def assessment_discard_view(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
    require_discard(assessment.role)
    if request.method == "GET" or not assessment.is_draft:
        return _render_confirmation(request, assessment)
    title = assessment.title
    try:
        assessment_discard(assessment=assessment)
    except AssessmentNotDraftError:  # submitted (or in review) since the page was read
        assessment.refresh_from_db(fields=["status"])
        return _render_confirmation(request, assessment)
    messages.success(request, f"Discarded {title} and its answers.")
    return redirect("team_detail", team_id=assessment.team_id)


def _render_confirmation(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    context = {
        "assessment": assessment,
        "team": assessment.team,
        "organization": assessment.team.organization,
        "current": "Discard",
    }
    status = 409 if request.method == "POST" else 200
    return render(request, "assessments/discard.html", context, status=status)
