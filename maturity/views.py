"""The maturity model, readable by anyone, signed in or not (it holds no customer data): a framework's
levels, areas and questions with their guidance, recommendations and the published criteria they cite, what
each version changed, and the catalogue of sources."""

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from maturity.builders import version_changes_view
from maturity.forms import FrameworkFilterForm
from maturity.models import Source
from maturity.selectors import (
    FrameworkArea,
    FrameworkQuestion,
    framework_area_names,
    framework_changes,
    framework_content,
    framework_for_new_assessment,
    framework_get,
    framework_versions,
    source_catalogue,
    sources_by_key,
)


@dataclass(frozen=True)
class QuestionView:
    question: FrameworkQuestion
    sources: list[Source]


@dataclass(frozen=True)
class AreaView:
    area: FrameworkArea
    question_count: int  # in the version, whatever the filter
    questions: list[QuestionView]
    scope_question: str  # the screening question it depends on, or ""


@require_GET
def framework_home(request: HttpRequest) -> HttpResponse:
    """The framework new assessments are taken on."""
    framework = framework_for_new_assessment()
    if framework is None:
        raise Http404("No framework is loaded yet.")
    return redirect("framework_detail", slug=framework.slug)


@require_GET
def framework_detail(request: HttpRequest, slug: str) -> HttpResponse:
    versions = framework_versions(slug=slug)
    if not versions:
        raise Http404("No such framework.")
    area_names = framework_area_names(slug=slug)
    form = FrameworkFilterForm(request.GET, versions=versions, areas=area_names)
    if not form.is_valid():
        return render(request, "maturity/framework.html", {"form": form, "slug": slug}, status=400)
    framework = framework_get(slug=slug, version=form.cleaned_data["version"])
    content = framework_content(framework=framework)
    area_key, level = form.cleaned_data["area"], form.cleaned_data["level"]
    if area_key and area_key not in {area.key for area in content.areas}:
        form.add_error("area", f"Version {framework.version} has no such area: choose another version or area.")
        return render(request, "maturity/framework.html", {"form": form, "slug": slug}, status=400)
    shown = [
        question
        for question in content.questions
        if (not area_key or question.area.key == area_key) and (level is None or question.level == level)
    ]
    sources = sources_by_key(keys=(key for question in shown for key in question.sources))
    scopes = {scope.key: scope.question for scope in content.scopes}
    areas = [_area_view(area, content.questions, shown, sources, scopes) for area in content.areas]
    context = {
        "form": form,
        "slug": slug,
        "framework": framework,
        "levels": content.levels,
        "areas": [view for view in areas if view.questions],
        "question_count": len(content.questions),
        "shown_count": len(shown),
        "filtered": bool(area_key or level),
        # What each version changed, newest first: beside the whole model, not a filtered part of it.
        "changes": []
        if area_key or level
        else [version_changes_view(changes, area_names) for changes in framework_changes(framework=framework)],
        "current": "Framework",
    }
    return render(request, "maturity/framework.html", context)


def _area_view(
    area: FrameworkArea,
    questions: tuple[FrameworkQuestion, ...],
    shown: list[FrameworkQuestion],
    sources: dict[str, Source],
    scopes: dict[str, str],
) -> AreaView:
    return AreaView(
        area=area,
        question_count=sum(question.area.key == area.key for question in questions),
        questions=[
            QuestionView(question, [sources[key] for key in question.sources if key in sources])
            for question in shown
            if question.area.key == area.key
        ],
        scope_question=scopes.get(area.scope_key, ""),
    )


@dataclass(frozen=True)
class CatalogueEntry:
    source: Source
    cited_by: list[FrameworkQuestion]  # the practices of the newest version that cite it


@require_GET
def framework_sources(request: HttpRequest, slug: str) -> HttpResponse:
    """The catalogue of sources, each with the practices of the framework's newest version that cite it."""
    framework = framework_get(slug=slug)
    if framework is None:
        raise Http404("No such framework.")
    citing: dict[str, list[FrameworkQuestion]] = {}
    for question in framework_content(framework=framework).questions:
        for key in question.sources:
            citing.setdefault(key, []).append(question)
    catalogue = [
        (entry.publication, [CatalogueEntry(source, citing.get(source.key, [])) for source in entry.sources])
        for entry in source_catalogue()
    ]
    context = {
        "framework": framework,
        "catalogue": catalogue,
        "source_count": sum(len(entries) for _, entries in catalogue),
        "current": "Framework",
    }
    return render(request, "maturity/sources.html", context)
