"""The team page: assessments, starting one, and targets."""

import pytest

from assessments.models import Assessment, TargetLevel
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_discard, assessment_submit
from assessments.services.targets import target_set
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db


def team_url(cast, suffix: str = "") -> str:
    return f"/teams/{cast.team.pk}/{suffix}"


def test_it_lists_the_assessments_with_progress(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework)[:14])
    client.force_login(cast.viewer)

    response = client.get(team_url(cast))

    [item] = response.context["items"]
    assert (item.assessment, item.progress.answered, item.progress.percent) == (cast.assessment, 14, 25)


def test_it_starts_a_blank_assessment(client, cast):
    assessment_discard(assessment=cast.assessment)
    client.force_login(cast.member)

    response = client.post(team_url(cast, "assessments/"), {"start": "blank"})

    new = Assessment.objects.exclude(pk=cast.assessment.pk).get()
    assert response.url == f"/assessments/{new.pk}/"
    assert (new.kind, new.created_by, new.answers.count()) == ("self", cast.member, 0)


def test_an_assessor_starts_an_audit(client, cast):
    assessment_discard(assessment=cast.assessment)
    client.force_login(cast.assessor)

    client.post(team_url(cast, "assessments/"), {"start": "blank"})

    assert Assessment.objects.exclude(pk=cast.assessment.pk).get().kind == "audit"


def test_it_prefills_from_the_last_submitted_assessment(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework, value=3))
    assessment_submit(assessment=cast.assessment, user=cast.member)
    client.force_login(cast.member)

    client.post(team_url(cast, "assessments/"), {"start": "previous"})

    new = Assessment.objects.exclude(pk=cast.assessment.pk).get()
    assert set(new.answers.values_list("value", flat=True)) == {3}
    assert new.answers.count() == cast.framework.questions.count()


def test_it_offers_the_prefill_only_after_a_submitted_assessment(client, cast):
    client.force_login(cast.member)

    response = client.get(team_url(cast))

    assert "The answers of the last submitted assessment" not in response.content.decode()


def test_it_shows_the_current_targets(client, cast):
    target_set(team=cast.team, framework=cast.framework, area_key="data", level=3, user=cast.owner)
    client.force_login(cast.member)

    response = client.get(team_url(cast))

    assert response.context["targets_form"]["data"].initial == 3
    assert "Set by owner on" in response.content.decode()


def test_it_saves_only_the_targets_that_changed(client, cast):
    target_set(team=cast.team, framework=cast.framework, area_key="data", level=2, user=cast.owner)
    target_set(team=cast.team, framework=cast.framework, area_key="training", level=1, user=cast.owner)
    client.force_login(cast.member)

    response = client.post(team_url(cast, "targets/"), {"data": "2", "training": "3", "monitoring": "4", "people": ""})

    assert response.url == team_url(cast)
    changed = TargetLevel.objects.filter(set_by=cast.member).values_list("area_key", "level")
    assert sorted(changed) == [("monitoring", 4), ("training", 3)]


def test_it_refuses_a_level_outside_0_to_4(client, cast):
    client.force_login(cast.member)

    response = client.post(team_url(cast, "targets/"), {"data": "5"})

    assert response.status_code == 200
    assert not TargetLevel.objects.exists()


def test_viewers_read_without_forms(client, cast):
    client.force_login(cast.viewer)

    html = client.get(team_url(cast)).content.decode()

    assert team_url(cast, "assessments/") not in html
    assert team_url(cast, "targets/") not in html
