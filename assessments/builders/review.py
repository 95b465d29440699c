"""What the review page (before submitting) and the sign-off page (after) show: every area with its provisional
figures and its answers, the optional blanks folded apart, and for the reviewer the claims without evidence
and the questions the respondents disagreed on. Pure: answer rows and the provisional result in."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from assessments.models import AnswerScale
from assessments.rules.claims import UnsupportedClaim
from assessments.rules.spread import Spread, spread_of
from assessments.selectors.answers import AnswerRow, Provisional
from maturity.scoring import UNKNOWN, two_decimals
from maturity.selectors import FrameworkArea

ANSWER_LABELS: dict[int | str | None, str] = {**AnswerScale.labels_by_value(), None: "Not answered"}


@dataclass(frozen=True)
class ReviewAnswer:
    row: AnswerRow
    label: str
    required: bool  # unanswered, and needed before submitting
    evidence: int = 0  # how much evidence its answer has
    flags: tuple[str, ...] = ()  # what a reviewer is told of it: "no evidence", "respondents disagreed"

    @property
    def optional_blank(self) -> bool:
        """Unanswered and not required (adaptive depth): it cannot change the result, so the page folds it."""
        return self.row.value is None and not self.required


@dataclass(frozen=True)
class ReviewArea:
    area: FrameworkArea
    level: int | None  # provisional
    score: float | None  # two decimals, rounded down, as the report shows it
    out_of_scope: bool
    answers: list[ReviewAnswer]

    @property
    def unknown(self) -> list[ReviewAnswer]:
        """Its answers "Don't know": scored as 0, and listed in the report to verify."""
        return [answer for answer in self.answers if answer.row.value == UNKNOWN]

    @property
    def flagged(self) -> list[ReviewAnswer]:
        return [answer for answer in self.answers if answer.flags]

    @property
    def shown(self) -> list[ReviewAnswer]:
        """What the page lists in full: the answers, and the blanks still required."""
        return [answer for answer in self.answers if not answer.optional_blank]

    @property
    def folded(self) -> list[ReviewAnswer]:
        """The optional blanks, in one folded group below the rest."""
        return [answer for answer in self.answers if answer.optional_blank]


def review_areas(
    areas: Sequence[FrameworkArea],
    rows: Sequence[AnswerRow],
    now: Provisional,
    *,
    evidence: Mapping[str, int] | None = None,
    flags: Mapping[str, Sequence[str]] | None = None,
) -> list[ReviewArea]:
    """Every area of `areas` (framework order) with its provisional figures and its questions in page order
    (by level), each with how much evidence it has (`evidence`: question key -> count) and what a reviewer is
    told of it (`flags`: question key -> words, SignoffFindings.flags)."""
    evidence, flags = evidence or {}, flags or {}
    by_area: dict[str, list[ReviewAnswer]] = {}
    for row in sorted(rows, key=lambda row: (row.question.level, row.question.position)):
        key, label = row.question.key, ANSWER_LABELS[row.value]
        answer = ReviewAnswer(
            row, label, required=key in now.required, evidence=evidence.get(key, 0), flags=tuple(flags.get(key, ()))
        )
        by_area.setdefault(row.question.area.key, []).append(answer)
    return [
        ReviewArea(
            area=area,
            level=now.levels.get(area.key),
            score=shown_score(now.scores.get(area.key)),
            out_of_scope=area.key in now.out_of_scope,
            answers=by_area.get(area.key, []),
        )
        for area in areas
    ]


def unknown_total(areas: Sequence[ReviewArea]) -> int:
    """How many answers of the areas in scope are "Don't know"."""
    return sum(len(item.unknown) for item in areas if not item.out_of_scope)


def shown_score(score: Fraction | None) -> float | None:
    """Two decimals, rounded down, as the report shows a score."""
    return None if score is None else float(two_decimals(score))


@dataclass(frozen=True)
class ClaimFinding:
    """An answer that claims a practice without evidence that holds (assessments.rules.claims)."""

    row: AnswerRow
    claim: UnsupportedClaim

    @property
    def label(self) -> str:
        return ANSWER_LABELS[self.row.value]


@dataclass(frozen=True)
class Disagreement:
    """A question whose respondents answered two steps apart or more, with the answer agreed (`row`)."""

    row: AnswerRow
    spread: Spread

    @property
    def agreed_label(self) -> str:
        return ANSWER_LABELS[self.row.value]

    @property
    def lowest_label(self) -> str:
        return ANSWER_LABELS[self.spread.minimum]

    @property
    def highest_label(self) -> str:
        return ANSWER_LABELS[self.spread.maximum]

    @property
    def median(self) -> str:
        """As a page writes it: "1" or "1.5"."""
        median = self.spread.median
        return str(median.numerator) if median.denominator == 1 else f"{float(median):g}"


@dataclass(frozen=True)
class SignoffFindings:
    """What a reviewer weighs beside the result."""

    claims: list[ClaimFinding]  # framework order
    disagreements: list[Disagreement]  # framework order; empty outside survey mode

    def flags(self) -> dict[str, list[str]]:
        """Question key -> what the sign-off page says beside it in the return form."""
        found: dict[str, list[str]] = {}
        for item in self.claims:
            found.setdefault(item.row.question.key, []).append(claim_words(item.claim))
        for item in self.disagreements:
            found.setdefault(item.row.question.key, []).append("respondents disagreed")
        return found


def claim_words(claim: UnsupportedClaim) -> str:
    if claim.valid_until is not None:
        return f"evidence expired on {claim.valid_until.day} {claim.valid_until:%b %Y}"
    return "no evidence"


def signoff_findings(
    rows: Sequence[AnswerRow], claims: Sequence[UnsupportedClaim], responses: Mapping[str, Sequence[int | str]]
) -> SignoffFindings:
    """`claims` as judged on the day of submission; `responses`: question key -> the answers of the survey's
    respondents who submitted (empty in workshop mode, and while an anonymous survey hides its spread)."""
    by_key = {row.question.key: row for row in rows}
    disagreements = []
    for row in rows:
        spread = spread_of(responses.get(row.question.key, ()))
        if spread.disagreement:
            disagreements.append(Disagreement(row, spread))
    return SignoffFindings([ClaimFinding(by_key[claim.question], claim) for claim in claims], disagreements)
