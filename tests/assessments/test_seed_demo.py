from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from assessments.models import Answer, Assessment, Organization, TargetLevel
from maturity.scoring import score_assessment
from maturity.selectors import framework_content

pytestmark = pytest.mark.django_db


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_it_creates_three_teams_with_a_year_of_quarterly_assessments(mlops_framework):
    seed()

    organization = Organization.objects.get(name="Demo Analytics")
    assert organization.teams.count() == 3
    for team in organization.teams.all():
        dates = list(team.assessments.order_by("submitted_at").values_list("submitted_at", flat=True))
        assert len(dates) == 5
        assert 360 <= (dates[-1] - dates[0]).days <= 366
    assert not Assessment.objects.filter(status=Assessment.Status.DRAFT).exists()


def test_every_demo_assessment_is_complete(mlops_framework):
    seed()

    questions = mlops_framework.questions.count()
    assert Answer.objects.count() == Assessment.objects.count() * questions


def test_the_teams_improve_unevenly(mlops_framework):
    """By their mean area score: the headline moves in steps of the weakest area."""
    seed()

    definition = framework_content(framework=mlops_framework).definition
    first_and_last = {}
    for team in Organization.objects.get().teams.all():
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

    assert TargetLevel.objects.count() == 12
    assert Organization.objects.get().memberships.filter(user__username="consultant", role="assessor").exists()


def test_running_it_twice_changes_nothing(mlops_framework):
    seed()

    output = seed()

    assert "already present" in output
    assert Organization.objects.count() == 1
    assert Assessment.objects.count() == 15


def test_it_asks_for_the_framework_first(db):
    with pytest.raises(CommandError, match="Load the frameworks first"):
        seed()


def test_the_demo_year_moves_to_version_two_for_its_last_quarter(mlops_v2):
    seed()

    for team in Organization.objects.get().teams.all():
        assessments = list(team.assessments.order_by("submitted_at").select_related("framework"))
        assert [assessment.framework.version for assessment in assessments] == [1, 1, 1, 1, 2]
        assert assessments[-1].carried_from == assessments[-2]
        in_scope = [
            question
            for question in framework_content(framework=mlops_v2).questions
            if not question.area.scope_key or assessments[-1].scope[question.area.scope_key]
        ]
        assert assessments[-1].answers.count() == len(in_scope)
    recommendations = Organization.objects.get().teams.get(name="Recommendations").assessments.first()
    assert recommendations.scope == {"genai": True, "eu_market": True}
