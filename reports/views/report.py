"""An assessment's report: the page (live status while the worker computes it), retry, and the
standalone HTML file that opens offline."""

from functools import cache
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from assessments.models import Assessment
from assessments.permissions import can_answer, can_review
from assessments.tenancy import assessment_or_404, require_answer
from core.csp import allow_inline_scripts
from core.http import is_htmx
from reports import services
from reports.builders.content import headline
from reports.builders.disagreements import disagreements_with_labels
from reports.builders.roadmap import roadmap_with_steps
from reports.models import Report
from reports.selectors.report import report_for_assessment


def _report_or_404(assessment: Assessment) -> Report:
    report = report_for_assessment(assessment_id=assessment.pk)
    if report is None:
        raise Http404("This assessment has no report: it is not submitted yet.")
    return report


def report_body(content: dict) -> dict:
    """What reports/_report_body.html reads of a ready report besides `report.figures`: the report page, its
    standalone file and the sample report (views/sample.py) render the body from the same."""
    return {
        "content": content,
        "headline": headline(content),
        "roadmap": roadmap_with_steps(content),
        "disagreements": disagreements_with_labels(content),
    }


NO_BODY = {"content": None, "headline": None, "roadmap": [], "disagreements": []}


def _context(assessment: Assessment, report: Report) -> dict:
    ready = report.status == Report.Status.READY
    return {
        "assessment": assessment,
        "team": assessment.team,
        "organization": assessment.team.organization,
        "report": report,
        **(report_body(report.content) if ready else NO_BODY),
        "can_answer": can_answer(assessment.role),
        "can_review": can_review(assessment.role),
        "current": "Report",
    }


@login_required
@require_GET
def report_page(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
    if assessment.is_draft:
        return redirect("assessment_summary", assessment_id=assessment.pk)
    return render(request, "reports/report.html", _context(assessment, _report_or_404(assessment)))


@login_required
@require_GET
def report_status(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """Polled by htmx while the report is pending or running; once it is ready the page reloads."""
    assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
    report = _report_or_404(assessment)
    response = render(request, "reports/_status.html", _context(assessment, report))
    if report.status == Report.Status.READY and is_htmx(request):
        response["HX-Refresh"] = "true"
    patch_cache_control(response, no_store=True)  # polled: never a 304 that would hide HX-Refresh
    return response


@login_required
@require_POST
def report_retry(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
    require_answer(assessment.role)
    services.report_retry(report=_report_or_404(assessment))
    return redirect("report", assessment_id=assessment.pk)


STANDALONE_STYLES = ("vendor/pico/pico.min.css", "css/app.css", "css/report.css")


@cache
def _script(path: Path) -> str:
    """A script file's text, safe inside <script>: nothing in it can close the element early."""
    return _asset(path).replace("</script", "<\\/script")


@cache
def _asset(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _static_text(name: str) -> str:
    return _asset(Path(finders.find(name)))


@login_required
@require_GET
@allow_inline_scripts
def report_standalone(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """One HTML file with its styles, plotly.js and figures inside: opens offline, prints to PDF."""
    assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
    report = _report_or_404(assessment)
    if report.status != Report.Status.READY:
        raise Http404("The report is not ready yet.")
    context = _context(assessment, report) | {
        "styles": "\n".join(_static_text(name) for name in STANDALONE_STYLES),
        "plotly_js": _script(Path(finders.find("vendor/plotly/plotly.min.js"))),
        "charts_js": _script(Path(finders.find("js/charts.js"))),
    }
    response = render(request, "reports/standalone.html", context)
    if request.GET.get("download"):
        team = slugify(assessment.team.name) or f"team-{assessment.team.pk}"  # a name with no Latin letter
        filename = f"maturity-report-{team}-{assessment.submitted_at:%Y-%m-%d}.html"
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response
