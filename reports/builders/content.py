"""Turns a scoring result and the framework's words into the report's content (pure, no database).

Scores are exact fractions inside and rounded to 2 decimals here, at the edge (maturity/SCORING.md).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from assessments.models import AnswerScale
from assessments.rules.claims import ClaimQuestion, unsupported_claims
from maturity.scoring import SCORING_RULE, TOP_LEVEL, AreaResult, AssessmentResult, HeldBack, two_decimals

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
    systems_covered: str = "",
) -> dict:
    """`evidence`: question key -> the valid_until of each piece of evidence on its answer, judged on
    `judged_on` (no evidence expires without one); without `evidence`, no claim is flagged. `systems_covered`:
    the ML systems the answers are about, as the assessment names them."""
    level = result.overall_level
    return {
        "scoring_rule": SCORING_RULE,
        "systems_covered": systems_covered,
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
    had all expired on the day judged (assessments.rules.claims), in framework order."""
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


def _area(area: AreaResult, text: FrameworkText, answers: Mapping[str, int | str]) -> dict:
    filled = set(area.filled_levels)
    return {
        "key": area.key,
        "name": text.area_names[area.key],
        "level": area.level,
        "score": rounded(area.score),
        "levels_worth": rounded(area.levels_worth),
        "counts_toward_level": area.counts_toward_level,
        "target": area.target,
        "gap": area.gap,
        "exempt_levels": list(area.exempt_levels),
        "levels": [
            {
                "level": r.level,
                "met": r.met,
                "coverage": rounded(coverage),
                "applicable": r.level not in filled,
            }
            for r, coverage in zip(area.levels, area.coverages, strict=True)
        ],
        "explanation": _explanation(area, text, answers),
    }


def _explanation(area: AreaResult, text: FrameworkText, answers: Mapping[str, int | str]) -> str:
    """One sentence from rule 3's numbers: the level and score, the levels' worth S and the four coverages
    that add up to it, the levels up to the next one that hold the area back with their weakest practices,
    and what it already has in place above its level."""
    name = text.area_names[area.key]
    if not area.in_scope:
        return f"Out of scope: the team answered no to the question that decides whether {name} applies."
    if area.level is None:
        return f"Every practice of {name} was marked not applicable, so it is left out of the overall figures."
    filled = set(area.filled_levels)
    shares = ", ".join(
        f"level {level} {_two(coverage)}" + (" (none applicable: the others' mean)" if level in filled else "")
        for level, coverage in enumerate(area.coverages, start=1)
    )
    sentence = f"Level {area.level} (score {_two(area.score)}): its practices add up to "
    sentence += f"{_two(area.levels_worth)} levels' worth ({shares})"
    if area.held_back:
        sentence += "; held back " + "; ".join(_held_back(held, text, answers) for held in area.held_back)
    if area.above:
        above = " and ".join(f"{_two(coverage)} of level {level}" for level, coverage in area.above)
        sentence += f"; already in place above: {above}"
    return sentence + "."


def _held_back(held: HeldBack, text: FrameworkText, answers: Mapping[str, int | str]) -> str:
    practices = [
        f"\u201c{text.questions[key].statement.rstrip('.')}\u201d ({ANSWER_LABELS[answers.get(key, 0)]})"
        for key in held.questions
    ]
    return f"at level {held.level} ({_two(held.coverage)}) by " + _listed(practices)


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _names(areas: list[dict]) -> str:
    """Area names as a list; with a comma before the last "and" when a name has an "and" of its own ("Testing and
    validation, and Monitoring and feedback")."""
    names = [area["name"] for area in areas]
    if len(names) > 1 and any(" and " in name for name in names):
        return ", ".join(names[:-1]) + ", and " + names[-1]
    return _listed(names)


def _two(value: Fraction) -> str:
    return f"{float(two_decimals(value)):.2f}"


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


# How many areas the headline names as the team's strongest.
STRONGEST = 3


@dataclass(frozen=True)
class Headline:
    """What a reader sees first: the level, its name and why, in the team's own areas (those that limit the level
    and the strongest), the score beside it, the mean area score as a secondary figure, and the areas that do not
    count standing apart. The framework's description of the level is a typical team's, so it is not used to
    explain this one's."""

    level: int | None
    level_name: str
    level_description: str
    score: float | None
    mean_score: float | None
    limited_by: list[dict]  # the counting areas at the level: their content entries
    apart: list[dict]  # the applicable areas that do not count toward the level
    counting: int  # how many areas count toward the level
    strongest: list[dict]  # the counting areas above the level, highest score first (the closest to the next
    # level when every one is at it)

    @property
    def every_area_limits(self) -> bool:
        return len(self.limited_by) == self.counting > 1

    @property
    def sentences(self) -> list[str]:
        """Why the team is at its level, the first sentence the one to read if no other."""
        return _why(self)

    @property
    def explanation(self) -> str:
        return " ".join(self.sentences)


def headline(content: dict) -> Headline:
    overall = content["overall"]
    areas = content.get("areas", [])
    limited = set(overall.get("limited_by", []))
    level = overall["level"]
    counting = [area for area in areas if area.get("counts_toward_level", True) and area["level"] is not None]
    return Headline(
        level=level,
        level_name=overall["level_name"],
        level_description=overall["level_description"],
        score=overall["score"],
        mean_score=overall.get("mean_score"),
        limited_by=[area for area in areas if area["key"] in limited],
        apart=[area for area in areas if not area.get("counts_toward_level", True) and area["level"] is not None],
        counting=len(counting),
        strongest=_strongest(level, counting),
    )


def _strongest(level: int | None, counting: list[dict]) -> list[dict]:
    """The counting areas above the level, or all of them when none is (the closest to the next level), highest
    score first, then framework order; none at level 4 or without a level."""
    if level is None or level == TOP_LEVEL:
        return []
    above = [area for area in counting if area["level"] > level] or counting
    return sorted(above, key=lambda area: -area["score"])[:STRONGEST]


def _why(told: Headline) -> list[str]:
    level = told.level
    if level is None:
        return ["No area that counts toward the level applies, so there is no overall level."]
    if level == TOP_LEVEL:
        return [f"Every area that counts is at level {TOP_LEVEL}."]
    following = level + 1
    if told.every_area_limits:
        closest = [f"{area['name']} (score {area['score']:.2f})" for area in told.strongest]
        return [
            f"Every area that counts is at level {level}: the next level needs each of them to move.",
            f"Closest to level {following}: {_listed(closest)}.",
        ]
    limiting = _names(told.limited_by)
    sentences = [f"Limited by {limiting}, at level {level}: the team is as mature as its weakest area that counts."]
    if told.counting > len(told.limited_by):
        above = [f"{area['name']} (level {area['level']}, score {area['score']:.2f})" for area in told.strongest]
        sentences.append(f"Strongest: {_listed(above)}.")
    sentences.append(f"Lifting {limiting} to level {following} lifts the team to level {following}.")
    return sentences
