"""Scope and adaptive depth over the API (design sections 2 and 5)."""

import pytest

from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_discard, assessment_start
from tests.api_helpers import api_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(cast, scoped_framework):
    assessment_discard(assessment=cast.assessment)  # one draft per team: this one, on the scoped framework
    return assessment_start(framework=scoped_framework, team=cast.team, user=cast.member)


def scope_url(assessment) -> str:
    return f"/api/assessments/{assessment.pk}/scope/"


def test_a_new_draft_lists_its_unanswered_scope_and_the_level_1_questions_as_required(cast, draft, scoped_framework):
    body = api_as(cast.member).get(f"/api/assessments/{draft.pk}/").json()

    level_1 = list(scoped_framework.questions.filter(level=1).order_by("position").values_list("key", flat=True))
    assert body["scope"] == {"regulated": None}
    assert body["required"] == level_1


def test_answering_a_level_mostly_requires_the_next_one(cast, draft, scoped_framework):
    people_1 = scoped_framework.questions.filter(area__key="people", level=1)
    answers_save(assessment=draft, user=cast.member, items=[AnswerInput(q.key, 2) for q in people_1])

    required = api_as(cast.member).get(f"/api/assessments/{draft.pk}/").json()["required"]

    assert {key for key in required if key.startswith("people.")} == set(
        scoped_framework.questions.filter(area__key="people", level=2).values_list("key", flat=True)
    )


def test_a_scope_answered_no_takes_its_area_out(cast, draft):
    response = api_as(cast.member).patch(scope_url(draft), {"regulated": False}, format="json")

    assert response.status_code == 200
    assert response.json()["scope"] == {"regulated": False}
    assert not [key for key in response.json()["required"] if key.startswith("governance.")]


def test_bad_scope_answers_are_a_400_naming_each_and_change_nothing(cast, draft):
    client = api_as(cast.member)

    response = client.patch(scope_url(draft), {"regulated": "yes", "crypto": True}, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "regulated": ["Must be true or false."],
        "crypto": ["Not a scope of this assessment's framework."],
    }
    assert client.get(f"/api/assessments/{draft.pk}/").json()["scope"] == {"regulated": None}
    assert client.patch(scope_url(draft), [True], format="json").status_code == 400


@pytest.mark.parametrize(("role", "expected"), [("viewer", 403), ("outsider", 404)])
def test_viewers_and_outsiders_cannot_answer_the_scope(cast, draft, role, expected):
    assert api_as(cast.users[role]).patch(scope_url(draft), {"regulated": True}, format="json").status_code == expected


def test_submitting_needs_the_scope_and_only_the_required_questions(cast, draft, scoped_framework):
    client = api_as(cast.member)
    submit = f"/api/assessments/{draft.pk}/submit/"

    refused = client.post(submit).json()
    client.patch(scope_url(draft), {"regulated": False}, format="json")
    while required := client.get(f"/api/assessments/{draft.pk}/").json()["required"]:
        client.patch(
            f"/api/assessments/{draft.pk}/answers/", [{"question": k, "value": 1} for k in required], format="json"
        )
    accepted = client.post(submit)

    level_1 = scoped_framework.questions.filter(level=1).count()
    assert (refused["scopes"], len(refused["unanswered"])) == (["regulated"], level_1)
    assert accepted.status_code == 202
    answered = draft.answers.count()
    assert answered < scoped_framework.questions.count()


def start(client, team, **extra):
    return client.post("/api/assessments/", {"team": team.pk, **extra}, format="json")


@pytest.fixture
def no_draft(cast, scoped_framework):
    assessment_discard(assessment=cast.assessment)  # one draft per team: the tests start their own
    return cast.team


def test_the_scope_is_answered_as_the_assessment_starts(cast, no_draft):
    response = start(api_as(cast.member), no_draft, scope={"regulated": False})

    assert response.status_code == 201
    assert response.json()["scope"] == {"regulated": False}
    assert not [key for key in response.json()["required"] if key.startswith("governance.")]


def test_a_start_without_scope_leaves_it_unanswered(cast, no_draft):
    assert start(api_as(cast.member), no_draft).json()["scope"] == {"regulated": None}


def test_a_bad_scope_at_the_start_is_a_400_naming_each_and_starts_nothing(cast, no_draft):
    client = api_as(cast.member)

    response = start(client, no_draft, scope={"regulated": "yes", "crypto": True})
    not_an_object = start(client, no_draft, scope=[True])

    assert response.status_code == 400
    assert response.json() == {
        "scope": {"regulated": ["Must be true or false."], "crypto": ["Not a scope of this assessment's framework."]}
    }
    assert (not_an_object.status_code, not_an_object.json()) == (
        400,
        {"scope": ["Expected an object of scope key -> true or false."]},
    )
    assert not no_draft.assessments.exists()
