"""The questionnaire: one page per area, questions grouped by level, a nav of all areas with their progress.
Each question is its own small form, saved by answers.py."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from assessments.builders.questionnaire import Posted, area_status, level_groups, nav_items
from assessments.models import AnswerScale, Assessment
from assessments.permissions import can_facilitate, can_write_answers
from assessments.selectors.answers import (
    AnswerRow,
    assessment_answer_rows,
    earlier_answers,
    overall_progress,
    provisional,
)
from assessments.selectors.evidence import evidence_by_question
from assessments.selectors.reviews import returned_comments
from assessments.selectors.surveys import respondent_of_user
from assessments.tenancy import assessment_or_404, reads_shared_answers, shared_answers_assessment_or_404
from maturity.selectors import framework_content

ANSWER_CHOICES = tuple(AnswerScale.choices)
ANSWER_LABELS = dict(ANSWER_CHOICES)
# Whose practices: an assessment may cover several ML systems (Assessment.systems_covered).
SEVERAL_SYSTEMS_HELP = (
    "When practices differ between the systems it covers, answer for how much of what matters is covered: "
    f"{ANSWER_LABELS['3']} = all of them, {ANSWER_LABELS['2']} = most of them or the ones that matter most, "
    f"{ANSWER_LABELS['1']} = one or a few."
)


@login_required
@require_GET
def assessment_detail(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
    if not reads_shared_answers(assessment, user=request.user):
        return redirect("survey_my_answers", assessment_id=assessment.pk)  # a respondent's way in
    areas = framework_content(framework=assessment.framework).areas
    if not areas:
        return redirect("assessment_summary", assessment_id=assessment.pk)
    return redirect("assessment_area", assessment_id=assessment.pk, area_key=areas[0].key)


@login_required
@require_GET
def assessment_area(request: HttpRequest, assessment_id: int, area_key: str) -> HttpResponse:
    assessment = shared_answers_assessment_or_404(user=request.user, assessment_id=assessment_id)
    return render_area(request, assessment, area_key, assessment_answer_rows(assessment=assessment))


def render_area(
    request: HttpRequest,
    assessment: Assessment,
    area_key: str,
    rows: list[AnswerRow],
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
    area_rows = [row for row in rows if row.question.area.key == area_key]
    now = provisional(assessment=assessment, rows=rows)
    returned = returned_comments(assessment=assessment)
    context = {
        "assessment": assessment,
        "team": assessment.team,
        "organization": assessment.team.organization,
        "area": areas[index],
        "status": area_status(areas, rows, now, areas[index], assessment_id=assessment.pk),
        "nav": nav_items(areas, rows, now),
        "overall": overall_progress(rows=rows, now=now),
        "groups": level_groups(
            content.level_names,
            area_rows,
            posted=posted,
            required=now.required,
            earlier=earlier_answers(assessment=assessment),
            evidence=evidence_by_question(assessment=assessment),
            review_comments=returned.questions if returned else {},
        ),
        "returned": returned,
        "previous_area": areas[index - 1] if index > 0 else None,
        "next_area": areas[index + 1] if index + 1 < len(areas) else None,
        "editable": assessment.is_draft and can_write_answers(assessment.role, assessment.mode),
        "removes_any_evidence": can_facilitate(assessment.role),
        "answer_choices": ANSWER_CHOICES,
        "several_systems_help": SEVERAL_SYSTEMS_HELP,
        "notice": notice,
        "posted": posted,
        **survey_context(request, assessment),
    }
    return render(request, "assessments/area.html", context, status=status)


def survey_context(request: HttpRequest, assessment: Assessment) -> dict:
    """Survey mode's banner (assessments/surveys/_banner.html): the user's own answers, the facilitator's pages."""
    if assessment.mode != Assessment.Mode.SURVEY:
        return {}
    respondent = respondent_of_user(assessment=assessment, user=request.user)
    return {"survey_respondent": respondent, "can_facilitate": can_facilitate(assessment.role)}
