"""Reads of the maturity app."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import pairwise

from django.db.models import Prefetch, QuerySet

from maturity.models import Area, Framework, Level, Publication, Question, Scope, Source
from maturity.scoring import AreaDef, FrameworkDef, QuestionDef
from maturity.versions import FrameworkDiff, QuestionRecord, VersionMapping, composed_mapping, framework_diff

DEFAULT_FRAMEWORK_SLUG = "mlops"


def framework_for_new_assessment(*, slug: str | None = None) -> Framework | None:
    """The version a new assessment is taken on: the newest of `slug`, by default of the MLOps maturity
    model. The one place that knows the default; everything else follows the framework of an assessment."""
    return framework_get(slug=slug or DEFAULT_FRAMEWORK_SLUG)


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


def framework_area_names(*, slug: str) -> dict[str, str]:
    """Area key -> name over every version of a framework (one query): the newest version's areas in its
    order, then the areas only older versions had, each with its newest name. History and dashboards
    line versions up by area key."""
    names: dict[str, str] = {}
    rows = Area.objects.filter(framework__slug=slug).order_by("-framework__version", "position")
    for key, name in rows.values_list("key", "name"):
        names.setdefault(key, name)
    return names


def framework_level_names(*, slugs: Iterable[str]) -> dict[str, dict[int, str]]:
    """Slug -> level number -> name, of each framework's newest version (one query)."""
    names: dict[str, dict[int, str]] = {}
    newest: dict[str, int] = {}  # slug -> its newest version, the first row of each slug
    rows = Level.objects.filter(framework__slug__in=set(slugs)).order_by("framework__slug", "-framework__version")
    for slug, version, number, name in rows.values_list("framework__slug", "framework__version", "number", "name"):
        if newest.setdefault(slug, version) == version:
            names.setdefault(slug, {})[number] = name
    return names


def framework_with_content(*, framework_id: int, area_key: str = "", level: int | None = None) -> Framework:
    """A framework with its levels, scopes, areas and each area's questions fetched in five queries;
    only the area `area_key` and the questions at `level` when given."""
    areas = Area.objects.order_by("position")
    questions = Question.objects.order_by("position")
    if area_key:
        areas = areas.filter(key=area_key)
    if level is not None:
        questions = questions.filter(level=level)
    return Framework.objects.prefetch_related(
        "levels",
        Prefetch("scopes", queryset=Scope.objects.order_by("position")),
        Prefetch("areas", queryset=areas.prefetch_related(Prefetch("questions", queryset=questions))),
    ).get(pk=framework_id)


@dataclass(frozen=True)
class FrameworkLevel:
    number: int
    name: str
    description: str


@dataclass(frozen=True)
class FrameworkScope:
    key: str
    question: str
    description: str
    position: int


@dataclass(frozen=True)
class FrameworkArea:
    pk: int
    key: str
    name: str
    description: str
    weight: int
    counts_toward_level: bool
    scope_key: str
    position: int


@dataclass(frozen=True)
class FrameworkQuestion:
    pk: int
    key: str
    area: FrameworkArea
    level: int
    statement: str
    guidance: str
    recommendation: str
    weight: int
    sources: tuple[str, ...]
    replaces: tuple[str, ...]
    position: int

    @property
    def area_id(self) -> int:
        return self.area.pk


@dataclass(frozen=True)
class FrameworkContent:
    """A framework version's levels, areas and questions (each question with its area), framework order.

    Plain frozen values, not model instances: one copy is shared by every request and thread of the process.
    """

    levels: tuple[FrameworkLevel, ...]
    areas: tuple[FrameworkArea, ...]
    questions: tuple[FrameworkQuestion, ...]
    scopes: tuple[FrameworkScope, ...]
    level_names: dict[int, str]
    question_ids: dict[str, int]  # question key -> Question id
    definition: FrameworkDef  # the framework as the scoring engine sees it


def framework_content(*, framework: Framework) -> FrameworkContent:
    """Read once per process: a loaded framework version never changes (load_framework refuses to, and
    the admin is read-only), and every questionnaire page, answer and report needs it."""
    return _framework_content(framework.pk, framework.loaded_at)


@lru_cache(maxsize=32)
def _framework_content(framework_id: int, loaded_at: datetime) -> FrameworkContent:
    """Keyed by load time too: a version deleted and loaded again is new content under a reused id."""
    areas = tuple(
        FrameworkArea(a.pk, a.key, a.name, a.description, a.weight, a.counts_toward_level, a.scope_key, a.position)
        for a in Area.objects.filter(framework_id=framework_id).order_by("position")
    )
    by_id = {area.pk: area for area in areas}
    questions = tuple(
        FrameworkQuestion(
            q.pk,
            q.key,
            by_id[q.area_id],
            q.level,
            q.statement,
            q.guidance,
            q.recommendation,
            q.weight,
            tuple(q.sources),
            tuple(q.replaces),
            q.position,
        )
        for q in Question.objects.filter(framework_id=framework_id).order_by("position")
    )
    levels = tuple(
        FrameworkLevel(level.number, level.name, level.description)
        for level in Level.objects.filter(framework_id=framework_id).order_by("number")
    )
    scopes = tuple(
        FrameworkScope(scope.key, scope.question, scope.description, scope.position)
        for scope in Scope.objects.filter(framework_id=framework_id).order_by("position")
    )
    definition = FrameworkDef(
        areas=tuple(AreaDef(area.key, area.weight, area.counts_toward_level, area.scope_key or None) for area in areas),
        questions=tuple(QuestionDef(key=q.key, area=q.area.key, level=q.level, weight=q.weight) for q in questions),
    )
    return FrameworkContent(
        levels=levels,
        areas=areas,
        questions=questions,
        scopes=scopes,
        level_names={level.number: level.name for level in levels},
        question_ids={question.key: question.pk for question in questions},
        definition=definition,
    )


def version_mapping_between(*, older: Framework, newer: Framework) -> VersionMapping:
    """How `newer`'s questions continue `older`'s (two versions of one framework, older first), through
    every version loaded between them. Read once per process, like framework_content: loaded versions never
    change, and none can be loaded between two loaded ones (versions load in increasing order)."""
    return _version_mapping_between(older.slug, older.version, older.loaded_at, newer.version, newer.loaded_at)


@lru_cache(maxsize=32)
def _version_mapping_between(
    slug: str, older_version: int, older_loaded_at: datetime, newer_version: int, newer_loaded_at: datetime
) -> VersionMapping:
    """Keyed by load times too, as _framework_content is: a version deleted and loaded again is new content."""
    rows = (
        Question.objects.filter(framework__slug=slug, framework__version__range=(older_version, newer_version))
        .order_by("framework__version", "position")
        .values_list("framework__version", "key", "area__key", "level", "statement", "weight", "replaces")
    )
    versions: dict[int, list[QuestionRecord]] = {}
    for version, key, area, level, statement, weight, replaces in rows:
        versions.setdefault(version, []).append(QuestionRecord(key, area, level, statement, weight, tuple(replaces)))
    return composed_mapping(list(versions.values()))


def framework_question_records(*, framework: Framework) -> list[QuestionRecord]:
    return [
        QuestionRecord(q.key, q.area.key, q.level, q.statement, q.weight, q.replaces, q.guidance)
        for q in framework_content(framework=framework).questions
    ]


def framework_version_diff(*, older: Framework, newer: Framework) -> FrameworkDiff:
    """What changed from `older` to `newer` (two versions of one framework, older first): `manage.py
    framework_diff` and the model page read the same diff. No query once both versions have been read."""
    records = [framework_question_records(framework=framework) for framework in (older, newer)]
    return framework_diff(*records, mapping=version_mapping_between(older=older, newer=newer))


@dataclass(frozen=True)
class VersionChanges:
    older: Framework
    newer: Framework
    older_count: int  # questions
    newer_count: int
    diff: FrameworkDiff


def framework_changes(*, framework: Framework) -> list[VersionChanges]:
    """What each loaded version up to `framework` changed from the one loaded before it, newest first
    (one query, and those of the versions not read yet)."""
    versions = list(Framework.objects.filter(slug=framework.slug, version__lte=framework.version).order_by("version"))
    return [
        VersionChanges(
            older=older,
            newer=newer,
            older_count=len(framework_content(framework=older).questions),
            newer_count=len(framework_content(framework=newer).questions),
            diff=framework_version_diff(older=older, newer=newer),
        )
        for older, newer in reversed(list(pairwise(versions)))
    ]


def sources_by_key(*, keys: Iterable[str]) -> dict[str, Source]:
    """The catalogue entries of `keys`, each with its publication (one query)."""
    return {source.key: source for source in Source.objects.filter(key__in=set(keys)).select_related("publication")}


def framework_versions(*, slug: str) -> list[int]:
    return list(Framework.objects.filter(slug=slug).order_by("-version").values_list("version", flat=True))


def framework_area_keys(*, framework: Framework) -> list[str]:
    return [area.key for area in framework_content(framework=framework).areas]


@dataclass(frozen=True)
class CataloguePublication:
    publication: Publication
    sources: list[Source]  # catalogue order


def source_catalogue() -> list[CataloguePublication]:
    """The catalogue of sources, publication by publication in the order of the catalogue file (one query)."""
    publications: dict[int, CataloguePublication] = {}
    for source in Source.objects.select_related("publication").order_by("position"):
        entry = publications.setdefault(source.publication_id, CataloguePublication(source.publication, []))
        entry.sources.append(source)
    return list(publications.values())
