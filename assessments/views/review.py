"""The review before submitting: every answer by area with its comment, the provisional result, what is still
required, and the confirmation that submitting cannot be undone. Submitting posts from here."""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.views.decorators.http import require_GET, require_POST

from assessments.builders.review import review_areas, shown_score, unknown_total
from assessments.errors import (
    AssessmentIncompleteError,
    AssessmentNotDraftError,
    SubmitFailedError,
    UnsupportedClaimsError,
)
from assessments.forms import SubmitConfirmForm
from assessments.models import Assessment
from assessments.permissions import can_write_answers
from assessments.selectors.answers import assessment_answer_rows, assessment_scope, provisional
from assessments.selectors.evidence import evidence_dates
from assessments.selectors.reviews import returned_comments
from assessments.services.assessments import assessment_submit, not_draft_message
from assessments.tenancy import shared_answers_assessment_or_404, shared_answers_writer_assessment_or_404
from assessments.views.evidence import claim_items
from maturity.selectors import framework_content


@dataclass(frozen=True)
class Problem:
    """Why a submission was refused, and the id of the element on the page where it is put right ("" none)."""

    message: str
    target: str = ""


@login_required
@require_GET
def assessment_review(request: HttpRequest, assessment_id: int) -> HttpResponse:
    return _render_review(request, shared_answers_assessment_or_404(user=request.user, assessment_id=assessment_id))


@login_required
@require_POST
def assessment_submit_view(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """Refused, the page comes back with why at its top, focused: the form is at the foot of a long page."""
    assessment = shared_answers_writer_assessment_or_404(user=request.user, assessment_id=assessment_id)
    if not assessment.is_draft:
        return _render_review(request, assessment, problems=[Problem(not_draft_message(assessment))], status=409)
    form = SubmitConfirmForm(request.POST)
    problems, status = _submit(request, assessment, form)
    if problems:
        return _render_review(request, assessment, form=form, problems=problems, status=status)
    messages.success(request, f"Submitted {assessment.title}.")
    return redirect("assessment_summary", assessment_id=assessment.pk)  # whose banner links to the report


def _submit(request: HttpRequest, assessment: Assessment, form: SubmitConfirmForm) -> tuple[list[Problem], int]:
    """Submitted when confirmed and complete: no problem. Otherwise why not, and the status to answer."""
    if not form.is_valid():
        return _form_problems(form), 400
    try:
        assessment_submit(assessment=assessment, user=request.user)
    except AssessmentIncompleteError as error:
        return _incomplete(error), 400
    except UnsupportedClaimsError as error:
        return [_claims_problem(error)], 400
    except SubmitFailedError as error:
        return [Problem(str(error))], 503
    except AssessmentNotDraftError as error:
        return [Problem(str(error))], 409
    return [], 302


def _form_problems(form: forms.Form) -> list[Problem]:
    return [Problem(message, form[name].id_for_label) for name, found in form.errors.items() for message in found]


def _incomplete(error: AssessmentIncompleteError) -> list[Problem]:
    problems = []
    if count := len(error.unanswered):
        problems.append(Problem(f"{count} required question{pluralize(count)} still unanswered.", "required-heading"))
    if count := len(error.scopes):
        problems.append(Problem(f"{count} scope question{pluralize(count)} still unanswered.", "open-scopes"))
    return problems


def _claims_problem(error: UnsupportedClaimsError) -> Problem:
    count = len(error.claims)
    message = f"{count} claim{pluralize(count)} still need{pluralize(count, 's,')} evidence that holds."
    return Problem(message, "claims-heading")


def _render_review(
    request: HttpRequest,
    assessment: Assessment,
    *,
    form: SubmitConfirmForm | None = None,
    problems: list[Problem] | None = None,
    status: int = 200,
) -> HttpResponse:
    rows = assessment_answer_rows(assessment=assessment)
    now = provisional(assessment=assessment, rows=rows)
    dates = evidence_dates(assessment_id=assessment.pk)
    areas = review_areas(
        framework_content(framework=assessment.framework).areas,
        rows,
        now,
        evidence={key: len(found) for key, found in dates.items()},
    )
    claims = claim_items(assessment, rows, dates)
    claims_block = assessment.evidence_required and bool(claims)
    names = {item.area.key: item.area.name for item in areas}
    open_scopes = [key for key, answer in assessment_scope(assessment=assessment).items() if answer is None]
    context = {
        "assessment": assessment,
        "team": assessment.team,
        "organization": assessment.team.organization,
        "areas": areas,
        "now": now,
        "overall_score": shown_score(now.overall_score),
        "limited_by": [names[key] for key in now.limited_by],
        "unknown_total": unknown_total(areas),
        "required": [row for row in rows if row.question.key in now.required],
        "open_scopes": open_scopes,
        "ready": not open_scopes and not now.required and not claims_block,
        "claims": claims,
        "claims_block": claims_block,
        "can_submit": assessment.is_draft and can_write_answers(assessment.role, assessment.mode),
        "form": form or SubmitConfirmForm(),
        "returned": returned_comments(assessment=assessment),
        "problems": problems or [],
    }
    return render(request, "assessments/review.html", context, status=status)
