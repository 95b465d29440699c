"""The review before submitting: every answer by area with its comment, the provisional result, what is still
required, and the confirmation that submitting cannot be undone. Submitting posts from here."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from assessments.errors import (
    AssessmentIncompleteError,
    AssessmentNotDraftError,
    SubmitFailedError,
    UnsupportedClaimsError,
)
from assessments.forms import SubmitConfirmForm
from assessments.models import Assessment
from assessments.permissions import can_write_answers
from assessments.selectors.answers import AnswerRow, Provisional, assessment_answer_rows, assessment_scope, provisional
from assessments.selectors.evidence import evidence_dates
from assessments.selectors.reviews import returned_comments
from assessments.services.assessments import assessment_submit, not_draft_message
from assessments.tenancy import shared_answers_assessment_or_404, shared_answers_writer_assessment_or_404
from assessments.views.evidence import claim_items
from assessments.views.questionnaire import ANSWER_LABELS
from maturity.scoring import UNKNOWN, two_decimals
from maturity.selectors import FrameworkArea, framework_content


@dataclass(frozen=True)
class ReviewAnswer:
    row: AnswerRow
    label: str
    required: bool  # unanswered, and needed before submitting
    evidence: int = 0  # how much evidence its answer has


@dataclass(frozen=True)
class ReviewArea:
    area: FrameworkArea
    level: int | None  # provisional
    score: float | None  # two decimals, rounded down, as the report shows it
    out_of_scope: bool
    answers: list[ReviewAnswer]

    @property
    def unknown(self) -> list[ReviewAnswer]:
        """Its answers "Don't know": scored as 0, and listed in the report to verify."""
        return [answer for answer in self.answers if answer.row.value == UNKNOWN]


@login_required
@require_GET
def assessment_review(request: HttpRequest, assessment_id: int) -> HttpResponse:
    return _render_review(request, shared_answers_assessment_or_404(user=request.user, assessment_id=assessment_id))


@login_required
@require_POST
def assessment_submit_view(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = shared_answers_writer_assessment_or_404(user=request.user, assessment_id=assessment_id)
    if not assessment.is_draft:
        return _render_review(request, assessment, error=not_draft_message(assessment), status=409)
    form = SubmitConfirmForm(request.POST)
    if not form.is_valid():
        return _render_review(request, assessment, form=form, status=400)
    try:
        assessment_submit(assessment=assessment, user=request.user)
    except (AssessmentIncompleteError, UnsupportedClaimsError) as error:
        return _render_review(request, assessment, error=f"Not submitted: {error}.", status=400)
    except SubmitFailedError as error:
        return _render_review(request, assessment, error=str(error), status=503)
    except AssessmentNotDraftError as error:
        return _render_review(request, assessment, error=str(error), status=409)
    messages.success(request, f"Submitted {assessment.title}.")
    return redirect("assessment_summary", assessment_id=assessment.pk)  # whose banner links to the report


def review_areas(
    assessment: Assessment, rows: list[AnswerRow], now: Provisional, *, evidence: dict[str, int] | None = None
) -> list[ReviewArea]:
    """Every area in framework order with its provisional figures and its questions in page order, each with
    how much evidence it has (`evidence`: question key -> count)."""
    evidence = evidence or {}
    by_area: dict[str, list[ReviewAnswer]] = {}
    for row in sorted(rows, key=lambda row: (row.question.level, row.question.position)):
        label = "Not answered" if row.value is None else ANSWER_LABELS[str(row.value)]
        key = row.question.key
        answer = ReviewAnswer(row, label, required=key in now.required, evidence=evidence.get(key, 0))
        by_area.setdefault(row.question.area.key, []).append(answer)
    return [
        ReviewArea(
            area=area,
            level=now.levels.get(area.key),
            score=_shown(now.scores.get(area.key)),
            out_of_scope=area.key in now.out_of_scope,
            answers=by_area.get(area.key, []),
        )
        for area in framework_content(framework=assessment.framework).areas
    ]


def unknown_total(areas: list[ReviewArea]) -> int:
    """How many answers of the areas in scope are "Don't know"."""
    return sum(len(item.unknown) for item in areas if not item.out_of_scope)


def _shown(score) -> float | None:
    return None if score is None else float(two_decimals(score))


def _render_review(
    request: HttpRequest,
    assessment: Assessment,
    *,
    form: SubmitConfirmForm | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    rows = assessment_answer_rows(assessment=assessment)
    now = provisional(assessment=assessment, rows=rows)
    dates = evidence_dates(assessment_id=assessment.pk)
    areas = review_areas(assessment, rows, now, evidence={key: len(found) for key, found in dates.items()})
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
        "overall_score": _shown(now.overall_score),
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
        "error": error,
    }
    return render(request, "assessments/review.html", context, status=status)
