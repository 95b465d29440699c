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

from maturity.framework_file import SOURCE_ID_PATTERN, DocumentChecker, DocumentError, document_text, yaml_document

CATALOGUE_PATH = Path(__file__).resolve().parent / "frameworks" / "sources.yaml"
PUBLICATION_KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*$")
TOP_LEVEL_KEYS = ("publications", "sources")
PUBLICATION_KEYS = ("key", "title", "url", "cited_at_level")
SOURCE_KEYS = ("id", "publication", "level", "section", "description", "url")


class CatalogueFileError(DocumentError):
    pass


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
    return parse_catalogue(document_text(path, CatalogueFileError), source=str(path))


def parse_catalogue(text: str, *, source: str = "<catalogue>") -> CatalogueSpec:
    document = yaml_document(text, source=source, error_class=CatalogueFileError)
    if not isinstance(document, dict):
        raise CatalogueFileError(source, ["the file must be a mapping with keys: " + ", ".join(TOP_LEVEL_KEYS)])
    checker = _CatalogueChecker()
    catalogue = checker.catalogue(document)
    if checker.problems:
        raise CatalogueFileError(source, checker.problems)
    return catalogue


class _CatalogueChecker(DocumentChecker):
    def catalogue(self, document: dict) -> CatalogueSpec:
        self.unknown_keys(document, TOP_LEVEL_KEYS, "top level")
        publications = self._publications(self.items(document, "publications"))
        sources = self._sources(self.items(document, "sources"), {p.key: p for p in publications})
        return CatalogueSpec(publications=publications, sources=sources)

    def _publications(self, items: list[tuple[str, dict]]) -> tuple[PublicationSpec, ...]:
        publications: list[PublicationSpec] = []
        for where, item in items:
            self.unknown_keys(item, PUBLICATION_KEYS, where)
            key = self.key(item, PUBLICATION_KEY_PATTERN, where, seen={p.key for p in publications})
            publications.append(
                PublicationSpec(
                    key=key,
                    title=self.text(item, "title", where),
                    url=self._link(item, where) or "",
                    cited_at_level=self.boolean(item, "cited_at_level", where, default=False),
                )
            )
        return tuple(publications)

    def _sources(
        self, items: list[tuple[str, dict]], publications: dict[str, PublicationSpec]
    ) -> tuple[SourceSpec, ...]:
        sources: list[SourceSpec] = []
        for index_where, item in items:
            self.unknown_keys(item, SOURCE_KEYS, index_where)
            source_id = self.text(item, "id", index_where)
            where = f"{index_where} ({source_id})" if source_id else index_where
            if source_id and not SOURCE_ID_PATTERN.match(source_id):
                self.problems.append(f"{where}: id does not match {SOURCE_ID_PATTERN.pattern}")
            if source_id in {source.id for source in sources}:
                self.problems.append(f"{where}: id is used twice")
            publication = publications.get(self.text(item, "publication", where))
            if publication is None and item.get("publication"):
                self.problems.append(f"{where}: publication {item['publication']!r} is not one of the publications")
            level = self.integer(item, "level", where, minimum=0, maximum=4) if "level" in item else None
            if publication and publication.cited_at_level and "level" not in item:
                self.problems.append(f"{where}: a criterion of {publication.key} needs its level")
            sources.append(
                SourceSpec(
                    id=source_id,
                    publication=publication.key if publication else "",
                    level=level,
                    section=self.text(item, "section", where),
                    description=self.text(item, "description", where),
                    url=self._link(item, where, required=False) or (publication.url if publication else ""),
                )
            )
        return tuple(sources)

    def _link(self, item: dict, where: str, *, required: bool = True) -> str | None:
        value: Any = item.get("url")
        if value is None and not required:
            return None
        parts = urlsplit(value) if isinstance(value, str) else None
        if parts is None or parts.scheme != "https" or not parts.netloc:
            self.problems.append(f"{where}: url must be an https:// link (got {value!r})")
            return None
        return value
