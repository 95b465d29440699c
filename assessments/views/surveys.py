"""Survey mode's consensus view, where the facilitator records the agreed answers (the respondents page:
views/respondents.py; a respondent's own answers and their submission: views/my_answers.py).

Before they submit, a respondent sees only their own answers; after, the consensus's spread, read-only and
without names. The facilitator (owner or assessor) sees everything."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from assessments.errors import (
    AnswersInvalidError,
    AssessmentNotDraftError,
    SurveyClosedError,
)
from assessments.forms import AnswerForm, answer_problem_messages
from assessments.models import Assessment
from assessments.permissions import can_facilitate
from assessments.selectors.surveys import (
    ANONYMOUS_SPREAD_FROM,
    ConsensusRow,
    consensus,
    respondent_name,
)
from assessments.services.answers import answers_save
from assessments.services.surveys import (
    consensus_record_medians,
)
from assessments.tenancy import (
    assessment_or_404,
    reads_shared_answers,
    require_consensus_reader,
    require_facilitate,
)
from assessments.views.questionnaire import ANSWER_CHOICES, ANSWER_LABELS
from maturity.scoring import NA, UNKNOWN
from maturity.selectors import framework_content

WORKSHOP = "This assessment is in workshop mode: the team answers one shared questionnaire, without respondents."


def _workshop(request: HttpRequest, assessment: Assessment, *, error: str = "") -> HttpResponse:
    """What the survey pages show of a workshop-mode assessment: that it has no survey (409 for a write)."""
    context = _context(assessment, notice=error or WORKSHOP)
    return render(request, "assessments/surveys/workshop.html", context, status=409 if error else 200)


def _context(assessment: Assessment, **extra) -> dict:
    return {"assessment": assessment, "team": assessment.team, "organization": assessment.team.organization, **extra}


# --- The consensus ---


@login_required
@require_http_methods(["GET", "POST"])
def survey_consensus(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
    if request.method == "POST":
        require_facilitate(assessment.role)
    names = require_consensus_reader(assessment=assessment, user=request.user)
    facilitator = can_facilitate(assessment.role)
    if assessment.mode != Assessment.Mode.SURVEY:
        return _workshop(request, assessment, error=WORKSHOP if request.method == "POST" else "")
    if request.method == "POST":
        return _record_agreed(request, assessment)
    found = consensus(assessment=assessment)
    only_disagreements = request.GET.get("disagreements") == "1"
    agreed = reads_shared_answers(assessment, user=request.user)
    items = [_consensus_item(row, names, agreed) for row in (found.disagreements if only_disagreements else found.rows)]
    areas = framework_content(framework=assessment.framework).areas
    context = _context(
        assessment,
        consensus=found,
        groups=[(area, group) for area in areas if (group := [i for i in items if i.row.question.area_id == area.pk])],
        facilitator=facilitator,
        editable=facilitator and assessment.is_draft,
        names=names,
        only_disagreements=only_disagreements,
        respondents=[(r, respondent_name(r, show_address=facilitator)) for r in found.respondents],
        spread_from=ANONYMOUS_SPREAD_FROM,
        answer_choices=ANSWER_CHOICES,
    )
    return render(request, "assessments/surveys/consensus.html", context)


@dataclass(frozen=True)
class ConsensusItem:
    """A question of the consensus page in words: the spread, who said what (unless anonymous), the agreed."""

    row: ConsensusRow
    counts: list[tuple[str, int]]  # answer label -> how many, "Not applicable" and "Don't know" last
    responses: list[tuple[str, str, str]]  # (name, answer label, comment); none when anonymous
    comments: list[str]  # when anonymous: the comments alone, sorted, so that their order names nobody
    median: str  # "1.5"; "" without a numeric answer
    value: str  # the radio to check: the agreed answer, else the median rounded down
    agreed: str  # the agreed answer's label, "" when not agreed yet


def _consensus_item(row: ConsensusRow, names: bool, shows_agreed: bool) -> ConsensusItem:
    spread = row.spread
    counts = [(ANSWER_LABELS[str(value)], count) for value, count in spread.counts.items()]
    median = "" if spread.median is None else f"{float(spread.median):g}"
    agreed = "" if row.agreed.value is None or not shows_agreed else str(row.agreed.value)
    suggested = "" if spread.suggested is None else str(spread.suggested)
    return ConsensusItem(
        row=row,
        counts=[*counts, (ANSWER_LABELS[NA], spread.not_applicable), (ANSWER_LABELS[UNKNOWN], spread.unknown)],
        responses=[(r.respondent, ANSWER_LABELS[str(r.value)], r.comment) for r in row.responses] if names else [],
        comments=[] if names else sorted(row.comments),
        median=median,
        value=agreed or suggested,
        agreed=ANSWER_LABELS.get(agreed, ""),
    )


def _record_agreed(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    key = request.POST.get("question", "")
    form = AnswerForm(request.POST, question=key)
    url = reverse("survey_consensus", kwargs={"assessment_id": assessment.pk})
    if not form.is_valid():
        messages.error(request, "Not recorded: " + " ".join(form.messages))
        return redirect(f"{url}#q-{key}")
    item = form.item
    try:
        answers_save(assessment=assessment, user=request.user, items=[item])
    except AnswersInvalidError as error:
        messages.error(request, "Not recorded: " + " ".join(answer_problem_messages(error.problems[0])))
        return redirect(f"{url}#q-{key}")
    except AssessmentNotDraftError as error:
        messages.error(request, str(error))
        return redirect(url)
    messages.success(request, f"Recorded the agreed answer: {ANSWER_LABELS.get(str(item.value), '')}.")
    return redirect(f"{url}#q-{key}")


@login_required
@require_POST
def survey_medians(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
    require_facilitate(assessment.role)
    require_consensus_reader(assessment=assessment, user=request.user)  # the medians are the others' answers
    try:
        count = consensus_record_medians(assessment=assessment, user=request.user)
    except SurveyClosedError as error:
        return _workshop(request, assessment, error=str(error))
    messages.success(request, f"Recorded the median, rounded down, as the agreed answer to {count} question(s).")
    return redirect("survey_consensus", assessment_id=assessment.pk)
