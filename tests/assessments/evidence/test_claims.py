"""Unsupported claims, worked by hand: what an auditor would not take on the team's word alone."""

from datetime import date

from assessments.rules.claims import ClaimQuestion, UnsupportedClaim, unsupported_claims

TODAY = date(2026, 12, 3)
QUESTIONS = [
    ClaimQuestion("data.versioning", "data", 1),
    ClaimQuestion("data.validation", "data", 3),
    ClaimQuestion("data.lineage", "data", 4),
    ClaimQuestion("deploy.canary", "deploy", 3),
    ClaimQuestion("gov.audit", "gov", 3),
]


def claims(answers, evidence=None, out_of_scope=()):
    return unsupported_claims(
        questions=QUESTIONS, answers=answers, evidence=evidence or {}, on=TODAY, out_of_scope=out_of_scope
    )


def test_it_flags_mostly_or_fully_in_place_at_level_3_or_above_without_evidence():
    answers = {"data.versioning": 3, "data.validation": 2, "data.lineage": 3, "deploy.canary": 1, "gov.audit": 0}

    assert claims(answers) == [
        UnsupportedClaim("data.validation", "data", 3, 2, "missing", None),
        UnsupportedClaim("data.lineage", "data", 4, 3, "missing", None),
    ]


def test_it_leaves_alone_not_applicable_and_unanswered_questions():
    assert claims({"data.validation": "na", "data.lineage": None}) == []


def test_evidence_without_an_end_date_or_still_valid_supports_the_claim():
    evidence = {"data.validation": [None], "data.lineage": [date(2026, 12, 3)]}  # valid until today holds

    assert claims({"data.validation": 3, "data.lineage": 2}, evidence) == []


def test_it_flags_an_answer_whose_evidence_has_all_expired_with_the_latest_date():
    evidence = {"data.validation": [date(2026, 1, 31), date(2026, 12, 2)]}

    assert claims({"data.validation": 3}, evidence) == [
        UnsupportedClaim("data.validation", "data", 3, 3, "expired", date(2026, 12, 2))
    ]


def test_one_piece_of_evidence_still_valid_is_enough():
    evidence = {"data.validation": [date(2025, 1, 1), date(2027, 1, 1)]}

    assert claims({"data.validation": 3}, evidence) == []


def test_expired_evidence_is_flagged_at_any_level_on_any_answer_claiming_something():
    evidence = {"data.versioning": [date(2026, 6, 30)], "deploy.canary": [date(2026, 6, 30)]}

    found = claims({"data.versioning": 1, "deploy.canary": 0}, evidence)

    assert found == [UnsupportedClaim("data.versioning", "data", 1, 1, "expired", date(2026, 6, 30))]


def test_areas_out_of_scope_claim_nothing():
    assert claims({"gov.audit": 3, "deploy.canary": 3}, out_of_scope={"gov"}) == [
        UnsupportedClaim("deploy.canary", "deploy", 3, 3, "missing", None)
    ]


def test_it_keeps_framework_order():
    answers = {"gov.audit": 3, "data.lineage": 3, "deploy.canary": 3}

    assert [claim.question for claim in claims(answers)] == ["data.lineage", "deploy.canary", "gov.audit"]
