"""The scope questions answered as an assessment starts, and carried over from the last one (issue 23)."""

import pytest

from assessments.errors import ScopeInvalidError
from assessments.models import Assessment
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_discard, assessment_start, assessment_submit
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(cast):
    assessment_discard(assessment=cast.assessment)  # one draft per team: the tests start their own
    return cast.team


def submitted_with_scope(cast, framework, scope: dict) -> Assessment:
    assessment = assessment_start(framework=framework, team=cast.team, user=cast.member, scope=scope)
    answers_save(assessment=assessment, user=cast.member, items=complete_answers(framework))
    return assessment_submit(assessment=assessment, user=cast.member)


def test_it_records_the_scope_answered_at_the_start(cast, team, scoped_framework):
    started = assessment_start(framework=scoped_framework, team=team, user=cast.member, scope={"regulated": False})

    assert Assessment.objects.get(pk=started.pk).scope == {"regulated": False}


def test_a_bad_scope_names_each_bad_answer_and_starts_nothing(cast, team, scoped_framework):
    with pytest.raises(ScopeInvalidError) as refused:
        assessment_start(
            framework=scoped_framework, team=team, user=cast.member, scope={"regulated": "yes", "crypto": True}
        )

    assert refused.value.body() == {
        "scope": {"regulated": ["Must be true or false."], "crypto": ["Not a scope of this assessment's framework."]}
    }
    assert not team.assessments.exists()


def test_starting_from_the_last_assessment_carries_its_scope(cast, team, scoped_framework):
    submitted_with_scope(cast, scoped_framework, {"regulated": False})

    follow_up = assessment_start(framework=scoped_framework, team=team, user=cast.owner, carry_forward=True)

    assert Assessment.objects.get(pk=follow_up.pk).scope == {"regulated": False}


def test_the_scope_answered_at_the_start_wins_over_the_carried_one(cast, team, scoped_framework):
    submitted_with_scope(cast, scoped_framework, {"regulated": False})

    follow_up = assessment_start(
        framework=scoped_framework, team=team, user=cast.owner, carry_forward=True, scope={"regulated": True}
    )

    assert Assessment.objects.get(pk=follow_up.pk).scope == {"regulated": True}


def test_only_the_scopes_the_new_version_asks_carry_over(cast, team, scoped_framework):
    previous = submitted_with_scope(cast, scoped_framework, {"regulated": True})
    Assessment.objects.filter(pk=previous.pk).update(scope={"regulated": True, "retired_question": False})

    follow_up = assessment_start(framework=scoped_framework, team=team, user=cast.owner, carry_forward=True)

    assert Assessment.objects.get(pk=follow_up.pk).scope == {"regulated": True}


def test_a_blank_start_carries_no_scope(cast, team, scoped_framework):
    submitted_with_scope(cast, scoped_framework, {"regulated": False})

    fresh = assessment_start(framework=scoped_framework, team=team, user=cast.owner)

    assert Assessment.objects.get(pk=fresh.pk).scope == {}
