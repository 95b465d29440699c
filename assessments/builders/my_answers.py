"""What a respondent's own area page shows beside its questions (which questionnaire.level_groups builds, as for
the workshop): the sticky bar's status, with jumps among the respondent's own pages, and the areas where
required questions are still blank. Adaptive depth is the caller's Provisional of the respondent's answers,
never worked out here."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.urls import reverse

from assessments.builders.questionnaire import AreaStatus, JumpPages, area_status, open_keys_by_area
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
    pages = JumpPages(
        area_url=lambda key: _area_url(assessment_id, key),
        end_url=f"{_area_url(assessment_id, area.key)}#{SUBMIT_ANCHOR}",
    )
    return area_status(areas, rows, now, area, assessment_id=assessment_id, pages=pages)


def blank_areas(
    areas: Sequence[FrameworkArea], rows: list[AnswerRow], now: Provisional, *, assessment_id: int
) -> list[BlankArea]:
    """In framework order, the areas with required questions blank, each linking to the first on its page."""
    open_keys = open_keys_by_area(rows, now)
    found = []
    for area in areas:
        if required := [key for key in open_keys.get(area.key, ()) if key in now.required]:
            found.append(BlankArea(area, len(required), f"{_area_url(assessment_id, area.key)}#q-{required[0]}"))
    return found


def _area_url(assessment_id: int, area_key: str) -> str:
    return reverse("survey_my_area", kwargs={"assessment_id": assessment_id, "area_key": area_key})
