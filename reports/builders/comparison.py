"""Two submitted assessments of a team side by side (pure: answer rows and report content in, dataclasses out).

Questions are matched by key, so assessments on different framework versions compare too: a question of
one version only is shown as such. A is the earlier assessment, B the later one, by convention.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assessments.selectors import AnswerRow

ANSWER_LABELS: dict[int | str | None, str] = {
    0: "Not in place",
    1: "Started",
    2: "Mostly in place",
    3: "Fully in place",
    "na": "Not applicable",
    None: "Unanswered",
}
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
        """"up" or "down" when both answers are values 0..3 and differ."""
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
    *, rows_a: Sequence[AnswerRow], rows_b: Sequence[AnswerRow], content_a: dict, content_b: dict
) -> Comparison:
    """`content_*` is a report's content (empty while the report is not ready: areas are then unknown)."""
    return Comparison(
        overall=_overall(content_a.get("overall") or {}, content_b.get("overall") or {}),
        areas=_areas(content_a.get("areas", []), content_b.get("areas", [])),
        questions=_questions(rows_a, rows_b),
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


def _questions(rows_a: Sequence[AnswerRow], rows_b: Sequence[AnswerRow]) -> list[QuestionChange]:
    by_key_a = {row.question.key: row for row in rows_a}
    by_key_b = {row.question.key: row for row in rows_b}
    changes = []
    for key in merged_order(by_key_a, by_key_b):
        a, b = by_key_a.get(key), by_key_b.get(key)
        question = (b or a).question
        changes.append(
            QuestionChange(
                key=key,
                area_key=question.area.key,
                area_name=question.area.name,
                level=question.level,
                statement=question.statement,
                in_a=a is not None,
                in_b=b is not None,
                value_a=a.value if a else None,
                value_b=b.value if b else None,
            )
        )
    return changes


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
