"""Turns a scoring result and the framework's words into the report's content (pure, no database).

Scores are exact fractions inside and rounded to 2 decimals here, at the edge (design section 3).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from assessments.evidence.claims import ClaimQuestion, unsupported_claims
from assessments.models import AnswerScale
from maturity.scoring import SCORING_RULE, UNKNOWN, AssessmentResult, two_decimals

ANSWER_LABELS = {value: label.lower() for value, label in AnswerScale.labels_by_value().items()}


@dataclass(frozen=True)
class QuestionText:
    key: str
    area: str  # key
    level: int
    statement: str
    guidance: str
    recommendation: str
    weight: int


@dataclass(frozen=True)
class FrameworkText:
    """The words of a framework version, in framework order."""

    level_names: Mapping[int, str]
    level_descriptions: Mapping[int, str]
    area_names: Mapping[str, str]  # framework order
    questions: Mapping[str, QuestionText]  # framework order


def rounded(value: Fraction | None) -> float | None:
    """Scores at two decimals, rounded down (maturity.scoring.two_decimals)."""
    return None if value is None else float(two_decimals(value))


def report_content(
    *,
    result: AssessmentResult,
    text: FrameworkText,
    answers: Mapping[str, int | str],
    comments: Mapping[str, str],
    evidence: Mapping[str, Sequence[date | None]] | None = None,
    judged_on: date | None = None,
) -> dict:
    """`evidence`: question key -> the valid_until of each piece of evidence on its answer, judged on
    `judged_on` (no evidence expires without one); without `evidence`, no claim is flagged."""
    level = result.overall_level
    return {
        "scoring_rule": SCORING_RULE,
        "overall": {
            "level": level,
            "score": rounded(result.overall_score),
            "mean_score": rounded(result.mean_score),
            "limited_by": list(result.limited_by),
            "level_name": text.level_names.get(level, "Not applicable") if level is not None else "Not applicable",
            "level_description": text.level_descriptions.get(level, "") if level is not None else "",
        },
        "areas": [_area(area, text, answers) for area in result.areas],
        "notes": _notes(text, answers, comments, {area.key for area in result.areas if area.in_scope}),
        "next_steps": [_next_step(step, text, comments) for area in result.roadmap for step in area.next_steps],
        "roadmap": [
            {
                "area": area.key,
                "name": text.area_names[area.key],
                "level": area.level,
                "score": rounded(area.score),
                "steps": [step.question for step in area.next_steps],
            }
            for area in result.roadmap
        ],
        "unsupported_claims": []
        if evidence is None
        else _unsupported_claims(result, text, answers, evidence, judged_on or date.min),
    }


def _unsupported_claims(
    result: AssessmentResult,
    text: FrameworkText,
    answers: Mapping[str, int | str],
    evidence: Mapping[str, Sequence[date | None]],
    judged_on: date,
) -> list[dict]:
    """Claims of "mostly" or "fully in place" at level 3 or above without evidence, and answers whose evidence
    had all expired on the day judged (assessments.evidence.claims), in framework order."""
    claims = unsupported_claims(
        questions=[ClaimQuestion(q.key, q.area, q.level) for q in text.questions.values()],
        answers=answers,
        evidence=evidence,
        on=judged_on,
        out_of_scope={area.key for area in result.areas if not area.in_scope},
    )
    return [
        {
            "area": claim.area,
            "area_name": text.area_names[claim.area],
            "question": claim.question,
            "statement": text.questions[claim.question].statement,
            "level": claim.level,
            "value": claim.value,
            "value_label": ANSWER_LABELS[claim.value],
            "reason": claim.reason,
            "valid_until": claim.valid_until.isoformat() if claim.valid_until else None,
        }
        for claim in claims
    ]


def _area(area, text: FrameworkText, answers: Mapping[str, int | str]) -> dict:
    return {
        "key": area.key,
        "name": text.area_names[area.key],
        "level": area.level,
        "score": rounded(area.score),
        "counts_toward_level": area.counts_toward_level,
        "target": area.target,
        "gap": area.gap,
        "exempt_levels": list(area.exempt_levels),
        "levels": [{"level": r.level, "met": r.met, "coverage": rounded(r.coverage)} for r in area.levels],
        "explanation": _explanation(area, text, answers),
    }


def _explanation(area, text: FrameworkText, answers: Mapping[str, int | str]) -> str:
    name = text.area_names[area.key]
    if not area.in_scope:
        return f"Out of scope: the team answered no to the question that decides whether {name} applies."
    if area.level is None:
        return f"Every practice of {name} was marked not applicable, so it is left out of the overall figures."
    if area.level == 4:
        return f"{name} meets every level: all its practices are at least mostly in place on weighted average."
    blocking = area.level + 1
    short = [
        f"{question.statement} ({ANSWER_LABELS[answers.get(key, 0)]})"
        for key, question in text.questions.items()
        if question.area == area.key and question.level == blocking and answers.get(key, 0) in (0, 1, UNKNOWN)
    ]
    reason = f"Level {blocking} ({text.level_names[blocking]}) needs its practices mostly in place on weighted average"
    if not short:
        return f"{reason}; they are close, and raising any of them to fully in place would get there."
    return f"{reason}; not yet: " + "; ".join(short)


def _notes(
    text: FrameworkText, answers: Mapping[str, int | str], comments: Mapping[str, str], in_scope: set[str]
) -> list[dict]:
    """Every "not applicable" answer with its reason, and every answer with a comment (the evidence), of
    the areas in scope, in framework order: the report's appendix."""
    return [
        {
            "area": question.area,
            "area_name": text.area_names[question.area],
            "question": key,
            "statement": question.statement,
            "value": answers.get(key),
            "value_label": ANSWER_LABELS.get(answers.get(key), "unanswered"),
            "comment": comments.get(key, ""),
        }
        for key, question in text.questions.items()
        if question.area in in_scope and (answers.get(key) == "na" or comments.get(key, "").strip())
    ]


def _next_step(step, text: FrameworkText, comments: Mapping[str, str]) -> dict:
    question = text.questions[step.question]
    return {
        "area": step.area,
        "question": step.question,
        "level": step.level,
        "value": step.value,
        "kind": step.kind,
        "weight": question.weight,
        "statement": question.statement,
        "recommendation": question.recommendation,
        "guidance": question.guidance,
        "comment": comments.get(step.question, ""),
    }


def roadmap_with_steps(content: dict) -> list[dict]:
    """The roadmap's areas, weakest first, each with its next steps in full (for pages)."""
    steps_by_area: dict[str, list[dict]] = {}
    for step in content.get("next_steps", []):
        steps_by_area.setdefault(step["area"], []).append(step | {"value_label": ANSWER_LABELS[step["value"]]})
    return [area | {"next_steps": steps_by_area.get(area["area"], [])} for area in content.get("roadmap", [])]


@dataclass(frozen=True)
class Headline:
    """What a reader sees first: the level, its name and why, the score beside it, the mean area score as
    a secondary figure, and the areas that do not count standing apart."""

    level: int | None
    level_name: str
    level_description: str
    score: float | None
    mean_score: float | None
    limited_by: list[dict]  # the counting areas at the level: their content entries
    apart: list[dict]  # the applicable areas that do not count toward the level
    counting: int  # how many areas count toward the level

    @property
    def every_area_limits(self) -> bool:
        return len(self.limited_by) == self.counting > 1


def headline(content: dict) -> Headline:
    overall = content["overall"]
    areas = content.get("areas", [])
    limited = set(overall.get("limited_by", []))
    return Headline(
        level=overall["level"],
        level_name=overall["level_name"],
        level_description=overall["level_description"],
        score=overall["score"],
        mean_score=overall.get("mean_score"),
        limited_by=[area for area in areas if area["key"] in limited],
        apart=[area for area in areas if not area.get("counts_toward_level", True) and area["level"] is not None],
        counting=sum(area.get("counts_toward_level", True) and area["level"] is not None for area in areas),
    )
