"""The demo's client audit: a consultant's survey of three respondents who disagree here and there, the
agreed answers, evidence behind some claims (some of it out of date), submitted and waiting for review."""

import random
from datetime import timedelta

from auditlog.context import set_actor
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from assessments.models import Assessment, Role
from assessments.selectors.surveys import consensus
from assessments.services.answers import AnswerInput
from assessments.services.assessments import assessment_scope_set, assessment_start, assessment_submit
from assessments.services.evidence import evidence_link_add
from assessments.services.organizations import membership_set, organization_create, organization_update, team_create
from assessments.services.surveys import (
    consensus_record_medians,
    respondent_add,
    respondent_answers_save,
    respondent_submit,
)
from maturity.models import Framework, Question
from maturity.selectors import framework_content

CLIENT_NAME = "Contoso Bank"
TEAM_NAME = "Credit risk"
SCOPE = {"genai": False, "eu_market": True}  # a bank in the EU, no generative models yet
# Area -> capability, as in seed_demo: level 2 to 3 overall, data and governance ahead, monitoring behind.
PROFILE = {"default": 2.9, "data": 3.8, "governance": 3.6, "monitoring": 1.9}
# Respondent -> how much rosier (or bleaker) than the team's capability they answer, and what they say
# where they stand apart from the others.
RESPONDENTS = {
    "ada": (0.7, "We do this on every model since the platform migration."),
    "bob": (-0.8, "Only for the scorecard models; the rest is done by hand, if at all."),
    "cy": (0.0, "Depends on the squad: some do, some don't."),
}
COMMENTS_EACH = 2
# Evidence for every other claim (level 3 and above, answered 2 or 3), as far as these go: the rest stay
# unsupported.
DOCUMENTS = (
    ("runbooks/model-release", "Model release runbook", None),
    ("adr/feature-store", "Architecture decision record: feature store", None),
    ("reviews/model-risk-2025-q4", "Model risk committee minutes", 400),  # days out of date
    ("pipelines/credit-scoring", "Pipeline configuration and its test reports", None),
    ("audits/internal-2024", "Internal audit report", 200),
)


def seed_client_audit(
    *, owner: AbstractBaseUser, consultant: AbstractBaseUser, respondents: list, framework: Framework
) -> Assessment:
    """The client organisation, audited by `consultant`, owned by `owner` who reviews the audit."""
    with set_actor(owner):
        organization = organization_create(name=CLIENT_NAME, owner=owner)
        organization_update(organization=organization, review_required=True)
        membership_set(organization=organization, user=consultant, role=Role.ASSESSOR)
        for user in respondents:
            membership_set(organization=organization, user=user, role=Role.MEMBER)
        team = team_create(organization=organization, name=TEAM_NAME)
    content = framework_content(framework=framework)
    scope = {scope.key: SCOPE.get(scope.key, False) for scope in content.scopes}
    in_scope = [q for q in content.questions if not q.area.scope_key or scope[q.area.scope_key]]
    with set_actor(consultant):
        audit = assessment_start(
            team=team, user=consultant, framework=framework, kind=Assessment.Kind.AUDIT, mode=Assessment.Mode.SURVEY
        )
        if scope:
            assessment_scope_set(assessment=audit, answers=scope)
        added = [respondent_add(assessment=audit, added_by=consultant, username=u.get_username()) for u in respondents]
    values = _answers(in_scope)
    comments = _comments(values, in_scope)
    for respondent in added:
        name = respondent.user.get_username()
        with set_actor(respondent.user):
            items = [AnswerInput(q.key, values[name][q.key], comments.get((name, q.key), "")) for q in in_scope]
            respondent_answers_save(respondent=respondent, items=items)
            respondent_submit(respondent=respondent)
    with set_actor(consultant):
        consensus_record_medians(assessment=audit, user=consultant)
        _add_evidence(audit, consultant)
        assessment_submit(assessment=audit, user=consultant)
    return audit


def _answers(questions: list[Question]) -> dict[str, dict[str, int]]:
    """Respondent -> question key -> 0..3, reproducible."""
    rng = random.Random(CLIENT_NAME)  # noqa: S311 - demo data, reproducible on purpose
    answers = {}
    for name, (bias, _) in RESPONDENTS.items():
        answers[name] = {}
        for question in questions:
            capability = PROFILE.get(question.area.key, PROFILE["default"])
            raw = (capability - question.level + 1) * 1.5 + bias + rng.uniform(-0.8, 0.8)
            answers[name][question.key] = max(0, min(3, round(raw)))
    return answers


def _comments(answers: dict[str, dict[str, int]], questions: list[Question]) -> dict[tuple[str, str], str]:
    """Each respondent explains their answer to the first questions where it is two steps from another's."""
    comments = {}
    for name, (_, comment) in RESPONDENTS.items():
        apart = [
            q.key for q in questions if any(abs(answers[name][q.key] - other[q.key]) >= 2 for other in answers.values())
        ]
        comments.update({(name, key): comment for key in apart[:COMMENTS_EACH]})
    return comments


def _add_evidence(audit: Assessment, consultant: AbstractBaseUser) -> None:
    claims = [row.question for row in consensus(assessment=audit).rows if _is_claim(row.question, row.agreed.value)]
    today = timezone.localdate()
    for question, (path, description, days_expired) in zip(claims[::2], DOCUMENTS, strict=False):
        evidence_link_add(
            assessment=audit,
            user=consultant,
            question=question.key,
            url=f"https://wiki.contoso.example/credit-risk/{path}",
            description=description,
            valid_until=today - timedelta(days=days_expired) if days_expired else None,
        )


def _is_claim(question: Question, value) -> bool:
    """A practice at level 3 or above answered mostly or fully in place: the report wants evidence for it."""
    return question.level >= 3 and value in (2, 3)
