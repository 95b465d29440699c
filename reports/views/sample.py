"""The sample report: what a report looks like, for anyone, before they sign up."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from reports.selectors.sample import sample_report_today
from reports.views.report import report_body


@require_GET
def sample_report(request: HttpRequest) -> HttpResponse:
    found = sample_report_today()
    if found is None:
        raise Http404("No framework is loaded yet.")
    framework, sample = found
    context = {
        "framework": framework,
        "sample": sample,
        **report_body(sample.content),
        "report": {"figures": sample.figures},  # the figures, where the report page has its Report
    }
    return render(request, "sample_report.html", context)
