"""Evidence beside each question of the questionnaire: adding a link or a file (htmx swaps the question's
evidence block; without JavaScript the form posts and returns to the question), removing it, downloading a
file (members of the organisation only, as an attachment, never from a public URL), and the facilitator's
switch that makes evidence required before submitting."""

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from assessments.errors import AssessmentNotDraftError, EvidenceInvalidError
from assessments.forms.evidence import EvidenceForm, EvidenceRequiredForm
from assessments.models import Assessment, Evidence
from assessments.permissions import can_facilitate, can_remove_evidence, can_write_answers
from assessments.rules.claims import UnsupportedClaim
from assessments.selectors.answers import AnswerRow, assessment_answer_rows
from assessments.selectors.evidence import (
    assessment_evidence,
    assessment_unsupported_claims,
    evidence_for_user,
    mark_expired,
)
from assessments.services.evidence import (
    assessment_evidence_required_set,
    evidence_file_add,
    evidence_link_add,
    evidence_remove,
    upload_body_limit,
)
from assessments.tenancy import assessment_or_404, require_shared_answers
from assessments.views.questionnaire import render_area
from core.http import is_htmx
from core.lookups import found_or_404, require
from core.middleware import allows_body_up_to
from maturity.selectors import FrameworkQuestion, framework_content

NOT_DRAFT_MESSAGE = "This assessment is not a draft: its evidence can no longer change."
NOT_AUTHOR_MESSAGE = "Only whoever added this evidence, an assessor or an owner removes it."
ROLE_MESSAGE = (
    "Your role cannot change this: viewers read, and in a survey only the facilitator (an owner or assessor) "
    "changes the agreed answers and their evidence."
)


@allows_body_up_to(upload_body_limit)
@login_required
@require_POST
def evidence_add(request: HttpRequest, assessment_id: int, question_key: str) -> HttpResponse:
    assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
    require(can_write_answers(assessment.role, assessment.mode), ROLE_MESSAGE)
    require_shared_answers(assessment, user=request.user)
    question = _question_or_404(assessment, question_key)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        return _refused(request, assessment, question, form, _form_errors(form))
    try:
        _add(request, assessment, question_key, form.cleaned_data)
    except EvidenceInvalidError as error:
        errors = [f"Not added: {message}" for messages_ in error.problems.values() for message in messages_]
        return _refused(request, assessment, question, form, errors)
    except AssessmentNotDraftError:
        return _refused(request, assessment, question, form, [NOT_DRAFT_MESSAGE], status=409)
    return _back_to_question(request, assessment, question)


def _form_errors(form: EvidenceForm) -> list[str]:
    return [f"Not added: {message}" for messages_ in form.errors.values() for message in messages_]


def _add(request: HttpRequest, assessment: Assessment, question_key: str, data: dict) -> Evidence:
    common = {
        "assessment": assessment,
        "user": request.user,
        "question": question_key,
        "description": data["description"],
        "valid_until": data["valid_until"],
    }
    if data.get("file"):
        return evidence_file_add(upload=data["file"], **common)
    return evidence_link_add(url=data["url"], **common)


@login_required
@require_POST
def evidence_remove_view(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = found_or_404(evidence_for_user(user=request.user, evidence_id=evidence_id), "No such evidence.")
    assessment = evidence.assessment
    require(can_write_answers(assessment.role, assessment.mode), ROLE_MESSAGE)
    added_it = evidence.added_by_id == request.user.pk
    require(can_remove_evidence(assessment.role, added_it=added_it), NOT_AUTHOR_MESSAGE)
    try:
        evidence_remove(evidence=evidence)
    except AssessmentNotDraftError:
        return _refused(request, assessment, evidence.question, EvidenceForm(), [NOT_DRAFT_MESSAGE], status=409)
    return _back_to_question(request, assessment, evidence.question)


@login_required
@require_GET
def evidence_download(request: HttpRequest, evidence_id: int) -> FileResponse:
    evidence = found_or_404(evidence_for_user(user=request.user, evidence_id=evidence_id), "No such evidence.")
    require_shared_answers(evidence.assessment, user=request.user)
    return evidence_file_response(evidence)


def evidence_file_response(evidence: Evidence) -> FileResponse:
    """The file as an attachment, with the type sniffed on upload, through the storage API (local or S3)."""
    if not evidence.is_file:
        raise Http404("This evidence is a link, not a file.")
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file of this evidence is missing from storage.") from None
    content_type = evidence.content_type
    if content_type.startswith("text/"):  # checked to be UTF-8 on upload
        content_type += "; charset=utf-8"
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.file_name or "evidence", content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def evidence_required_save(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """The facilitator's switch on the summary page."""
    assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
    require(can_facilitate(assessment.role), "Only owners and assessors decide whether evidence is required.")
    form = EvidenceRequiredForm(request.POST)
    form.is_valid()
    required = form.cleaned_data.get("evidence_required", False)
    try:
        assessment_evidence_required_set(assessment=assessment, required=required)
    except AssessmentNotDraftError:
        messages.error(request, NOT_DRAFT_MESSAGE)
        return redirect("assessment_summary", assessment_id=assessment.pk)
    messages.success(request, "Evidence is now required before submitting." if required else "Evidence is optional.")
    return redirect("assessment_summary", assessment_id=assessment.pk)


def _question_or_404(assessment: Assessment, question_key: str) -> FrameworkQuestion:
    for question in framework_content(framework=assessment.framework).questions:
        if question.key == question_key:
            return question
    raise Http404("No such question in this assessment.")


def _block_context(assessment: Assessment, question: FrameworkQuestion, form: EvidenceForm, errors: list[str]) -> dict:
    evidence = mark_expired(list(assessment_evidence(assessment=assessment, question_key=question.key)))
    return {
        "assessment": assessment,
        "question": question,
        "evidence": evidence,
        "editable": assessment.is_draft and can_write_answers(assessment.role, assessment.mode),
        "removes_any_evidence": can_facilitate(assessment.role),
        "evidence_form": form,
        "evidence_errors": errors,
    }


def _back_to_question(request: HttpRequest, assessment: Assessment, question: FrameworkQuestion) -> HttpResponse:
    if is_htmx(request):
        context = _block_context(assessment, question, EvidenceForm(), [])
        return render(request, "assessments/evidence/_evidence.html", context)
    url = reverse("assessment_area", kwargs={"assessment_id": assessment.pk, "area_key": question.area.key})
    return redirect(f"{url}#q-{question.key}")


def _refused(
    request: HttpRequest,
    assessment: Assessment,
    question: FrameworkQuestion,
    form: EvidenceForm,
    errors: list[str],
    *,
    status: int = 422,
) -> HttpResponse:
    """htmx: the question's evidence block with the errors and the form open (422, or 409 not a draft).
    Otherwise the area page again with the errors in a banner (400, or 409)."""
    if is_htmx(request):
        context = _block_context(assessment, question, form, errors)
        return render(request, "assessments/evidence/_evidence.html", context, status=status)
    notice = f"Evidence for “{question.statement}”: {' '.join(errors)}"
    rows = assessment_answer_rows(assessment=assessment)
    return render_area(
        request, assessment, question.area.key, rows, notice=notice, status=400 if status == 422 else status
    )


@dataclass(frozen=True)
class ClaimItem:
    """An unsupported claim of a draft, with its question's answer row, for the review page."""

    claim: UnsupportedClaim
    row: AnswerRow


def claim_items(assessment: Assessment, rows: list[AnswerRow], dates: dict[str, list[date | None]]) -> list[ClaimItem]:
    """The draft's unsupported claims judged today (none for an assessment that is no longer a draft), from
    its evidence's `dates` (evidence_dates)."""
    if not assessment.is_draft:
        return []
    by_key = {row.question.key: row for row in rows}
    claims = assessment_unsupported_claims(assessment=assessment, rows=rows, on=timezone.localdate(), dates=dates)
    return [ClaimItem(claim, by_key[claim.question]) for claim in claims]
