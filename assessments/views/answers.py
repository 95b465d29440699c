"""Saving one answer: autosaved by htmx (answers with a status fragment, and out of band the progress bars and
the area's provisional level and jumps) or posted by the question's Save button without JavaScript (redirects
back to the question)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from assessments.builders.questionnaire import Posted, area_status, nav_items
from assessments.errors import AnswersInvalidError, AssessmentNotDraftError
from assessments.forms import ANSWER_VALUE_MESSAGE, AnswerForm, answer_problem_messages
from assessments.models import Assessment
from assessments.selectors.answers import AnswerRow, assessment_answer_rows, overall_progress, provisional
from assessments.services.answers import answers_save
from assessments.tenancy import shared_answers_writer_assessment_or_404
from assessments.views.questionnaire import render_area
from core.http import is_htmx
from maturity.selectors import framework_content


@login_required
@require_POST
def answer_save(request: HttpRequest, assessment_id: int, question_key: str) -> HttpResponse:
    assessment = shared_answers_writer_assessment_or_404(user=request.user, assessment_id=assessment_id)
    form = AnswerForm(request.POST, question=question_key, comment_alone=True)
    raw_value, comment = form.data.get("value", ""), form.data.get("comment", "")
    if not form.is_valid():
        return _answer_refused(request, assessment, Posted(question_key, raw_value, comment, form.messages), status=422)
    try:
        answers_save(assessment=assessment, user=request.user, items=[form.item])
    except AnswersInvalidError as error:
        posted = Posted(
            question_key,
            raw_value,
            comment,
            [text for problem in error.problems for text in answer_problem_messages(problem)],
        )
        return _answer_refused(request, assessment, posted, status=422)
    except AssessmentNotDraftError as error:
        posted = Posted(question_key, raw_value, comment, [str(error)])
        return _answer_refused(request, assessment, posted, status=409)
    rows = assessment_answer_rows(assessment=assessment)
    row = _row_or_404(rows, question_key)
    if row.updated_at is None:  # neither an answer nor a comment: nothing was kept
        return _answer_refused(
            request, assessment, Posted(question_key, raw_value, comment, [ANSWER_VALUE_MESSAGE]), 422
        )
    if is_htmx(request):
        return _render_status(request, assessment, rows, row)
    url = reverse("assessment_area", kwargs={"assessment_id": assessment.pk, "area_key": row.question.area.key})
    return redirect(f"{url}#q-{question_key}")


def _answer_refused(request: HttpRequest, assessment: Assessment, posted: Posted, status: int) -> HttpResponse:
    """htmx: the error as the status fragment (422 invalid, 409 submitted). Otherwise the area page again,
    with what was sent and the errors (200), or read-only (409)."""
    if is_htmx(request):
        return render(request, "assessments/_answer_status.html", {"errors": posted.errors}, status=status)
    rows = assessment_answer_rows(assessment=assessment)
    area_key = _row_or_404(rows, posted.question).question.area.key
    if status == 409:
        return render_area(request, assessment, area_key, rows, notice=posted.errors[0], status=status)
    return render_area(request, assessment, area_key, rows, posted=posted)


def _row_or_404(rows: list[AnswerRow], question_key: str) -> AnswerRow:
    for row in rows:
        if row.question.key == question_key:
            return row
    raise Http404("No such question in this assessment.")


def _render_status(request: HttpRequest, assessment: Assessment, rows: list[AnswerRow], row: AnswerRow) -> HttpResponse:
    area = row.question.area
    areas = framework_content(framework=assessment.framework).areas
    now = provisional(assessment=assessment, rows=rows)
    context = {
        "assessment": assessment,
        "saved_at": row.updated_at,
        "comment_alone": row.value is None,
        "oob": True,
        "nav_item": nav_items(areas, rows, now, only=area.key)[0],
        "status": area_status(areas, rows, now, area, assessment_id=assessment.pk),
        "overall": overall_progress(rows=rows, now=now),
    }
    return render(request, "assessments/_answer_status.html", context)
