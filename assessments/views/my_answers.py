"""Survey mode: a respondent's own answers, area by area, and their submission.

Each answer saves as the workshop's do (answers.py): autosaved by htmx, which answers the question's status and,
out of band, the list of areas, the bar, which questions are optional now and the submission's box; or posted by
the question's Save button without JavaScript. Adaptive depth is the workshop's, over the respondent's own
answers. A submission that leaves required questions blank needs the respondent to confirm how many."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from assessments.builders.my_answers import blank_areas, my_area_status
from assessments.builders.questionnaire import LevelGroup, Posted, level_groups, nav_items
from assessments.errors import AnswersInvalidError, NothingAnsweredError, RespondentSubmittedError, SurveyClosedError
from assessments.forms import AnswerForm, MyAnswersSubmitForm, answer_problem_messages
from assessments.models import Assessment, Respondent
from assessments.selectors.answers import AnswerRow, Provisional, overall_progress, provisional
from assessments.selectors.surveys import respondent_answer_rows
from assessments.services.surveys import respondent_answers_save, respondent_submit
from assessments.tenancy import my_respondent_or_403
from assessments.views.questionnaire import ANSWER_CHOICES, SEVERAL_SYSTEMS_HELP
from core.http import is_htmx
from maturity.selectors import framework_content


@login_required
@require_GET
def survey_my_answers(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment, _ = my_respondent_or_403(user=request.user, assessment_id=assessment_id)
    areas = framework_content(framework=assessment.framework).areas
    return redirect("survey_my_area", assessment_id=assessment.pk, area_key=areas[0].key)


@login_required
@require_GET
def survey_my_area(request: HttpRequest, assessment_id: int, area_key: str) -> HttpResponse:
    assessment, respondent = my_respondent_or_403(user=request.user, assessment_id=assessment_id)
    rows = respondent_answer_rows(assessment=assessment, respondent=respondent)
    return _render_area(request, assessment, respondent, rows, area_key)


@login_required
@require_POST
def survey_my_answer_save(request: HttpRequest, assessment_id: int, question_key: str) -> HttpResponse:
    assessment, respondent = my_respondent_or_403(user=request.user, assessment_id=assessment_id)
    form = AnswerForm(request.POST, question=question_key)
    raw_value, comment = form.data.get("value", ""), form.data.get("comment", "")
    if not form.is_valid():
        return _refused(request, respondent, Posted(question_key, raw_value, comment, form.messages), status=422)
    try:
        respondent_answers_save(respondent=respondent, items=[form.item])
    except AnswersInvalidError as error:
        texts = [text for problem in error.problems for text in answer_problem_messages(problem)]
        return _refused(request, respondent, Posted(question_key, raw_value, comment, texts), status=422)
    except (SurveyClosedError, RespondentSubmittedError) as error:
        return _refused(request, respondent, Posted(question_key, raw_value, comment, [str(error)]), status=409)
    rows = respondent_answer_rows(assessment=assessment, respondent=respondent)
    row = _row_or_404(rows, question_key)
    if is_htmx(request):
        return _render_status(request, assessment, rows, row)
    url = reverse("survey_my_area", kwargs={"assessment_id": assessment.pk, "area_key": row.question.area.key})
    return redirect(f"{url}#q-{question_key}")


def _refused(request: HttpRequest, respondent: Respondent, posted: Posted, status: int) -> HttpResponse:
    """htmx: the errors as the question's status, what was typed staying in the form. Otherwise the area page
    again with what was sent and the errors (400), or read-only with why (409)."""
    if is_htmx(request):
        return render(request, "assessments/_answer_status.html", {"errors": posted.errors}, status=status)
    assessment = respondent.assessment
    rows = respondent_answer_rows(assessment=assessment, respondent=respondent)
    area_key = _row_or_404(rows, posted.question).question.area.key
    if status == 409:
        return _render_area(request, assessment, respondent, rows, area_key, notice=posted.errors[0], status=409)
    return _render_area(request, assessment, respondent, rows, area_key, posted=posted, status=400)


def _row_or_404(rows: list[AnswerRow], question_key: str) -> AnswerRow:
    for row in rows:
        if row.question.key == question_key:
            return row
    raise Http404("No such question in this assessment.")


def _render_status(request: HttpRequest, assessment: Assessment, rows: list[AnswerRow], row: AnswerRow) -> HttpResponse:
    content = framework_content(framework=assessment.framework)
    area = row.question.area
    now = provisional(assessment=assessment, rows=rows)
    context = {
        "assessment": assessment,
        "saved_at": row.updated_at,
        "oob": True,
        "nav_item": nav_items(content.areas, rows, now, only=area.key)[0],
        "status": my_area_status(content.areas, rows, now, area, assessment_id=assessment.pk),
        "groups": _groups(content.level_names, rows, now, area.key),
        "overall": overall_progress(rows=rows, now=now),
        "required_blank": len(now.required),
    }
    return render(request, "assessments/surveys/_my_answer_status.html", context)


def _groups(
    level_names: dict[int, str], rows: list[AnswerRow], now: Provisional, area_key: str, posted: Posted | None = None
) -> list[LevelGroup]:
    """The area's questions by level, each marked optional when adaptive depth does not require it yet."""
    area_rows = [row for row in rows if row.question.area.key == area_key]
    return level_groups(
        level_names, area_rows, posted=posted, required=now.required, earlier={}, evidence={}, review_comments={}
    )


def _render_area(
    request: HttpRequest,
    assessment: Assessment,
    respondent: Respondent,
    rows: list[AnswerRow],
    area_key: str,
    *,
    posted: Posted | None = None,
    notice: str = "",
    status: int = 200,
) -> HttpResponse:
    content = framework_content(framework=assessment.framework)
    areas = content.areas
    index = next((i for i, area in enumerate(areas) if area.key == area_key), None)
    if index is None:
        raise Http404("No such area in this assessment's framework.")
    now = provisional(assessment=assessment, rows=rows)
    context = {
        "assessment": assessment,
        "team": assessment.team,
        "organization": assessment.team.organization,
        "respondent": respondent,
        "area": areas[index],
        "status": my_area_status(areas, rows, now, areas[index], assessment_id=assessment.pk),
        "nav": nav_items(areas, rows, now),
        "overall": overall_progress(rows=rows, now=now),
        "groups": _groups(content.level_names, rows, now, area_key, posted),
        "required_blank": len(now.required),
        "previous_area": areas[index - 1] if index > 0 else None,
        "next_area": areas[index + 1] if index + 1 < len(areas) else None,
        "editable": respondent.submitted_at is None and assessment.is_draft,
        "answer_choices": ANSWER_CHOICES,
        "several_systems_help": SEVERAL_SYSTEMS_HELP,
        "notice": notice,
        "posted": posted,
    }
    return render(request, "assessments/surveys/my_area.html", context, status=status)


@login_required
@require_POST
def survey_my_submit(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment, respondent = my_respondent_or_403(user=request.user, assessment_id=assessment_id)
    rows = respondent_answer_rows(assessment=assessment, respondent=respondent)
    now = provisional(assessment=assessment, rows=rows)
    form = MyAnswersSubmitForm(request.POST, required_blank=len(now.required))
    if respondent.submitted_at is None and assessment.is_draft and not form.is_valid():
        areas = framework_content(framework=assessment.framework).areas
        context = {
            "assessment": assessment,
            "team": assessment.team,
            "organization": assessment.team.organization,
            "form": form,
            "blank_areas": blank_areas(areas, rows, now, assessment_id=assessment.pk),
            "overall": overall_progress(rows=rows, now=now),
            "required_blank": len(now.required),
        }
        return render(request, "assessments/surveys/my_submit.html", context, status=400)
    try:
        respondent_submit(respondent=respondent)
    except (SurveyClosedError, RespondentSubmittedError, NothingAnsweredError) as error:
        messages.error(request, str(error))
        return redirect("survey_my_answers", assessment_id=assessment.pk)
    messages.success(request, "Your answers are submitted. Here is how everyone who submitted answered.")
    return redirect("survey_consensus", assessment_id=assessment.pk)
