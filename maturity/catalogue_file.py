"""Reading and validating the catalogue of sources (design section 1, `sources`), without the database.

The catalogue lists the published criteria a question can cite: each with a stable id, the publication
it comes from, the level or section there, a description in our own words and a link. Like a framework
file, every problem is reported at once, with its location.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from maturity.framework_file import SOURCE_ID_PATTERN

CATALOGUE_PATH = Path(__file__).resolve().parent / "frameworks" / "sources.yaml"
PUBLICATION_KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*$")
TOP_LEVEL_KEYS = ("publications", "sources")
PUBLICATION_KEYS = ("key", "title", "url", "cited_at_level")
SOURCE_KEYS = ("id", "publication", "level", "section", "description", "url")


class CatalogueFileError(Exception):
    def __init__(self, source: str, problems: list[str]) -> None:
        self.problems = problems
        listing = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"{source}: {len(problems)} problem(s), nothing was loaded:\n{listing}")


@dataclass(frozen=True)
class PublicationSpec:
    key: str
    title: str
    url: str
    cited_at_level: bool = False  # each of its criteria must be cited by a question at the criterion's level


@dataclass(frozen=True)
class SourceSpec:
    id: str
    publication: str
    level: int | None
    section: str
    description: str
    url: str  # its own link, or the publication's


@dataclass(frozen=True)
class CatalogueSpec:
    publications: tuple[PublicationSpec, ...]
    sources: tuple[SourceSpec, ...]

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(source.id for source in self.sources)


def read_catalogue_file(path: Path = CATALOGUE_PATH) -> CatalogueSpec:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogueFileError(str(path), [f"cannot read the file: {error}"]) from None
    return parse_catalogue(text, source=str(path))


def parse_catalogue(text: str, *, source: str = "<catalogue>") -> CatalogueSpec:
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise CatalogueFileError(source, [f"not valid YAML: {error}"]) from None
    problems: list[str] = []
    if not isinstance(document, dict):
        raise CatalogueFileError(source, ["the file must be a mapping with keys: " + ", ".join(TOP_LEVEL_KEYS)])
    _unknown_keys(document, TOP_LEVEL_KEYS, "top level", problems)
    publications = _publications(_items(document, "publications", problems), problems)
    by_key = {publication.key: publication for publication in publications}
    sources = _sources(_items(document, "sources", problems), by_key, problems)
    if problems:
        raise CatalogueFileError(source, problems)
    return CatalogueSpec(publications=publications, sources=sources)


def _publications(items: list[tuple[str, dict]], problems: list[str]) -> tuple[PublicationSpec, ...]:
    publications: list[PublicationSpec] = []
    for where, item in items:
        _unknown_keys(item, PUBLICATION_KEYS, where, problems)
        key = _text(item, "key", where, problems)
        if key and not PUBLICATION_KEY_PATTERN.match(key):
            problems.append(f"{where}: key {key!r} does not match {PUBLICATION_KEY_PATTERN.pattern}")
        if key in {publication.key for publication in publications}:
            problems.append(f"{where}: key {key!r} is used twice")
        cited_at_level = item.get("cited_at_level", False)
        if not isinstance(cited_at_level, bool):
            problems.append(f"{where}: cited_at_level must be true or false (got {cited_at_level!r})")
        publications.append(
            PublicationSpec(
                key, _text(item, "title", where, problems), _link(item, where, problems) or "", cited_at_level is True
            )
        )
    return tuple(publications)


def _sources(
    items: list[tuple[str, dict]], publications: dict[str, PublicationSpec], problems: list[str]
) -> tuple[SourceSpec, ...]:
    sources: list[SourceSpec] = []
    seen: set[str] = set()
    for index_where, item in items:
        _unknown_keys(item, SOURCE_KEYS, index_where, problems)
        source_id = _text(item, "id", index_where, problems)
        where = f"{index_where} ({source_id})" if source_id else index_where
        if source_id and not SOURCE_ID_PATTERN.match(source_id):
            problems.append(f"{where}: id does not match {SOURCE_ID_PATTERN.pattern}")
        if source_id in seen:
            problems.append(f"{where}: id is used twice")
        seen.add(source_id)
        publication = publications.get(_text(item, "publication", where, problems))
        if publication is None and item.get("publication"):
            problems.append(f"{where}: publication {item['publication']!r} is not one of the publications")
        level = item.get("level")
        if level is not None and (not isinstance(level, int) or isinstance(level, bool) or not 0 <= level <= 4):
            problems.append(f"{where}: level must be an integer from 0 to 4 (got {level!r})")
            level = None
        if publication and publication.cited_at_level and level is None:
            problems.append(f"{where}: a criterion of {publication.key} needs its level")
        sources.append(
            SourceSpec(
                id=source_id,
                publication=publication.key if publication else "",
                level=level,
                section=_text(item, "section", where, problems),
                description=_text(item, "description", where, problems),
                url=_link(item, where, problems, required=False) or (publication.url if publication else ""),
            )
        )
    return tuple(sources)


def _items(document: dict, name: str, problems: list[str]) -> list[tuple[str, dict]]:
    value = document.get(name)
    if not isinstance(value, list) or not value:
        problems.append(f"{name}: must be a non-empty list")
        return []
    items = []
    for index, item in enumerate(value):
        if isinstance(item, dict):
            items.append((f"{name}[{index}]", item))
        else:
            problems.append(f"{name}[{index}]: must be a mapping")
    return items


def _unknown_keys(item: dict, allowed: tuple[str, ...], where: str, problems: list[str]) -> None:
    unknown = sorted(str(key) for key in item if key not in allowed)
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(allowed)}")


def _text(item: dict, name: str, where: str, problems: list[str]) -> str:
    value = item.get(name)
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: {name} must be non-empty text")
        return ""
    return value.strip()


def _link(item: dict, where: str, problems: list[str], *, required: bool = True) -> str | None:
    value: Any = item.get("url")
    if value is None and not required:
        return None
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme != "https" or not parts.netloc:
        problems.append(f"{where}: url must be an https:// link (got {value!r})")
        return None
    return value
