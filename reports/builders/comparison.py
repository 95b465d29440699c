"""Two submitted assessments of a team side by side (pure: answer rows and report content in, dataclasses out).

Assessments on two versions of a framework compare too: questions pair through the versions' mapping
(design section 1, `replaces`). A question that continues one question of the other version one to one
is one row; one that merges or splits questions of the other version shows their answers beside it; a
question of one version only is shown as such. A is the earlier assessment, B the later one, by convention.
"""

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from assessments.models import AnswerScale
from assessments.selectors.answers import AnswerRow

ANSWER_LABELS: dict[int | str | None, str] = {**AnswerScale.labels_by_value(), None: "Unanswered"}
NOT_IN_VERSION = "Not in this framework version"


@dataclass(frozen=True)
class ScoreChange:
    """A difference between two scores, with what to show and what to say about it."""

    value: float

    @property
    def direction(self) -> str:
        return "up" if self.value > 0 else "down" if self.value < 0 else "same"

    @property
    def arrow(self) -> str:
        return {"up": "▲", "down": "▼", "same": "="}[self.direction]

    @property
    def text(self) -> str:
        return f"{self.value:+.2f}" if self.value else "0.00"

    @property
    def description(self) -> str:
        amount = f"{abs(self.value):.2f}"
        return {"up": f"Up {amount}", "down": f"Down {amount}", "same": "No change"}[self.direction]


def score_change(before: float | None, after: float | None) -> ScoreChange | None:
    return None if before is None or after is None else ScoreChange(round(after - before, 2))


@dataclass(frozen=True)
class AreaChange:
    key: str
    name: str
    level_a: int | None
    score_a: float | None
    level_b: int | None
    score_b: float | None

    @property
    def change(self) -> ScoreChange | None:
        return score_change(self.score_a, self.score_b)

    @property
    def changed(self) -> bool:
        return (self.level_a, self.score_a) != (self.level_b, self.score_b)


@dataclass(frozen=True)
class QuestionChange:
    key: str
    area_key: str
    area_name: str
    level: int
    statement: str
    in_a: bool
    in_b: bool
    value_a: int | str | None = None
    value_b: int | str | None = None
    key_a: str | None = None  # A's key, when A's question continues under another key
    related_a: tuple[tuple[str, str], ...] = ()  # (statement, answer label) of A's questions it merges or splits

    @property
    def label_a(self) -> str:
        return ANSWER_LABELS[self.value_a] if self.in_a else NOT_IN_VERSION

    @property
    def label_b(self) -> str:
        return ANSWER_LABELS[self.value_b] if self.in_b else NOT_IN_VERSION

    @property
    def changed(self) -> bool:
        return not (self.in_a and self.in_b) or self.value_a != self.value_b

    @property
    def direction(self) -> str | None:
        """ "up" or "down" when both answers are values 0..3 and differ."""
        if not (isinstance(self.value_a, int) and isinstance(self.value_b, int)) or self.value_a == self.value_b:
            return None
        return "up" if self.value_b > self.value_a else "down"


@dataclass(frozen=True)
class QuestionGroup:
    area_key: str
    area_name: str
    questions: list[QuestionChange]


@dataclass(frozen=True)
class Comparison:
    overall: AreaChange
    areas: list[AreaChange]
    questions: list[QuestionChange]

    @property
    def changed_count(self) -> int:
        return sum(question.changed for question in self.questions)

    def groups(self, *, only_changed: bool = False) -> list[QuestionGroup]:
        """Questions by area, in order; with `only_changed`, unchanged questions and empty areas are left out."""
        groups: dict[str, QuestionGroup] = {}
        for question in self.questions:
            if only_changed and not question.changed:
                continue
            group = groups.setdefault(question.area_key, QuestionGroup(question.area_key, question.area_name, []))
            group.questions.append(question)
        return list(groups.values())


def compare_assessments(
    *,
    rows_a: Sequence[AnswerRow],
    rows_b: Sequence[AnswerRow],
    content_a: dict,
    content_b: dict,
    counterparts: Mapping[str, Sequence[str]] | None = None,
) -> Comparison:
    """`content_*` is a report's content (empty while the report is not ready: areas are then unknown).
    `counterparts`: B's question key -> the keys of A's questions it continues (maturity.versions), when
    the two are on different versions; on one version, questions pair by key."""
    return Comparison(
        overall=_overall(content_a.get("overall") or {}, content_b.get("overall") or {}),
        areas=_areas(content_a.get("areas", []), content_b.get("areas", [])),
        questions=_questions(rows_a, rows_b, counterparts),
    )


def _overall(a: dict, b: dict) -> AreaChange:
    return AreaChange("overall", "Overall", a.get("level"), a.get("score"), b.get("level"), b.get("score"))


def _areas(areas_a: list[dict], areas_b: list[dict]) -> list[AreaChange]:
    by_key_a = {area["key"]: area for area in areas_a}
    by_key_b = {area["key"]: area for area in areas_b}
    changes = []
    for key in merged_order([area["key"] for area in areas_a], [area["key"] for area in areas_b]):
        a, b = by_key_a.get(key, {}), by_key_b.get(key, {})
        name = b.get("name") or a.get("name") or key
        changes.append(AreaChange(key, name, a.get("level"), a.get("score"), b.get("level"), b.get("score")))
    return changes


def _questions(
    rows_a: Sequence[AnswerRow], rows_b: Sequence[AnswerRow], counterparts: Mapping[str, Sequence[str]] | None
) -> list[QuestionChange]:
    by_key_a = {row.question.key: row for row in rows_a}
    by_key_b = {row.question.key: row for row in rows_b}
    if counterparts is None:
        counterparts = {key: (key,) if key in by_key_a else () for key in by_key_b}
    linked = {key: [a for a in counterparts.get(key, ()) if a in by_key_a] for key in by_key_b}
    uses = Counter(a for keys in linked.values() for a in keys)
    pair_of = {keys[0]: key for key, keys in linked.items() if len(keys) == 1 and uses[keys[0]] == 1}
    changes = {}
    for key, b in by_key_b.items():
        a_keys = linked[key]
        if a_keys and a_keys[0] in pair_of:
            changes[key] = _change(b.question, by_key_a[a_keys[0]], b, key_a=a_keys[0] if a_keys[0] != key else None)
        else:
            related = tuple((by_key_a[a].question.statement, ANSWER_LABELS[by_key_a[a].value]) for a in a_keys)
            changes[key] = _change(b.question, None, b, related_a=related)
    only_in_a = {key: _change(a.question, a, None) for key, a in by_key_a.items() if not uses[key]}
    order_a = [pair_of.get(key, key) for key in by_key_a if key in pair_of or key in only_in_a]
    return [changes.get(key) or only_in_a[key] for key in merged_order(order_a, by_key_b)]


def _change(question, a: AnswerRow | None, b: AnswerRow | None, **extra) -> QuestionChange:
    return QuestionChange(
        key=question.key,
        area_key=question.area.key,
        area_name=question.area.name,
        level=question.level,
        statement=question.statement,
        in_a=a is not None,
        in_b=b is not None,
        value_a=a.value if a else None,
        value_b=b.value if b else None,
        **extra,
    )


def merged_order(keys_a: Iterable[str], keys_b: Iterable[str]) -> list[str]:
    """B's order, with each key found only in A placed right after the key it follows in A."""
    merged = list(dict.fromkeys(keys_b))
    present = set(merged)
    previous: str | None = None
    for key in keys_a:
        if key not in present:
            merged.insert(merged.index(previous) + 1 if previous is not None else 0, key)
            present.add(key)
        previous = key
    return merged
