from io import StringIO
from math import floor
from statistics import median

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from activity.models import ActivityEntry
from assessments.models import Answer, Assessment, Evidence, Organization, Respondent, RespondentAnswer, TargetLevel
from assessments.selectors.answers import assessment_answer_rows
from assessments.selectors.evidence import assessment_unsupported_claims
from assessments.selectors.reviews import waiting_for_review
from assessments.selectors.surveys import consensus
from maturity.scoring import score_assessment
from maturity.selectors import framework_content

pytestmark = pytest.mark.django_db
DEMO = "Demo Analytics"


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_it_creates_three_teams_with_a_year_of_quarterly_assessments(mlops_framework):
    seed()

    organization = Organization.objects.get(name=DEMO)
    assert organization.teams.count() == 3
    for team in organization.teams.all():
        dates = list(team.assessments.order_by("submitted_at").values_list("submitted_at", flat=True))
        assert len(dates) == 5
        assert 360 <= (dates[-1] - dates[0]).days <= 366
    assert not Assessment.objects.filter(status=Assessment.Status.DRAFT).exists()


def test_the_team_with_several_models_names_the_systems_its_assessments_cover(mlops_framework):
    seed()

    covered = Assessment.objects.filter(team__organization__name=DEMO).exclude(systems_covered="")
    assert set(covered.values_list("team__name", flat=True)) == {"Fraud detection"}
    assert covered.count() == 5


def test_every_demo_assessment_is_complete(mlops_framework):
    seed()

    questions = mlops_framework.questions.count()
    assessments = Assessment.objects.filter(team__organization__name=DEMO)
    assert Answer.objects.filter(assessment__in=assessments).count() == assessments.count() * questions


def test_the_teams_improve_unevenly(mlops_framework):
    """By their mean area score: the headline moves in steps of the weakest area."""
    seed()

    definition = framework_content(framework=mlops_framework).definition
    first_and_last = {}
    for team in Organization.objects.get(name=DEMO).teams.all():
        assessments = list(team.assessments.order_by("submitted_at"))
        scores = [
            score_assessment(
                definition,
                {
                    a.question.key: "na" if a.not_applicable else a.value
                    for a in assessment.answers.select_related("question")
                },
            ).mean_score
            for assessment in (assessments[0], assessments[-1])
        ]
        first_and_last[team.name] = scores
    assert all(last > first for first, last in first_and_last.values())
    gains = sorted(last - first for first, last in first_and_last.values())
    assert gains[-1] > 2 * gains[0]


def test_it_sets_targets_and_a_consultant(mlops_framework):
    seed()

    assert TargetLevel.objects.filter(team__organization__name=DEMO).count() == 12
    assert Organization.objects.get(name=DEMO).memberships.filter(user__username="consultant", role="assessor").exists()


def test_running_it_twice_changes_nothing(mlops_framework):
    seed()

    output = seed()

    assert "already present" in output
    assert Organization.objects.count() == 2
    assert Assessment.objects.count() == 16
    assert Respondent.objects.count() == 3


def test_it_asks_for_the_framework_first(no_frameworks):
    with pytest.raises(CommandError, match="Load the frameworks first"):
        seed()


def test_the_demo_year_moves_to_version_two_for_its_last_quarter(mlops_v2):
    seed()

    for team in Organization.objects.get(name=DEMO).teams.all():
        assessments = list(team.assessments.order_by("submitted_at").select_related("framework"))
        assert [assessment.framework.version for assessment in assessments] == [1, 1, 1, 1, 2]
        assert assessments[-1].carried_from == assessments[-2]
        in_scope = [
            question
            for question in framework_content(framework=mlops_v2).questions
            if not question.area.scope_key or assessments[-1].scope[question.area.scope_key]
        ]
        assert assessments[-1].answers.count() == len(in_scope)
    recommendations = Organization.objects.get(name=DEMO).teams.get(name="Recommendations").assessments.first()
    assert recommendations.scope == {"genai": True, "eu_market": True}


def test_with_version_three_loaded_as_make_run_does_the_year_ends_on_it(mlops_v3):
    seed()

    for team in Organization.objects.get(name=DEMO).teams.all():
        assessments = list(team.assessments.order_by("submitted_at").select_related("framework"))
        assert [assessment.framework.version for assessment in assessments] == [2, 2, 2, 2, 3]
        assert assessments[-1].carried_from == assessments[-2]
        assert not assessments[-1].answers.filter(value=None, not_applicable=False).exists()
    assert audit().framework == mlops_v3


# The client audit: Contoso Bank's Credit risk team, audited by the consultant in survey mode, in review.


def audit() -> Assessment:
    return Assessment.objects.select_related("team__organization", "framework").get(
        team__organization__name="Contoso Bank", team__name="Credit risk"
    )


def test_the_client_audit_waits_for_demo_to_review_it(mlops_v2):
    output = seed()

    assessment = audit()
    organization = assessment.team.organization
    assert organization.review_required
    roles = dict(organization.memberships.values_list("user__username", "role"))
    assert roles == {"demo": "owner", "consultant": "assessor", "ada": "member", "bob": "member", "cy": "member"}
    assert (assessment.kind, assessment.mode, assessment.status) == ("audit", "survey", "in_review")
    assert assessment.framework == mlops_v2
    assert assessment.created_by.username == assessment.submitted_by.username == "consultant"
    assert assessment.reviewed_by is None
    demo, consultant = (get_user(name) for name in ("demo", "consultant"))
    assert list(waiting_for_review(user=demo)) == [assessment]
    assert not waiting_for_review(user=consultant).exists()
    assert all(get_user(name).check_password("demo") for name in ("ada", "bob", "cy"))
    assert "waits for review" in output
    assert "ada, bob, cy" in output


def test_three_respondents_answered_alone_and_the_agreed_answers_are_the_floor_of_their_medians(mlops_v2):
    seed()

    assessment = audit()
    content = framework_content(framework=mlops_v2)
    assert set(assessment.scope) == {scope.key for scope in content.scopes}
    in_scope = {q.key for q in content.questions if not q.area.scope_key or assessment.scope[q.area.scope_key]}
    respondents = list(assessment.respondents.select_related("user"))
    assert sorted(r.user.username for r in respondents) == ["ada", "bob", "cy"]
    assert all(r.submitted_at is not None for r in respondents)
    for respondent in respondents:
        answered = set(RespondentAnswer.objects.filter(respondent=respondent).values_list("question__key", flat=True))
        assert answered == in_scope
    view = consensus(assessment=assessment)
    for row in view.rows:
        values = [response.value for response in row.responses]
        if row.question.key in in_scope:
            assert len(values) == 3
            assert row.agreed.value == floor(median(values)), row.question.key
        else:
            assert values == []
            assert row.agreed.value is None
    assert len(view.disagreements) >= 5
    assert all(row.spread.maximum - row.spread.minimum >= 2 for row in view.disagreements)
    assert sum(len(row.comments) for row in view.rows) >= 3


def test_some_claims_have_evidence_some_out_of_date_and_others_none(mlops_v2):
    seed()

    assessment = audit()
    rows = assessment_answer_rows(assessment=assessment)
    agreed = {row.question.key: row.value for row in rows}
    evidence = list(Evidence.objects.filter(assessment=assessment).select_related("question", "added_by"))
    assert 3 <= len(evidence) <= 6
    for item in evidence:
        assert item.url.startswith("https://wiki.contoso.example/")
        assert item.description
        assert item.added_by.username == "consultant"
        assert item.question.level >= 3
        assert agreed[item.question.key] in (2, 3)
    today = timezone.localdate()
    assert any(item.valid_until and item.valid_until < today for item in evidence)
    claims = assessment_unsupported_claims(assessment=assessment, rows=rows, on=today)
    reasons = {claim.reason for claim in claims}
    assert reasons == {"missing", "expired"}
    assert len([claim for claim in claims if claim.reason == "missing"]) >= 3


def test_the_activity_trail_records_each_step_with_who_took_it(mlops_v2):
    seed()

    assessment = audit()
    entries = ActivityEntry.objects.filter(assessment_id=assessment.pk).select_related("actor", "content_type")
    steps = {(entry.actor.username, entry.content_type.model) for entry in entries}
    assert {("ada", "respondentanswer"), ("bob", "respondentanswer"), ("cy", "respondentanswer")} <= steps
    assert {("consultant", "respondent"), ("consultant", "answer"), ("consultant", "evidence")} <= steps
    submitted = [
        entry for entry in entries if entry.content_type.model == "assessment" and "status" in (entry.changes or {})
    ]
    assert [(e.actor.username, e.changes["status"][1]) for e in sorted(submitted, key=lambda e: e.pk)] == [
        ("consultant", "draft"),
        ("consultant", "in_review"),
    ]
    organization_steps = ActivityEntry.objects.filter(organization=assessment.team.organization, assessment_id=None)
    assert organization_steps.filter(actor__username="demo").exists()


def test_the_client_audit_works_on_a_framework_without_scopes(mlops_framework):
    seed()

    assessment = audit()
    assert assessment.status == "in_review"
    assert assessment.scope == {}
    assert assessment.answers.count() == mlops_framework.questions.count()


def get_user(username: str):
    return get_user_model().objects.get(username=username)
