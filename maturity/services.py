"""Writes of the maturity app: loading a framework file into the database."""

from dataclasses import dataclass

from django.db import transaction

from maturity.framework_file import FrameworkSpec
from maturity.models import Area, Framework, Level, Question, Scope


class FrameworkConflictError(Exception):
    """The same slug and version is already loaded with other content: versions never change."""


class FrameworkReplacesError(Exception):
    """A question replaces a key the previous version of the framework does not have."""


@dataclass(frozen=True)
class FrameworkLoadResult:
    framework: Framework
    created: bool


@transaction.atomic
def framework_load(*, spec: FrameworkSpec) -> FrameworkLoadResult:
    existing = Framework.objects.filter(slug=spec.slug, version=spec.version).first()
    if existing is not None:
        if existing.content_hash != spec.content_hash:
            raise FrameworkConflictError(
                f"{spec.slug} version {spec.version} is already loaded with different content; "
                f"a loaded version never changes: give the new content version {spec.version + 1} or higher"
            )
        return FrameworkLoadResult(framework=existing, created=False)
    _check_replaces(spec)
    framework = Framework.objects.create(
        slug=spec.slug,
        version=spec.version,
        name=spec.name,
        description=spec.description,
        content_hash=spec.content_hash,
    )
    Level.objects.bulk_create(
        Level(framework=framework, number=level.number, name=level.name, description=level.description)
        for level in spec.levels
    )
    Scope.objects.bulk_create(
        Scope(framework=framework, key=scope.key, question=scope.question, description=scope.description,
              position=position)
        for position, scope in enumerate(spec.scopes)
    )
    areas = Area.objects.bulk_create(
        Area(
            framework=framework,
            key=area.key,
            name=area.name,
            description=area.description,
            weight=area.weight,
            counts_toward_level=area.counts_toward_level,
            scope_key=area.scope or "",
            position=position,
        )
        for position, area in enumerate(spec.areas)
    )
    area_by_key = {area.key: area for area in areas}
    Question.objects.bulk_create(
        Question(
            framework=framework,
            area=area_by_key[question.area],
            key=question.key,
            level=question.level,
            statement=question.statement,
            guidance=question.guidance,
            recommendation=question.recommendation,
            weight=question.weight,
            sources=list(question.sources),
            replaces=list(question.replaces),
            position=position,
        )
        for position, question in enumerate(spec.questions)
    )
    return FrameworkLoadResult(framework=framework, created=True)


def _check_replaces(spec: FrameworkSpec) -> None:
    """Every key a question replaces is a question of the newest loaded version before this one."""
    previous = Framework.objects.filter(slug=spec.slug, version__lt=spec.version).order_by("-version").first()
    known = set(previous.questions.values_list("key", flat=True)) if previous else set()
    problems = [
        f"questions ({question.key}): replaces {key!r}, which "
        + (f"{spec.slug} version {previous.version} does not have" if previous else "no earlier version has")
        for question in spec.questions
        for key in question.replaces
        if key not in known
    ]
    if problems:
        raise FrameworkReplacesError("; ".join(problems))
