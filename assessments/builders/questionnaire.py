"""What an area page of the questionnaire shows: its questions grouped by level, the nav of all areas with their
progress, and the sticky bar's status and jumps. Built from answer rows and the provisional result."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.urls import reverse

from assessments.models import AnswerScale, Evidence
from assessments.selectors.answers import AnswerRow, Progress, Provisional, progress_by_area
from maturity.selectors import FrameworkArea


@dataclass(frozen=True)
class Posted:
    """What the user sent for one question, shown again with the errors when it was not saved."""

    question: str
    value: str
    comment: str
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EarlierAnswer:
    """An answer, in the assessment this one was started from, to a question of an earlier version that
    this question merges or splits."""

    statement: str
    label: str
    comment: str


@dataclass(frozen=True)
class QuestionItem:
    row: AnswerRow
    value: str  # the radio value to check: "0".."3", "na", "unknown" or ""
    comment: str
    errors: list[str]
    optional: bool  # unanswered, and not required yet: answered, it can only raise the result (adaptive depth)
    earlier: tuple[EarlierAnswer, ...]
    evidence: tuple[Evidence, ...]  # each marked `expired` (assessments.evidence)
    review_comment: str  # what the reviewer who returned the assessment asked of this question ("" nothing)

    @property
    def answer_label(self) -> str:
        return _label(self.value)


@dataclass(frozen=True)
class LevelGroup:
    number: int
    name: str
    questions: tuple[QuestionItem, ...]


@dataclass(frozen=True)
class AreaNavItem:
    area: FrameworkArea
    progress: Progress
    level: int | None  # provisional, from the answers so far
    required_left: int  # unanswered questions that can still change the result
    out_of_scope: bool  # its scope was answered no


@dataclass(frozen=True)
class Jump:
    url: str
    area: FrameworkArea | None  # the area it opens; None: the review, as no other area has such a question


@dataclass(frozen=True)
class AreaStatus:
    """What the area page's sticky bar shows and its jumps need; sent again after every autosave."""

    area: FrameworkArea
    level: int | None  # provisional
    unanswered: list[str]  # keys of this area's unanswered questions, in page order (none when out of scope)
    required: list[str]  # those of them that must be answered before submitting
    unanswered_beyond: Jump  # where "next unanswered" goes once this page has none left
    required_beyond: Jump
    answered: int  # this area's answered questions (none: it shows no level yet)
    # Every question of this area in page order -> whether its card says "Optional for now" (is_optional)
    optional: dict[str, bool]


@dataclass(frozen=True)
class JumpPages:
    """Where a bar's jumps lead: the page of an area (by its key), and the page past the last question wanted
    (the workshop's review, a respondent's submission box)."""

    area_url: Callable[[str], str]
    end_url: str


def nav_items(
    areas: Sequence[FrameworkArea], rows: list[AnswerRow], now: Provisional, *, only: str | None = None
) -> list[AreaNavItem]:
    """Every area of the framework (or `only` that one) with its progress, provisional level and what is
    still required."""
    progress = progress_by_area(rows=rows, now=now)
    required_by_area: dict[str, int] = {}
    for row in rows:
        if row.question.key in now.required:
            required_by_area[row.question.area.key] = required_by_area.get(row.question.area.key, 0) + 1
    return [
        AreaNavItem(
            area,
            progress.get(area.key, Progress(0, 0)),
            now.levels.get(area.key),
            required_by_area.get(area.key, 0),
            area.key in now.out_of_scope,
        )
        for area in areas
        if only is None or area.key == only
    ]


def area_status(
    areas: Sequence[FrameworkArea],
    rows: list[AnswerRow],
    now: Provisional,
    area: FrameworkArea,
    *,
    assessment_id: int,
    pages: JumpPages | None = None,
) -> AreaStatus:
    """`area`'s status among the framework's `areas`; its jumps lead to `pages`, by default the workshop's pages
    of the assessment `assessment_id`."""
    pages = pages or workshop_pages(assessment_id)
    by_area = open_keys_by_area(rows, now)
    unanswered = by_area.get(area.key, [])
    area_rows = sorted((row for row in rows if row.question.area.key == area.key), key=_page_order)
    return AreaStatus(
        area=area,
        level=now.levels.get(area.key),
        unanswered=unanswered,
        required=[key for key in unanswered if key in now.required],
        unanswered_beyond=_jump_beyond(pages, areas, area.key, by_area, lambda key: True),
        required_beyond=_jump_beyond(pages, areas, area.key, by_area, lambda key: key in now.required),
        answered=sum(row.value is not None for row in area_rows),
        optional={row.question.key: is_optional(row, now.required) for row in area_rows},
    )


def is_optional(row: AnswerRow, required: Sequence[str]) -> bool:
    """Unanswered and not required yet (adaptive depth): answered, it can only raise the result."""
    return row.value is None and row.question.key not in required


def level_groups(
    level_names: dict[int, str],
    rows: list[AnswerRow],
    *,
    posted: Posted | None,
    required: tuple[str, ...],
    earlier: dict[str, list[AnswerRow]],
    evidence: dict[int, list[Evidence]],
    review_comments: dict[str, str],
) -> list[LevelGroup]:
    """An area's questions (`rows`) by level, lowest first, in page order. `earlier` by question key,
    `evidence` by question id, `review_comments` by question key; `posted` replaces its question's answer."""
    items_by_level: dict[int, list[QuestionItem]] = {}
    for row in sorted(rows, key=_page_order):
        item = question_item(
            row,
            posted=posted,
            optional=is_optional(row, required),
            earlier=earlier.get(row.question.key, ()),
            evidence=evidence.get(row.question.pk, ()),
            review_comment=review_comments.get(row.question.key, ""),
        )
        items_by_level.setdefault(row.question.level, []).append(item)
    return [LevelGroup(number, level_names.get(number, ""), tuple(items)) for number, items in items_by_level.items()]


def question_item(
    row: AnswerRow,
    *,
    posted: Posted | None,
    optional: bool,
    earlier: Sequence[AnswerRow],
    evidence: Sequence[Evidence],
    review_comment: str,
) -> QuestionItem:
    """One question with its answer, or with what was `posted` for it and the errors when that was not saved."""
    if posted is not None and posted.question == row.question.key:
        value, comment, errors = posted.value, posted.comment, posted.errors
    else:
        value, comment, errors = "" if row.value is None else str(row.value), row.comment, []
    return QuestionItem(
        row=row,
        value=value,
        comment=comment,
        errors=errors,
        optional=optional,
        earlier=tuple(_earlier_answer(old) for old in earlier),
        evidence=tuple(evidence),
        review_comment=review_comment,
    )


def _page_order(row: AnswerRow) -> tuple[int, int]:
    return row.question.level, row.question.position


def open_keys_by_area(rows: list[AnswerRow], now: Provisional) -> dict[str, list[str]]:
    """Area key -> its unanswered questions in the order its page shows them; areas out of scope ask nothing."""
    by_area: dict[str, list[str]] = {}
    for row in sorted(rows, key=_page_order):
        if row.value is None and row.question.area.key not in now.out_of_scope:
            by_area.setdefault(row.question.area.key, []).append(row.question.key)
    return by_area


def workshop_pages(assessment_id: int) -> JumpPages:
    return JumpPages(
        area_url=lambda key: reverse("assessment_area", kwargs={"assessment_id": assessment_id, "area_key": key}),
        end_url=reverse("assessment_review", kwargs={"assessment_id": assessment_id}),
    )


def _jump_beyond(
    pages: JumpPages,
    areas: Sequence[FrameworkArea],
    area_key: str,
    by_area: dict[str, list[str]],
    wanted: Callable[[str], bool],
) -> Jump:
    """The first wanted question in the areas after this one (round to those before it), else the end page."""
    here = next(index for index, area in enumerate(areas) if area.key == area_key)
    for other in [*areas[here + 1 :], *areas[:here]]:
        for question_key in by_area.get(other.key, ()):
            if wanted(question_key):
                return Jump(f"{pages.area_url(other.key)}#q-{question_key}", other)
    return Jump(pages.end_url, None)


def _earlier_answer(row: AnswerRow) -> EarlierAnswer:
    return EarlierAnswer(row.question.statement, _label("" if row.value is None else str(row.value)), row.comment)


def _label(value: str) -> str:
    """The answer scale's label of a radio value ("" or anything else: not answered)."""
    return AnswerScale(value).label if value in AnswerScale.values else "Not answered"
