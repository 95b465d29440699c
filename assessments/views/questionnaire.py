"""The questionnaire: one page per area, questions grouped by level, a nav of all areas with their progress.
Each question is its own small form, saved by answers.py."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from assessments.models import AnswerScale, Assessment, Evidence
from assessments.permissions import can_facilitate, can_write_answers
from assessments.selectors.answers import (
    AnswerRow,
    Progress,
    Provisional,
    assessment_answer_rows,
    earlier_answers,
    overall_progress,
    progress_by_area,
    provisional,
)
from assessments.selectors.evidence import evidence_by_question
from assessments.selectors.reviews import returned_comments
from assessments.selectors.surveys import respondent_of_user
from assessments.tenancy import assessment_or_404, reads_shared_answers, shared_answers_assessment_or_404
from maturity.models import Area
from maturity.selectors import framework_content

ANSWER_CHOICES = tuple(AnswerScale.choices)
ANSWER_LABELS = dict(ANSWER_CHOICES)
# Whose practices: an assessment may cover several ML systems (Assessment.systems_covered).
SEVERAL_SYSTEMS_HELP = (
    "When practices differ between the systems it covers, answer for how much of what matters is covered: "
    f"{ANSWER_LABELS['3']} = all of them, {ANSWER_LABELS['2']} = most of them or the ones that matter most, "
    f"{ANSWER_LABELS['1']} = one or a few."
)


@dataclass(frozen=True)
class Posted:
    """What the user sent for one question, shown again with the errors when it was not saved."""

    question: str
    value: str
    comment: str
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EarlierAnswer:
    """An answer, in the assessment this one was started from, to a question of an earlier version that
    this question merges or splits."""

    statement: str
    label: str
    comment: str


@dataclass(frozen=True)
class QuestionItem:
    row: AnswerRow
    value: str  # the radio value to check: "0".."3", "na", "unknown" or ""
    comment: str
    errors: list[str]
    optional: bool  # unanswered, and not required yet: answered, it can only raise the result (adaptive depth)
    earlier: list[EarlierAnswer] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)  # each marked `expired` (assessments.evidence)
    review_comment: str = ""  # what the reviewer who returned the assessment asked of this question

    @property
    def answer_label(self) -> str:
        return ANSWER_LABELS.get(self.value, "Not answered")


@dataclass(frozen=True)
class LevelGroup:
    number: int
    name: str
    questions: list[QuestionItem]


@dataclass(frozen=True)
class AreaNavItem:
    area: Area
    progress: Progress
    level: int | None  # provisional, from the answers so far
    required_left: int  # unanswered questions that can still change the result
    out_of_scope: bool  # its scope was answered no


def nav_items(
    assessment: Assessment, rows: list[AnswerRow], now: Provisional, *, only: str | None = None
) -> list[AreaNavItem]:
    """Every area (or `only` that one) with its progress, provisional level and what is still required."""
    progress = progress_by_area(rows=rows)
    required_by_area: dict[str, int] = {}
    for row in rows:
        if row.question.key in now.required:
            required_by_area[row.question.area.key] = required_by_area.get(row.question.area.key, 0) + 1
    return [
        AreaNavItem(
            area,
            progress.get(area.key, Progress(0, 0)),
            now.levels.get(area.key),
            required_by_area.get(area.key, 0),
            area.key in now.out_of_scope,
        )
        for area in framework_content(framework=assessment.framework).areas
        if only is None or area.key == only
    ]


@dataclass(frozen=True)
class Jump:
    url: str
    area: Area | None  # the area it opens; None: the review, as no other area has such a question


@dataclass(frozen=True)
class AreaStatus:
    """What the area page's sticky bar shows and its jumps need; sent again after every autosave."""

    area: Area
    level: int | None  # provisional
    unanswered: list[str]  # keys of this area's unanswered questions, in page order (none when out of scope)
    required: list[str]  # those of them that must be answered before submitting
    unanswered_beyond: Jump  # where "next unanswered" goes once this page has none left
    required_beyond: Jump


def area_status(assessment: Assessment, rows: list[AnswerRow], now: Provisional, area: Area) -> AreaStatus:
    by_area = _open_keys_by_area(rows, now)
    unanswered = by_area.get(area.key, [])
    return AreaStatus(
        area=area,
        level=now.levels.get(area.key),
        unanswered=unanswered,
        required=[key for key in unanswered if key in now.required],
        unanswered_beyond=_jump_beyond(assessment, area.key, by_area, lambda key: True),
        required_beyond=_jump_beyond(assessment, area.key, by_area, lambda key: key in now.required),
    )


def _open_keys_by_area(rows: list[AnswerRow], now: Provisional) -> dict[str, list[str]]:
    """Area key -> its unanswered questions in the order its page shows them; areas out of scope ask nothing."""
    by_area: dict[str, list[str]] = {}
    for row in sorted(rows, key=lambda row: (row.question.level, row.question.position)):
        if row.value is None and row.question.area.key not in now.out_of_scope:
            by_area.setdefault(row.question.area.key, []).append(row.question.key)
    return by_area


def _jump_beyond(
    assessment: Assessment, area_key: str, by_area: dict[str, list[str]], wanted: Callable[[str], bool]
) -> Jump:
    """The first wanted question in the areas after this one (round to those before it), else the review."""
    areas = framework_content(framework=assessment.framework).areas
    here = next(index for index, area in enumerate(areas) if area.key == area_key)
    for other in areas[here + 1 :] + areas[:here]:
        for question_key in by_area.get(other.key, ()):
            if wanted(question_key):
                url = reverse("assessment_area", kwargs={"assessment_id": assessment.pk, "area_key": other.key})
                return Jump(f"{url}#q-{question_key}", other)
    return Jump(reverse("assessment_review", kwargs={"assessment_id": assessment.pk}), None)


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
        "status": area_status(assessment, rows, now, areas[index]),
        "nav": nav_items(assessment, rows, now),
        "overall": overall_progress(rows=rows),
        "groups": _level_groups(
            content.level_names,
            area_rows,
            posted,
            now.required,
            earlier_answers(assessment=assessment),
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


def _level_groups(
    names: dict[int, str],
    rows: list[AnswerRow],
    posted: Posted | None,
    required: tuple[str, ...],
    earlier: dict[str, list[AnswerRow]],
    *,
    evidence: dict[int, list[Evidence]],
    review_comments: dict[str, str],
) -> list[LevelGroup]:
    groups: dict[int, LevelGroup] = {}
    for row in sorted(rows, key=lambda row: (row.question.level, row.question.position)):
        number = row.question.level
        group = groups.setdefault(number, LevelGroup(number, names.get(number, ""), []))
        optional = row.value is None and row.question.key not in required
        item = _question_item(row, posted, optional=optional, review_comment=review_comments.get(row.question.key, ""))
        item.earlier.extend(_earlier_answer(old) for old in earlier.get(row.question.key, ()))
        item.evidence.extend(evidence.get(row.question.pk, ()))
        group.questions.append(item)
    return list(groups.values())


def _question_item(row: AnswerRow, posted: Posted | None, *, optional: bool, review_comment: str) -> QuestionItem:
    if posted is not None and posted.question == row.question.key:
        return QuestionItem(row, posted.value, posted.comment, posted.errors, optional, review_comment=review_comment)
    value = "" if row.value is None else str(row.value)
    return QuestionItem(
        row=row, value=value, comment=row.comment, errors=[], optional=optional, review_comment=review_comment
    )


def _earlier_answer(row: AnswerRow) -> EarlierAnswer:
    label = "Not answered" if row.value is None else ANSWER_LABELS[str(row.value)]
    return EarlierAnswer(row.question.statement, label, row.comment)
