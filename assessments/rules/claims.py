"""Unsupported claims (pure, no database): what an auditor would not take on the team's word alone.

- `missing`: a practice at level 3 or above answered "mostly" (2) or "fully in place" (3) with no evidence.
- `expired`: an answer claiming the practice is in place to some degree (1 to 3, any level) whose evidence
  is all past its "valid until" date on the day it is judged (evidence valid until that very day holds).
Areas out of scope ask nothing, so their answers claim nothing."""

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

CLAIM_LEVEL = 3  # practices from this level up need evidence for "mostly" or "fully in place"


CLAIM_VALUES = (2, 3)


MISSING = "missing"


EXPIRED = "expired"


@dataclass(frozen=True)
class ClaimQuestion:
    key: str
    area: str  # key
    level: int


@dataclass(frozen=True)
class UnsupportedClaim:
    question: str  # key
    area: str  # key
    level: int
    value: int
    reason: str  # MISSING or EXPIRED
    valid_until: date | None  # EXPIRED: the latest date its evidence held until; MISSING: None


def unsupported_claims(
    *,
    questions: Iterable[ClaimQuestion],
    answers: Mapping[str, int | str | None],
    evidence: Mapping[str, Sequence[date | None]],
    on: date,
    out_of_scope: Collection[str] = (),
) -> list[UnsupportedClaim]:
    """In the order of `questions` (framework order). `evidence`: question key -> the valid_until date of
    each piece of evidence on its answer (None: no end date)."""
    claims = []
    for question in questions:
        value = answers.get(question.key)
        if question.area in out_of_scope or not isinstance(value, int) or isinstance(value, bool):
            continue
        claim = _claim(question, value, evidence.get(question.key, ()), on)
        if claim is not None:
            claims.append(claim)
    return claims


def _claim(question: ClaimQuestion, value: int, dates: Sequence[date | None], on: date) -> UnsupportedClaim | None:
    if not dates:
        if question.level >= CLAIM_LEVEL and value in CLAIM_VALUES:
            return UnsupportedClaim(question.key, question.area, question.level, value, MISSING, None)
        return None
    if value >= 1 and all(until is not None and until < on for until in dates):
        latest = max(until for until in dates if until is not None)
        return UnsupportedClaim(question.key, question.area, question.level, value, EXPIRED, latest)
    return None
