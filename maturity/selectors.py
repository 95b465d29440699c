"""Reads of the maturity app."""

from django.db.models import Prefetch, QuerySet

from maturity.models import Area, Framework, Level, Question
from maturity.scoring import AreaDef, FrameworkDef, QuestionDef

DEFAULT_FRAMEWORK_SLUG = "mlops"


def framework_list() -> QuerySet[Framework]:
    return Framework.objects.order_by("slug", "-version")


def framework_get(*, slug: str, version: int | None = None) -> Framework | None:
    """The given version of a framework, or its newest when no version is given."""
    frameworks = Framework.objects.filter(slug=slug)
    if version is not None:
        frameworks = frameworks.filter(version=version)
    return frameworks.order_by("-version").first()


def framework_levels(*, framework_id: int) -> QuerySet[Level]:
    return Level.objects.filter(framework_id=framework_id).order_by("number")


def framework_with_content(*, framework_id: int) -> Framework:
    """A framework with its levels, areas and each area's questions fetched in four queries."""
    return Framework.objects.prefetch_related(
        "levels",
        Prefetch(
            "areas",
            queryset=Area.objects.order_by("position").prefetch_related(
                Prefetch("questions", queryset=Question.objects.order_by("position"))
            ),
        ),
    ).get(pk=framework_id)


def framework_definition(*, framework_id: int) -> FrameworkDef:
    """The framework as the scoring engine sees it, in framework order (two queries)."""
    areas = Area.objects.filter(framework_id=framework_id).order_by("position").values_list("key", "weight")
    questions = (
        Question.objects.filter(framework_id=framework_id)
        .order_by("position")
        .values_list("key", "area__key", "level", "weight")
    )
    return FrameworkDef(
        areas=tuple(AreaDef(key=key, weight=weight) for key, weight in areas),
        questions=tuple(
            QuestionDef(key=key, area=area, level=level, weight=weight) for key, area, level, weight in questions
        ),
    )
