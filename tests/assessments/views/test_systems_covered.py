"""The ML systems an assessment covers, on its pages: set on the start form, changed on a draft's summary,
never once submitted; shown with how to answer when the systems' practices differ."""

import pytest

from assessments.models import Assessment
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_discard, assessment_submit
from assessments.views.questionnaire import ANSWER_LABELS
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db
FRAUD = "Fraud scoring (card), fraud scoring (ACH); not the legacy SAS models"


def systems_url(assessment) -> str:
    return f"/assessments/{assessment.pk}/systems/"


def covering(cast, systems_covered: str = FRAUD) -> Assessment:
    cast.assessment.systems_covered = systems_covered
    cast.assessment.save(update_fields=["systems_covered"])
    return cast.assessment


def submitted(cast) -> Assessment:
    assessment = covering(cast)
    answers_save(assessment=assessment, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=assessment, user=cast.member)
    return assessment


def test_the_start_form_sets_them(client, cast):
    assessment_discard(assessment=cast.assessment)
    client.force_login(cast.member)

    client.post(f"/teams/{cast.team.pk}/assessments/", {"start": "blank", "systems_covered": f" {FRAUD} "})

    assert Assessment.objects.get().systems_covered == FRAUD


def test_the_start_form_refuses_too_long_a_text(client, cast):
    assessment_discard(assessment=cast.assessment)
    client.force_login(cast.member)

    response = client.post(f"/teams/{cast.team.pk}/assessments/", {"start": "blank", "systems_covered": "x" * 501})

    assert "systems_covered" in response.context["start_form"].errors
    assert "at most 500 characters" in response.content.decode()
    assert not Assessment.objects.exists()


def test_starting_from_the_last_assessment_copies_them(client, cast):
    submitted(cast)
    client.force_login(cast.member)

    client.post(f"/teams/{cast.team.pk}/assessments/", {"start": "previous", "systems_covered": ""})

    assert Assessment.objects.exclude(pk=cast.assessment.pk).get().systems_covered == FRAUD


def test_a_member_changes_them_on_the_summary_of_a_draft(client, cast):
    client.force_login(cast.member)

    response = client.post(systems_url(cast.assessment), {"systems_covered": f"{FRAUD}\n"})

    assert response.url == f"/assessments/{cast.assessment.pk}/summary/"
    assert Assessment.objects.get().systems_covered == FRAUD


def test_the_summary_of_a_draft_offers_the_change(client, cast):
    covering(cast)
    client.force_login(cast.member)

    html = client.get(f"/assessments/{cast.assessment.pk}/summary/").content.decode()

    assert f'action="{systems_url(cast.assessment)}"' in html
    assert FRAUD in html


def test_the_summary_refuses_too_long_a_text_and_keeps_them(client, cast):
    covering(cast)
    client.force_login(cast.member)

    response = client.post(systems_url(cast.assessment), {"systems_covered": "x" * 501})

    assert response.status_code == 400
    assert "systems_covered" in response.context["systems_form"].errors
    assert Assessment.objects.get().systems_covered == FRAUD


def test_a_submitted_assessment_refuses_a_change(client, cast):
    assessment = submitted(cast)
    client.force_login(cast.owner)

    response = client.post(systems_url(assessment), {"systems_covered": "Everything"})

    assert response.status_code == 409
    assert "can no longer change" in response.content.decode()
    assert Assessment.objects.get().systems_covered == FRAUD


def test_the_summary_of_a_submitted_one_only_shows_them(client, cast):
    assessment = submitted(cast)
    client.force_login(cast.member)

    html = client.get(f"/assessments/{assessment.pk}/summary/").content.decode()

    assert FRAUD in html
    assert systems_url(assessment) not in html


def test_a_viewer_cannot_change_them(client, cast):
    covering(cast)
    client.force_login(cast.viewer)

    assert client.post(systems_url(cast.assessment), {"systems_covered": ""}).status_code == 403
    assert Assessment.objects.get().systems_covered == FRAUD


def test_the_questionnaire_says_what_it_covers_and_how_to_answer_for_several_systems(client, cast):
    covering(cast)
    client.force_login(cast.member)

    html = client.get(f"/assessments/{cast.assessment.pk}/areas/data/").content.decode()

    assert f"<strong>Covers:</strong> {FRAUD}" in html
    assert "When practices differ between the systems it covers" in html
    assert all(f"{ANSWER_LABELS[value]} = " in html for value in ("1", "2", "3"))


def test_the_questionnaire_says_nothing_of_systems_it_does_not_name(client, cast):
    client.force_login(cast.member)

    html = client.get(f"/assessments/{cast.assessment.pk}/areas/data/").content.decode()

    assert "Covers:" not in html
