"""Writes of the maturity app: loading the catalogue of sources and framework files into the database."""

from dataclasses import dataclass

from django.db import transaction

from maturity.catalogue_file import CatalogueSpec
from maturity.framework_file import FrameworkSpec
from maturity.models import Area, Framework, Level, Publication, Question, Scope, Source


class FrameworkConflictError(Exception):
    """The same slug and version is already loaded with other content: versions never change."""


class FrameworkReplacesError(Exception):
    """A question replaces a key the previous version of the framework does not have."""


class FrameworkOrderError(Exception):
    """A version below the newest loaded one: the mapping between versions reads them in order."""


class FrameworkSourcesError(Exception):
    """A question cites an id the catalogue of sources does not have."""


@dataclass(frozen=True)
class FrameworkLoadResult:
    framework: Framework
    created: bool


@transaction.atomic
def catalogue_load(*, catalogue: CatalogueSpec) -> None:
    """Brings the stored catalogue up to the file: new entries are added and changed ones updated in place.
    Entries the file no longer lists stay, since questions of loaded versions may cite them."""
    publications = {}
    for spec in catalogue.publications:
        publications[spec.key], _ = Publication.objects.update_or_create(
            key=spec.key, defaults={"title": spec.title, "url": spec.url, "cited_at_level": spec.cited_at_level}
        )
    for position, spec in enumerate(catalogue.sources):
        Source.objects.update_or_create(
            key=spec.id,
            defaults={
                "publication": publications[spec.publication],
                "level": spec.level,
                "section": spec.section,
                "description": spec.description,
                "url": spec.url,
                "position": position,
            },
        )


@transaction.atomic
def framework_load(*, spec: FrameworkSpec, catalogue: CatalogueSpec | None = None) -> FrameworkLoadResult:
    """Loads a new framework version, after the catalogue of sources when one is given (all or nothing)."""
    if catalogue is not None:
        catalogue_load(catalogue=catalogue)
    existing = Framework.objects.filter(slug=spec.slug, version=spec.version).first()
    if existing is not None:
        if existing.content_hash != spec.content_hash:
            raise FrameworkConflictError(
                f"{spec.slug} version {spec.version} is already loaded with different content; "
                f"a loaded version never changes: give the new content version {spec.version + 1} or higher"
            )
        return FrameworkLoadResult(framework=existing, created=False)
    _check_order(spec)
    _check_replaces(spec)
    _check_sources(spec)
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
        Scope(
            framework=framework,
            key=scope.key,
            question=scope.question,
            description=scope.description,
            position=position,
        )
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


def _check_sources(spec: FrameworkSpec) -> None:
    """Every id a question cites is in the catalogue of sources."""
    cited = {source for question in spec.questions for source in question.sources}
    known = set(Source.objects.filter(key__in=cited).values_list("key", flat=True))
    problems = [
        f"questions ({question.key}): cites {source!r}, which the catalogue of sources does not have"
        for question in spec.questions
        for source in question.sources
        if source not in known
    ]
    if problems:
        raise FrameworkSourcesError("; ".join(problems))


def _check_order(spec: FrameworkSpec) -> None:
    newest = Framework.objects.filter(slug=spec.slug).order_by("-version").values_list("version", flat=True).first()
    if newest is not None and spec.version < newest:
        raise FrameworkOrderError(
            f"{spec.slug} version {newest} is already loaded: versions load in increasing order, and "
            f"{spec.version} would change how the loaded ones map onto each other"
        )
