"""The sample report that the landing page shows a prospect: a fictional team, answered from the framework
new assessments use, and computed by the same builders as every report (pure: no database row, nothing of any
customer).

The team's answers follow a capability per area, as the demo data does (`seed_demo`): capability c answers a
level-L practice at about (c - L + 1) * 1.5, so c = 2.0 sits at level 2, with a fixed per-question jitter, so
that the sample reads like a real, uneven team and stays the same from one visit to the next.
"""

import random
import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from assessments.models import Assessment
from maturity.scoring import FrameworkDef, QuestionDef, score_assessment
from reports.builders.content import FrameworkText, rounded
from reports.builders.report import compute_content_and_figures
from reports.selectors.report import HistoryPoint, ReportInputs

ORGANIZATION = "Northwind Payments"
TEAM = "Card fraud scoring"
SYSTEMS = "The card fraud scoring model and the feature pipeline that feeds it"
# The scopes the team answers yes (every other no): it serves customers in the EU, and builds nothing on
# generative models.
SCOPES_ANSWERED_YES = frozenset({"eu_market"})
# Area key -> capability today; areas not named (a later version's new ones) take the default.
CAPABILITY = {
    "default": 1.9,
    "data": 2.6,
    "experiments": 2.4,
    "training": 2.2,
    "testing": 1.8,
    "deployment": 2.3,
    "monitoring": 1.3,
    "governance": 1.7,
    "security": 1.5,
    "cost": 1.2,
    "eu_ai_act": 1.4,
}
# Area key -> how much the capability grew in each half year before today.
GROWTH = {"default": 0.3, "deployment": 0.5, "monitoring": 0.1, "cost": 0.05}
EARLIER_ASSESSMENTS = 2  # half a year apart, before today's
HALF_YEAR = timedelta(days=182)
TARGETS = {"data": 3, "training": 3, "deployment": 3, "monitoring": 2}
# The organisation's other teams, as capability offsets from this one: the radar's "other teams (median)".
OTHER_TEAMS = (-0.8, -0.4, 0.0, 0.3)


@dataclass(frozen=True)
class SampleReport:
    organization: str
    team: str
    systems_covered: str
    submitted_at: datetime
    content: dict
    figures: dict


def sample_report(*, definition: FrameworkDef, text: FrameworkText, today: date) -> SampleReport:
    submitted_at = datetime.combine(today - timedelta(days=7), time(15))
    answers = _answers(definition, shift=0.0)
    history = _history(definition, submitted_at)
    inputs = ReportInputs(
        # Never saved: the report builders read its mode, systems and date.
        assessment=Assessment(mode=Assessment.Mode.WORKSHOP, systems_covered=SYSTEMS, submitted_at=submitted_at),
        definition=definition,
        text=text,
        answers=answers,
        comments={},
        targets={key: level for key, level in TARGETS.items() if key in text.area_names},
        scope=_scope(definition),
        previous_scores=history[-1].scores,
        others_median=_others_median(definition),
        history=history,
        judged_on=submitted_at.date(),
    )
    content, figures = compute_content_and_figures(inputs)
    return SampleReport(ORGANIZATION, TEAM, SYSTEMS, submitted_at, content, figures)


def _scope(definition: FrameworkDef) -> dict[str, bool]:
    return {area.scope: area.scope in SCOPES_ANSWERED_YES for area in definition.areas if area.scope}


def _answers(definition: FrameworkDef, *, shift: float, growth_steps: int = 0) -> dict[str, int]:
    """The team's answers `growth_steps` half years ago, its capability moved by `shift` (another team)."""
    return {question.key: _value(question, shift, growth_steps) for question in definition.questions}


def _value(question: QuestionDef, shift: float, growth_steps: int) -> int:
    capability = CAPABILITY.get(question.area, CAPABILITY["default"]) + shift
    capability -= GROWTH.get(question.area, GROWTH["default"]) * growth_steps
    raw = (capability - question.level + 1) * 1.5 + _jitter(question.key)
    return max(0, min(3, round(raw)))


def _jitter(key: str) -> float:
    return random.Random(f"sample {key}").uniform(-0.8, 0.8)  # noqa: S311 - a fixed sample, not a secret


def _scores(definition: FrameworkDef, answers: Mapping[str, int]) -> tuple[float | None, dict[str, float | None]]:
    result = score_assessment(definition, answers, targets=TARGETS, scope=_scope(definition))
    return rounded(result.overall_score), {area.key: rounded(area.score) for area in result.areas}


def _history(definition: FrameworkDef, submitted_at: datetime) -> list[HistoryPoint]:
    """The team's earlier assessments, oldest first."""
    points = []
    for steps in range(EARLIER_ASSESSMENTS, 0, -1):
        overall, scores = _scores(definition, _answers(definition, shift=0.0, growth_steps=steps))
        points.append(HistoryPoint(0, submitted_at - steps * HALF_YEAR, overall, scores))
    return points


def _others_median(definition: FrameworkDef) -> dict[str, float]:
    by_area: dict[str, list[float]] = {}
    for shift in OTHER_TEAMS:
        for key, score in _scores(definition, _answers(definition, shift=shift))[1].items():
            if score is not None:
                by_area.setdefault(key, []).append(score)
    return {key: round(statistics.median(scores), 2) for key, scores in by_area.items()}
