"""The ML systems an assessment covers: given on start, changed on a draft (PATCH /api/assessments/{id}/),
never once submitted, copied on carry-over."""

import pytest

from assessments.models import Assessment
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_discard, assessment_submit
from tests.api_helpers import api_as
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db
FRAUD = "Fraud scoring (card), fraud scoring (ACH); not the legacy SAS models"


def start(user, team, **extra):
    return api_as(user).post("/api/assessments/", {"team": team.pk, **extra}, format="json")


def update(user, assessment, body):
    return api_as(user).patch(f"/api/assessments/{assessment.pk}/", body, format="json")


def submitted(cast, systems_covered: str = FRAUD) -> Assessment:
    cast.assessment.systems_covered = systems_covered
    cast.assessment.save(update_fields=["systems_covered"])
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.member)
    return cast.assessment


def test_it_starts_one_with_the_systems_it_covers_trimmed(cast):
    assessment_discard(assessment=cast.assessment)

    response = start(cast.member, cast.team, systems_covered=f"  {FRAUD}\n")

    assert (response.status_code, response.json()["systems_covered"]) == (201, FRAUD)
    assert Assessment.objects.get(pk=response.json()["id"]).systems_covered == FRAUD


def test_it_starts_one_without_them(cast):
    assessment_discard(assessment=cast.assessment)

    assert start(cast.member, cast.team).json()["systems_covered"] == ""


def test_it_refuses_too_long_a_text_on_start_naming_the_field(cast):
    assessment_discard(assessment=cast.assessment)

    response = start(cast.member, cast.team, systems_covered="x" * 501)

    assert (response.status_code, list(response.json())) == (400, ["systems_covered"])
    assert not Assessment.objects.exists()


def test_a_member_changes_them_on_a_draft(cast):
    response = update(cast.member, cast.assessment, {"systems_covered": f" {FRAUD} "})

    assert (response.status_code, response.json()["systems_covered"]) == (200, FRAUD)
    cast.assessment.refresh_from_db()
    assert cast.assessment.systems_covered == FRAUD


def test_the_list_and_the_detail_show_them(cast):
    update(cast.member, cast.assessment, {"systems_covered": FRAUD})

    [listed] = api_as(cast.viewer).get(f"/api/assessments/?team={cast.team.pk}").json()["results"]
    detail = api_as(cast.viewer).get(f"/api/assessments/{cast.assessment.pk}/").json()

    assert listed["systems_covered"] == detail["systems_covered"] == FRAUD


def test_they_can_be_cleared(cast):
    update(cast.member, cast.assessment, {"systems_covered": FRAUD})

    response = update(cast.member, cast.assessment, {"systems_covered": ""})

    assert (response.status_code, Assessment.objects.get().systems_covered) == (200, "")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"systems_covered": "x" * 501}, "systems_covered"),
        ({"systems_covered": 3}, "systems_covered"),
        ({"systems_covered": "x\x00"}, "systems_covered"),
        ({"status": "submitted"}, "status"),
        ({}, "detail"),
    ],
)
def test_it_refuses_a_bad_body_naming_the_field_and_changes_nothing(cast, body, field):
    update(cast.member, cast.assessment, {"systems_covered": FRAUD})

    response = update(cast.member, cast.assessment, body)

    assert (response.status_code, field in response.json()) == (400, True)
    assert Assessment.objects.get().systems_covered == FRAUD


def test_a_submitted_assessment_refuses_a_change(cast):
    assessment = submitted(cast)

    response = update(cast.owner, assessment, {"systems_covered": "Everything"})

    assert response.status_code == 409
    assert Assessment.objects.get().systems_covered == FRAUD


@pytest.mark.parametrize(("role", "expected"), [("viewer", 403), ("outsider", 404)])
def test_viewers_and_outsiders_cannot_change_them(cast, role, expected):
    assert update(cast.users[role], cast.assessment, {"systems_covered": FRAUD}).status_code == expected
    assert Assessment.objects.get().systems_covered == ""


def test_carrying_forward_copies_them(cast):
    submitted(cast)

    body = start(cast.member, cast.team, carry_forward=True).json()

    assert body["systems_covered"] == FRAUD


def test_carrying_forward_keeps_the_ones_given(cast):
    submitted(cast)

    body = start(cast.member, cast.team, carry_forward=True, systems_covered="Fraud scoring (card) only").json()

    assert body["systems_covered"] == "Fraud scoring (card) only"


def test_a_blank_start_does_not_copy_them(cast):
    submitted(cast)

    assert start(cast.member, cast.team).json()["systems_covered"] == ""
