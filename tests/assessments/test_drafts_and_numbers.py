"""One draft per team, discarding a draft, and the numbers of a team's assessments (services)."""

import importlib

import pytest
from django.apps import apps

from assessments.errors import AssessmentNotDraftError, DraftExistsError
from assessments.models import Answer, Assessment
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_discard, assessment_start, assessment_submit
from tests.conftest import complete_answers
from tests.factories import AssessmentFactory, TeamFactory

pytestmark = pytest.mark.django_db


def test_it_refuses_a_second_draft_and_names_the_first(cast):
    with pytest.raises(DraftExistsError) as refused:
        assessment_start(team=cast.team, user=cast.owner, framework=cast.framework)

    assert refused.value.draft == cast.assessment
    assert cast.team.assessments.count() == 1


def test_it_starts_the_next_once_the_draft_is_submitted(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.member)

    follow_up = assessment_start(team=cast.team, user=cast.owner, framework=cast.framework)

    assert (cast.assessment.number, follow_up.number) == (1, 2)


def test_numbers_are_per_team(cast):
    other_team = TeamFactory(organization=cast.organization)

    other = assessment_start(team=other_team, user=cast.owner, framework=cast.framework)

    assert other.number == 1


def test_it_discards_a_draft_with_its_answers(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput("data.source_catalogue", 2)])

    assessment_discard(assessment=cast.assessment)

    assert not Assessment.objects.filter(pk=cast.assessment.pk).exists()
    assert not Answer.objects.filter(assessment_id=cast.assessment.pk).exists()


def test_the_next_draft_takes_the_discarded_ones_number(cast):
    assessment_discard(assessment=cast.assessment)

    again = assessment_start(team=cast.team, user=cast.owner, framework=cast.framework)

    assert again.number == 1


def test_it_never_discards_a_submitted_assessment(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.member)

    with pytest.raises(AssessmentNotDraftError):
        assessment_discard(assessment=cast.assessment)

    assert Assessment.objects.filter(pk=cast.assessment.pk).exists()


def test_it_is_named_by_its_number_in_the_team(cast):
    assert cast.assessment.title == "Self-assessment 1 of Search"


def test_the_data_migration_numbers_each_teams_assessments_in_the_order_they_were_started(cast):
    second = AssessmentFactory(team=cast.team, framework=cast.framework, created_by=cast.owner)
    elsewhere = AssessmentFactory(framework=cast.framework, created_by=cast.owner)
    Assessment.objects.filter(pk=cast.assessment.pk).update(number=70)
    Assessment.objects.filter(pk=second.pk).update(number=50)
    Assessment.objects.filter(pk=elsewhere.pk).update(number=9)
    migration = importlib.import_module("assessments.migrations.0006_number_existing_assessments")

    migration.number_assessments(apps, None)

    numbers = dict(Assessment.objects.values_list("pk", "number"))
    assert (numbers[cast.assessment.pk], numbers[second.pk], numbers[elsewhere.pk]) == (1, 2, 1)
