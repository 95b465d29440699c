"""What a respondent's own area page shows beside its questions (which questionnaire.level_groups builds, as for
the workshop): the sticky bar's status, with jumps among the respondent's own pages, and the areas where
required questions are still blank. Adaptive depth is the caller's Provisional of the respondent's answers,
never worked out here."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from django.urls import reverse

from assessments.builders.questionnaire import AreaStatus, Jump, area_status
from assessments.selectors.answers import AnswerRow, Provisional
from maturity.selectors import FrameworkArea

SUBMIT_ANCHOR = "my-submit"  # the id of the submission's box at the foot of every area page


@dataclass(frozen=True)
class BlankArea:
    """An area whose required questions are not all answered, and a link to the first of them."""

    area: FrameworkArea
    count: int
    url: str


def my_area_status(
    areas: Sequence[FrameworkArea], rows: list[AnswerRow], now: Provisional, area: FrameworkArea, *, assessment_id: int
) -> AreaStatus:
    """The workshop's bar (assessments/_area_status.html) on the respondent's page of `area`: its jumps lead to
    the respondent's other area pages and, past the last question wanted, to the submission's box."""
    open_keys = _open_keys_by_area(rows, now)

    def beyond(wanted: Callable[[str], bool]) -> Jump:
        return _jump_beyond(assessment_id, areas, area.key, open_keys, wanted)

    workshop = area_status(areas, rows, now, area, assessment_id=assessment_id)
    return replace(
        workshop,
        unanswered_beyond=beyond(lambda key: True),
        required_beyond=beyond(lambda key: key in now.required),
    )


def blank_areas(
    areas: Sequence[FrameworkArea], rows: list[AnswerRow], now: Provisional, *, assessment_id: int
) -> list[BlankArea]:
    """In framework order, the areas with required questions blank, each linking to the first on its page."""
    open_keys = _open_keys_by_area(rows, now)
    found = []
    for area in areas:
        if required := [key for key in open_keys.get(area.key, ()) if key in now.required]:
            found.append(BlankArea(area, len(required), f"{_area_url(assessment_id, area.key)}#q-{required[0]}"))
    return found


def _open_keys_by_area(rows: list[AnswerRow], now: Provisional) -> dict[str, list[str]]:
    """Area key -> its unanswered questions in the order its page shows them; areas out of scope ask nothing."""
    by_area: dict[str, list[str]] = {}
    for row in sorted(rows, key=lambda row: (row.question.level, row.question.position)):
        if row.value is None and row.question.area.key not in now.out_of_scope:
            by_area.setdefault(row.question.area.key, []).append(row.question.key)
    return by_area


def _jump_beyond(
    assessment_id: int,
    areas: Sequence[FrameworkArea],
    here: str,
    open_keys: dict[str, list[str]],
    wanted: Callable[[str], bool],
) -> Jump:
    """The first wanted question in the areas after `here` (round to those before it), else the submission."""
    index = next(i for i, area in enumerate(areas) if area.key == here)
    for other in [*areas[index + 1 :], *areas[:index]]:
        for key in open_keys.get(other.key, ()):
            if wanted(key):
                return Jump(f"{_area_url(assessment_id, other.key)}#q-{key}", other)
    return Jump(f"{_area_url(assessment_id, here)}#{SUBMIT_ANCHOR}", None)


def _area_url(assessment_id: int, area_key: str) -> str:
    return reverse("survey_my_area", kwargs={"assessment_id": assessment_id, "area_key": area_key})
