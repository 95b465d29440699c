"""The sample report: what a report looks like, for anyone, before they sign up."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from reports.builders.content import headline, roadmap_with_steps
from reports.builders.disagreements import disagreements_with_labels
from reports.selectors.sample import sample_report_today


@require_GET
def sample_report(request: HttpRequest) -> HttpResponse:
    found = sample_report_today()
    if found is None:
        raise Http404("No framework is loaded yet.")
    framework, sample = found
    content = sample.content
    context = {
        "framework": framework,
        "sample": sample,
        # What reports/_report_body.html reads, as the report page gives it (reports/views/report.py).
        "content": content,
        "headline": headline(content),
        "roadmap": roadmap_with_steps(content),
        "disagreements": disagreements_with_labels(content),
        "report": {"figures": sample.figures},
    }
    return render(request, "sample_report.html", context)
