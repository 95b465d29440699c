"""How the questions of two versions of a framework relate (design section 1, `replaces`), and what changed.

Pure: both are computed from plain question records, so the loader's check, the carry-over of answers,
comparisons across versions and `manage.py framework_diff` share one reading of the mapping.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise


@dataclass(frozen=True)
class QuestionRecord:
    key: str
    area: str
    level: int
    statement: str
    weight: int
    replaces: tuple[str, ...] = ()
    guidance: str = ""


@dataclass(frozen=True)
class VersionMapping:
    """Which questions of the older version each question of the newer one continues.

    A newer question continues the keys it `replaces` and, by itself, an older question of the same key.
    """

    predecessors: dict[str, tuple[str, ...]]  # newer key -> older keys, for every newer question
    successors: dict[str, tuple[str, ...]]  # older key -> newer keys, for every older question

    @cached_property
    def one_to_one(self) -> dict[str, str]:
        """Newer key -> the one older key it continues, where neither side merges or splits: the answers
        that carry over as they are."""
        return {
            new: old[0] for new, old in self.predecessors.items() if len(old) == 1 and len(self.successors[old[0]]) == 1
        }

    def earlier_keys(self, new_key: str) -> tuple[str, ...]:
        """The older questions whose answers inform `new_key` without carrying over: it merges them, or
        it is one part of a split. Empty when its answer carries over as it is, or it is new."""
        return () if new_key in self.one_to_one else self.predecessors.get(new_key, ())


def version_mapping(older: Iterable[QuestionRecord], newer: Iterable[QuestionRecord]) -> VersionMapping:
    older_keys = [question.key for question in older]
    known = set(older_keys)
    predecessors = {
        question.key: tuple(dict.fromkeys(((question.key,) if question.key in known else ()) + question.replaces))
        for question in newer
    }
    successors: dict[str, list[str]] = {key: [] for key in older_keys}
    for new_key, old_keys in predecessors.items():
        for old_key in old_keys:
            successors.setdefault(old_key, []).append(new_key)
    return VersionMapping(predecessors, {key: tuple(keys) for key, keys in successors.items()})


def identity_mapping(questions: Iterable[QuestionRecord]) -> VersionMapping:
    """A version continues itself, question by question: its `replaces` name keys of the version before it,
    so they have no say here."""
    keys = {question.key: (question.key,) for question in questions}
    return VersionMapping(keys, dict(keys))


def composed_mapping(versions: Sequence[Sequence[QuestionRecord]]) -> VersionMapping:
    """The mapping from the first to the last of consecutive versions (oldest first), through those between:
    a question continues what the questions it continues continued. One version maps to itself."""
    if not versions:
        return VersionMapping({}, {})
    mapping = identity_mapping(versions[0])
    for older, newer in pairwise(versions):
        step = version_mapping(older, newer)
        predecessors = {
            new_key: tuple(dict.fromkeys(first for middle in middles for first in mapping.predecessors.get(middle, ())))
            for new_key, middles in step.predecessors.items()
        }
        successors: dict[str, list[str]] = {key: [] for key in mapping.successors}
        for new_key, old_keys in predecessors.items():
            for old_key in old_keys:
                successors[old_key].append(new_key)
        mapping = VersionMapping(predecessors, {key: tuple(keys) for key, keys in successors.items()})
    return mapping


@dataclass(frozen=True)
class Continued:
    """A newer question that continues exactly one older one: what changed between them."""

    older: QuestionRecord
    newer: QuestionRecord

    @property
    def changes(self) -> list[str]:
        older, newer = self.older, self.newer
        changes = [f"key was {older.key}"] if older.key != newer.key else []
        changes += [f"area {older.area} -> {newer.area}"] if older.area != newer.area else []
        changes += [f"level {older.level} -> {newer.level}"] if older.level != newer.level else []
        changes += [f"weight {older.weight} -> {newer.weight}"] if older.weight != newer.weight else []
        changes += ["reworded"] if older.statement != newer.statement else []
        changes += ["guidance revised"] if older.guidance != newer.guidance else []
        return changes


@dataclass(frozen=True)
class FrameworkDiff:
    added: list[QuestionRecord]
    removed: list[QuestionRecord]
    split: list[tuple[QuestionRecord, list[QuestionRecord]]]  # an older question and the newer ones it became
    merged: list[tuple[list[QuestionRecord], QuestionRecord]]  # older questions and the newer one they became
    changed: list[Continued]  # one to one, with a difference
    unchanged: list[Continued]


def framework_diff(
    older: Sequence[QuestionRecord], newer: Sequence[QuestionRecord], mapping: VersionMapping | None = None
) -> FrameworkDiff:
    """`mapping`: how `newer` continues `older`, when versions lie between them (by default read from
    `newer`'s `replaces`, which name the version just before it)."""
    mapping = mapping or version_mapping(older, newer)
    old_by_key = {question.key: question for question in older}
    new_by_key = {question.key: question for question in newer}
    continued = [Continued(old_by_key[mapping.one_to_one[q.key]], q) for q in newer if q.key in mapping.one_to_one]
    return FrameworkDiff(
        added=[question for question in newer if not mapping.predecessors[question.key]],
        removed=[question for question in older if not mapping.successors[question.key]],
        split=[
            (question, [new_by_key[key] for key in mapping.successors[question.key]])
            for question in older
            if len(mapping.successors[question.key]) > 1
        ],
        merged=[
            ([old_by_key[key] for key in mapping.predecessors[question.key]], question)
            for question in newer
            if len(mapping.predecessors[question.key]) > 1
        ],
        changed=[pair for pair in continued if pair.changes],
        unchanged=[pair for pair in continued if not pair.changes],
    )
