"""Two submitted assessments of a team side by side: per area, and per question."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from assessments.models import Assessment, Team
from assessments.selectors.answers import assessment_answer_rows
from assessments.tenancy import team_or_404
from maturity.selectors import version_mapping_between
from reports.builders.comparison import compare_assessments
from reports.builders.history import assessment_choices
from reports.forms import CompareForm
from reports.models import Report
from reports.selectors.history import SubmittedAssessment, submitted_assessments, submitted_by_id


@login_required
@require_GET
def assessment_compare(request: HttpRequest, team_id: int) -> HttpResponse:
    team = team_or_404(user=request.user, team_id=team_id)
    history = submitted_assessments(team=team)
    choices = assessment_choices(history)
    chosen = request.GET if "a" in request.GET or "b" in request.GET else _latest_pair(history)
    form = CompareForm(chosen, choices=choices) if chosen is not None else CompareForm(choices=choices)
    context = {
        "team": team,
        "organization": team.organization,
        "form": form,
        "enough": len(choices) >= 2,
        "current": "Comparison",
    }
    if chosen is None:
        return render(request, "reports/compare.html", context)
    if not form.is_valid():
        return render(request, "reports/compare.html", context, status=400)
    a, b = _submitted_pair(team, form.cleaned_data["a"], form.cleaned_data["b"])
    if a.framework.slug != b.framework.slug:  # versions of one framework line up by key; frameworks do not
        form.add_error(None, "Choose two assessments of the same framework: these were taken on different ones.")
        return render(request, "reports/compare.html", context, status=400)
    content_a, content_b = _content(a), _content(b)
    comparison = compare_assessments(
        rows_a=assessment_answer_rows(assessment=a),
        rows_b=assessment_answer_rows(assessment=b),
        content_a=content_a,
        content_b=content_b,
        counterparts=_counterparts(a, b),
    )
    only_changed = form.cleaned_data["show"] == "changed"
    context |= {
        "a": a,
        "b": b,
        "reports_ready": bool(content_a and content_b),
        "comparison": comparison,
        "a_newer": a.framework.version > b.framework.version,
        "groups": comparison.groups(only_changed=only_changed),
        "only_changed": only_changed,
    }
    return render(request, "reports/compare.html", context)


def _latest_pair(history: list[SubmittedAssessment]) -> dict[str, int] | None:
    """The page opened without a choice: the previous (A) against the latest (B) on the latest's framework."""
    if not history:
        return None
    same_framework = [entry for entry in history if entry.framework == history[-1].framework]
    if len(same_framework) < 2:
        return None
    return {"a": same_framework[-2].assessment_id, "b": same_framework[-1].assessment_id}


def _submitted_pair(team: Team, a_id: int, b_id: int) -> tuple[Assessment, Assessment]:
    found = submitted_by_id(team=team, assessment_ids=[a_id, b_id])
    if a_id not in found or b_id not in found:
        raise Http404("No such submitted assessment in this team.")
    return found[a_id], found[b_id]


def _counterparts(a: Assessment, b: Assessment) -> dict[str, tuple[str, ...]] | None:
    """B's question key -> the A questions it relates to, when the two are on different versions: those it
    continues when A is older, those that continue it when A is newer."""
    if a.framework_id == b.framework_id:
        return None
    if a.framework.version < b.framework.version:
        return version_mapping_between(older=a.framework, newer=b.framework).predecessors
    return version_mapping_between(older=b.framework, newer=a.framework).successors


def _content(assessment: Assessment) -> dict:
    report = getattr(assessment, "report", None)
    return report.content if report is not None and report.status == Report.Status.READY else {}
