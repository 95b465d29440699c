"""Reading and validating a framework YAML file (design section 1), without touching the database.

`parse_framework` returns a `FrameworkSpec` or raises `FrameworkFileError` listing every problem,
each with its location in the file, so that an author fixes them all in one round.
"""

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*$")
AREA_KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
QUESTION_KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*\.[a-z0-9_]+$")
SOURCE_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
TOP_LEVEL_KEYS = ("slug", "version", "name", "description", "levels", "scopes", "areas", "questions")
LEVEL_KEYS = ("level", "name", "description")
SCOPE_KEYS = ("key", "question", "description")
AREA_KEYS = ("key", "name", "description", "weight", "counts_toward_level", "scope")
QUESTION_KEYS = ("key", "area", "level", "statement", "guidance", "recommendation", "weight", "sources", "replaces")
# Fields a file may leave out: left at their default, they stay out of the content hash, so a version
# loaded before they existed keeps its hash (a loaded version never changes).
OPTIONAL_DEFAULTS = {"scopes": (), "counts_toward_level": True, "scope": None, "sources": (), "replaces": ()}


class DocumentError(Exception):
    """A YAML document with problems, each with its location: nothing of it was loaded."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.problems = problems
        listing = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"{source}: {len(problems)} problem(s), nothing was loaded:\n{listing}")


class FrameworkFileError(DocumentError):
    pass


@dataclass(frozen=True)
class LevelSpec:
    number: int
    name: str
    description: str


@dataclass(frozen=True)
class ScopeSpec:
    key: str
    question: str
    description: str


@dataclass(frozen=True)
class AreaSpec:
    key: str
    name: str
    description: str
    weight: int
    counts_toward_level: bool = True
    scope: str | None = None


@dataclass(frozen=True)
class QuestionSpec:
    key: str
    area: str
    level: int
    statement: str
    guidance: str
    recommendation: str
    weight: int
    sources: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()


@dataclass(frozen=True)
class FrameworkSpec:
    slug: str
    version: int
    name: str
    description: str
    levels: tuple[LevelSpec, ...]
    areas: tuple[AreaSpec, ...]
    questions: tuple[QuestionSpec, ...]
    scopes: tuple[ScopeSpec, ...] = ()

    @property
    def content_hash(self) -> str:
        canonical = json.dumps(_without_defaults(asdict(self)), sort_keys=True, ensure_ascii=True)
        return hashlib.sha256(canonical.encode()).hexdigest()


def _without_defaults(value: Any) -> Any:
    """`value` with every optional field at its default left out, at any depth."""
    if isinstance(value, dict):
        return {
            key: _without_defaults(item)
            for key, item in value.items()
            if not (key in OPTIONAL_DEFAULTS and _same(item, OPTIONAL_DEFAULTS[key]))
        }
    if isinstance(value, list | tuple):
        return [_without_defaults(item) for item in value]
    return value


def _same(value: Any, default: Any) -> bool:
    """Equal and of the same type: `1` is not the default `True`. (asdict keeps tuples tuples.)"""
    return type(value) is type(default) and value == default


def read_framework_file(path: Path) -> FrameworkSpec:
    return parse_framework(document_text(path, FrameworkFileError), source=str(path))


def parse_framework(text: str, *, source: str = "<framework>") -> FrameworkSpec:
    document = yaml_document(text, source=source, error_class=FrameworkFileError)
    checker = _Checker()
    spec = checker.framework(document)
    if checker.problems:
        raise FrameworkFileError(source, checker.problems)
    return spec


def document_text(path: Path, error_class: type[DocumentError]) -> str:
    """The file's text; an error_class naming the file when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise error_class(str(path), [f"cannot read the file: {error}"]) from None


def yaml_document(text: str, *, source: str, error_class: type[DocumentError]) -> Any:
    """The YAML parsed; an error_class saying where it is not valid YAML."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise error_class(source, [f"not valid YAML: {_yaml_problem(error)}"]) from None


def _yaml_problem(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    return f"line {mark.line + 1}, column {mark.column + 1}: {problem}" if mark else problem


class DocumentChecker:
    """Walks a parsed YAML document, collecting problems instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def items(self, document: dict, name: str, *, required: bool = True) -> list[tuple[str, dict]]:
        value = document.get(name)
        if not required and value in (None, []):
            return []
        if not isinstance(value, list) or not value:
            self.problems.append(f"{name}: must be a non-empty list")
            return []
        items = []
        for index, item in enumerate(value):
            where = f"{name}[{index}]"
            if isinstance(item, dict):
                items.append((where, item))
            else:
                self.problems.append(f"{where}: must be a mapping")
        return items

    def unknown_keys(self, item: dict, allowed: tuple[str, ...], where: str) -> None:
        unknown = sorted(str(key) for key in item if key not in allowed)
        if unknown:
            self.problems.append(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(allowed)}")

    def key(self, item: dict, pattern: re.Pattern, where: str, *, seen: set[str]) -> str:
        key = self.text(item, "key", where)
        if key and not pattern.match(key):
            self.problems.append(f"{where}: key {key!r} does not match {pattern.pattern}")
        elif key in seen:
            self.problems.append(f"{where}: key {key!r} is used twice")
        return key

    def boolean(self, item: dict, name: str, where: str, *, default: bool) -> bool:
        value = item.get(name, default)
        if not isinstance(value, bool):
            self.problems.append(f"{where}: {name} must be true or false (got {value!r})")
            return default
        return value

    def identifiers(self, item: dict, name: str, where: str, pattern: re.Pattern) -> tuple[str, ...]:
        """An optional list of distinct identifiers, each matching `pattern`."""
        value = item.get(name, [])
        if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
            self.problems.append(f"{where}: {name} must be a list of text (got {value!r})")
            return ()
        bad = [entry for entry in value if not pattern.match(entry)]
        if bad:
            self.problems.append(f"{where}: {name} {', '.join(map(repr, bad))} do(es) not match {pattern.pattern}")
        if len(set(value)) != len(value):
            self.problems.append(f"{where}: {name} lists an entry twice")
        return tuple(value)

    def text(self, item: dict, name: str, where: str) -> str:
        value = item.get(name)
        if not isinstance(value, str) or not value.strip():
            self.problems.append(f"{where}: {name} must be non-empty text")
            return ""
        return value.strip()

    def integer(self, item: dict, name: str, where: str, *, minimum: int, maximum: int | None = None) -> int | None:
        value = item.get(name)
        in_range = isinstance(value, int) and not isinstance(value, bool) and value >= minimum
        if not in_range or (maximum is not None and value > maximum):
            bounds = f"from {minimum} to {maximum}" if maximum is not None else f">= {minimum}"
            self.problems.append(f"{where}: {name} must be an integer {bounds} (got {value!r})")
            return None
        return value


class _Checker(DocumentChecker):
    """Walks a framework document."""

    def framework(self, document: Any) -> FrameworkSpec | None:
        if not isinstance(document, dict):
            self.problems.append("the file must be a mapping with keys: " + ", ".join(TOP_LEVEL_KEYS))
            return None
        self.unknown_keys(document, TOP_LEVEL_KEYS, "top level")
        slug = self.text(document, "slug", "top level")
        if slug and not SLUG_PATTERN.match(slug):
            self.problems.append(f"top level: slug {slug!r} must be lowercase letters, digits, - or _")
        version = self.integer(document, "version", "top level", minimum=1)
        levels = self._levels(self.items(document, "levels"))
        scopes = self._scopes(self.items(document, "scopes", required=False))
        areas = self._areas(self.items(document, "areas"), {scope.key for scope in scopes})
        questions = self._questions(self.items(document, "questions"), {area.key for area in areas})
        self._every_area_has_questions(areas, questions)
        return FrameworkSpec(
            slug=slug,
            version=version,
            name=self.text(document, "name", "top level"),
            description=self.text(document, "description", "top level"),
            levels=levels,
            areas=areas,
            questions=questions,
            scopes=scopes,
        )

    def _scopes(self, items: list[tuple[str, dict]]) -> tuple[ScopeSpec, ...]:
        scopes = []
        for index_where, item in items:
            self.unknown_keys(item, SCOPE_KEYS, index_where)
            key = self.key(item, AREA_KEY_PATTERN, index_where, seen={scope.key for scope in scopes})
            where = f"{index_where} ({key})" if key else index_where
            scopes.append(ScopeSpec(key, self.text(item, "question", where), self.text(item, "description", where)))
        return tuple(scopes)

    def _levels(self, items: list[tuple[str, dict]]) -> tuple[LevelSpec, ...]:
        levels = []
        for where, item in items:
            self.unknown_keys(item, LEVEL_KEYS, where)
            number = self.integer(item, "level", where, minimum=0, maximum=4)
            levels.append(LevelSpec(number, self.text(item, "name", where), self.text(item, "description", where)))
        numbers = sorted(level.number for level in levels if level.number is not None)
        if numbers != list(range(5)):
            self.problems.append(f"levels: must define each level 0, 1, 2, 3, 4 exactly once (found {numbers})")
        return tuple(sorted(levels, key=lambda level: level.number if level.number is not None else -1))

    def _areas(self, items: list[tuple[str, dict]], scope_keys: set[str]) -> tuple[AreaSpec, ...]:
        areas = []
        for index_where, item in items:
            self.unknown_keys(item, AREA_KEYS, index_where)
            key = self.key(item, AREA_KEY_PATTERN, index_where, seen={area.key for area in areas})
            where = f"{index_where} ({key})" if key else index_where
            scope = item.get("scope")
            if scope is not None and scope not in scope_keys:
                known = ", ".join(sorted(scope_keys)) or "none are defined"
                self.problems.append(f"{where}: scope {scope!r} is not one of the scopes ({known})")
            areas.append(
                AreaSpec(
                    key=key,
                    name=self.text(item, "name", where),
                    description=self.text(item, "description", where),
                    weight=self.integer(item, "weight", where, minimum=1),
                    counts_toward_level=self.boolean(item, "counts_toward_level", where, default=True),
                    scope=scope if isinstance(scope, str) else None,
                )
            )
        return tuple(areas)

    def _questions(self, items: list[tuple[str, dict]], area_keys: set[str]) -> tuple[QuestionSpec, ...]:
        questions = []
        for index_where, item in items:
            self.unknown_keys(item, QUESTION_KEYS, index_where)
            key = self.key(item, QUESTION_KEY_PATTERN, index_where, seen={question.key for question in questions})
            where = f"{index_where} ({key})" if key else index_where
            area = self.text(item, "area", where)
            if area and area not in area_keys:
                self.problems.append(f"{where}: area {area!r} is not one of the areas ({', '.join(sorted(area_keys))})")
            questions.append(
                QuestionSpec(
                    key=key,
                    area=area,
                    level=self.integer(item, "level", where, minimum=1, maximum=4),
                    statement=self.text(item, "statement", where),
                    guidance=self.text(item, "guidance", where),
                    recommendation=self.text(item, "recommendation", where),
                    weight=self.integer(item, "weight", where, minimum=1),
                    sources=self.identifiers(item, "sources", where, SOURCE_ID_PATTERN),
                    replaces=self.identifiers(item, "replaces", where, QUESTION_KEY_PATTERN),
                )
            )
        return tuple(questions)

    def _every_area_has_questions(self, areas: tuple[AreaSpec, ...], questions: tuple[QuestionSpec, ...]) -> None:
        used = {question.area for question in questions}
        for area in areas:
            if area.key and area.key not in used:
                self.problems.append(f"areas ({area.key}): has no questions")
