"""Reads of evidence. An evidence is found through its assessment, looked up with the user's memberships
(assessments.selectors.assessment_for_user): outside the user's organisations it is simply not found."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.utils import timezone

from assessments.models import Assessment, Evidence
from assessments.rules.claims import ClaimQuestion, UnsupportedClaim, unsupported_claims
from assessments.selectors.access import assessment_for_user
from assessments.selectors.answers import AnswerRow, provisional
from maturity.selectors import framework_content


def assessment_evidence(*, assessment: Assessment, question_key: str | None = None) -> QuerySet[Evidence]:
    """The assessment's evidence in framework order, oldest first per question, with who added it (one
    query)."""
    evidence = Evidence.objects.filter(assessment=assessment).select_related("question", "added_by")
    if question_key is not None:
        evidence = evidence.filter(question__key=question_key)
    return evidence.order_by("question__position", "added_at", "id")


def evidence_by_question(*, assessment: Assessment, on: date | None = None) -> dict[int, list[Evidence]]:
    """Question id -> its evidence, oldest first, each marked `expired` on `on` (today by default); one
    query, whatever the number of questions."""
    found: dict[int, list[Evidence]] = {}
    evidence = Evidence.objects.filter(assessment=assessment).select_related("added_by").order_by("added_at", "id")
    for item in mark_expired(list(evidence), on=on):
        found.setdefault(item.question_id, []).append(item)
    return found


def mark_expired(evidence: list[Evidence], *, on: date | None = None) -> list[Evidence]:
    """Sets `expired` on each: past its valid_until date on `on` (today by default)."""
    on = on or timezone.localdate()
    for item in evidence:
        item.expired = item.valid_until is not None and item.valid_until < on
    return evidence


def evidence_dates(*, assessment_id: int) -> dict[str, list[date | None]]:
    """Question key -> the valid_until of each piece of its evidence (one query): what claims are judged on."""
    dates: dict[str, list[date | None]] = {}
    rows = Evidence.objects.filter(assessment_id=assessment_id).values_list("question__key", "valid_until")
    for key, valid_until in rows.order_by():
        dates.setdefault(key, []).append(valid_until)
    return dates


def evidence_for_user(*, user: AbstractBaseUser, evidence_id: int) -> Evidence | None:
    """One evidence, with its assessment (annotated with the user's `role`) when the user is a member of its
    organisation; None otherwise, exactly as when there is no such evidence (two queries)."""
    evidence = Evidence.objects.select_related("question", "added_by").filter(pk=evidence_id).first()
    if evidence is None:
        return None
    assessment = assessment_for_user(user=user, assessment_id=evidence.assessment_id)
    if assessment is None:
        return None
    evidence.assessment = assessment
    return evidence


def claim_questions(*, assessment: Assessment) -> list[ClaimQuestion]:
    content = framework_content(framework=assessment.framework)
    return [ClaimQuestion(q.key, q.area.key, q.level) for q in content.questions]


def assessment_unsupported_claims(
    *, assessment: Assessment, rows: list[AnswerRow], on: date, dates: dict[str, list[date | None]] | None = None
) -> list[UnsupportedClaim]:
    """The draft's unsupported claims judged on `on`, from answer rows already fetched and the evidence's
    `dates` (evidence_dates; read here, one query, when not given)."""
    return unsupported_claims(
        questions=claim_questions(assessment=assessment),
        answers={row.question.key: row.value for row in rows},
        evidence=evidence_dates(assessment_id=assessment.pk) if dates is None else dates,
        on=on,
        out_of_scope=provisional(assessment=assessment, rows=rows).out_of_scope,
    )
