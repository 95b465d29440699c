"""A team that moves from version 1 to version 2 of the framework: answers carry over through the mapping,
earlier answers show beside merged or split questions, and history and comparisons mark the change.
Through the API and the pages."""

import pytest

from assessments.models import Assessment
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_scope_set, assessment_submit
from reports.services import report_compute
from tests.api_helpers import api_as
from tests.conftest import complete_answers
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ON_CALL_COMMENT = "PagerDuty rota; runbooks for two of five models"


@pytest.fixture
def on_version_one(cast):
    """The cast's version-1 assessment answered 2 everywhere, with a few distinctive answers, submitted
    with its report."""
    items = complete_answers(cast.framework, value=2)
    distinct = {
        "people.shared_repository": AnswerInput("people.shared_repository", 3, "all in GitLab"),
        "people.on_call": AnswerInput("people.on_call", 1, ON_CALL_COMMENT),
        "experiments.automated_comparison": AnswerInput("experiments.automated_comparison", 0),
        "governance.privacy": AnswerInput("governance.privacy", "na", "no personal data"),
    }
    answers_save(
        assessment=cast.assessment, user=cast.member, items=[distinct.get(item.question, item) for item in items]
    )
    assessment_submit(assessment=cast.assessment, user=cast.member)
    report_compute(assessment_id=cast.assessment.pk)
    return cast.assessment


def start_carried(cast) -> dict:
    response = api_as(cast.member).post(
        "/api/assessments/", {"team": cast.team.pk, "carry_forward": True}, format="json"
    )
    assert response.status_code == 201
    return response.json()


def answers_of(body: dict) -> dict:
    return {answer["question"]: (answer["value"], answer["comment"]) for answer in body["answers"]}


def test_a_version_two_assessment_carries_over_every_answer_that_maps_one_to_one(on_version_one, mlops_v2, cast):
    body = start_carried(cast)

    answers = answers_of(body)
    assert (body["framework_version"], body["carried_from"]) == (2, on_version_one.pk)
    assert answers["people.shared_repository"] == (3, "all in GitLab")  # the same key
    assert answers["testing.model_validation"] == (0, "")  # replaces experiments.automated_comparison
    assert answers["security.data_access"] == (2, "")  # replaces governance.access_control
    assert answers["governance.privacy"] == ("na", "no personal data")
    assert answers["people.on_call_rota"] == (None, "")  # one part of a split: not carried
    assert answers["deployment.automatic_rollback"] == (2, "")  # kept its key beside the new fast_rollback
    assert answers["security.model_signing"] == (None, "")  # new in version 2


def test_split_questions_show_the_earlier_answer_beside_them(on_version_one, mlops_v2, cast):
    body = start_carried(cast)

    earlier = {(e["question"], e["earlier_question"]): (e["value"], e["comment"]) for e in body["earlier_answers"]}
    assert earlier[("people.on_call_rota", "people.on_call")] == (1, ON_CALL_COMMENT)
    assert earlier[("people.model_runbooks", "people.on_call")] == (1, ON_CALL_COMMENT)
    assert set(earlier) == {
        ("people.on_call_rota", "people.on_call"),
        ("people.model_runbooks", "people.on_call"),
        ("deployment.environment_promotion", "deployment.staged_environments"),
        ("deployment.environments_as_code", "deployment.staged_environments"),
    }
    assert all(question not in answers_of(body) or answers_of(body)[question][0] is None for question, _ in earlier)


def test_the_questionnaire_shows_the_earlier_answer_beside_a_split_question(on_version_one, mlops_v2, cast, client):
    body = start_carried(cast)
    client.force_login(cast.member)

    page = client.get(f"/assessments/{body['id']}/areas/people/").content.decode()

    rota = page.split('id="q-people.on_call_rota"', 1)[1].split("</article>", 1)[0]
    assert "MLOps maturity model version 1 asked this as part of a broader question" in rota
    assert "An on-call rotation covers model incidents using runbooks" in rota
    assert "Started" in rota
    assert ON_CALL_COMMENT in rota


def test_a_fresh_start_carries_nothing_and_shows_no_earlier_answers(on_version_one, mlops_v2, cast):
    body = api_as(cast.member).post("/api/assessments/", {"team": cast.team.pk}, format="json").json()

    assert (body["carried_from"], body["earlier_answers"]) == (None, [])
    assert {answer["value"] for answer in body["answers"]} == {None}


def submit_version_two(cast) -> Assessment:
    body = start_carried(cast)
    assessment = Assessment.objects.get(pk=body["id"])
    assessment_scope_set(assessment=assessment, answers={"genai": False, "eu_market": True})
    unanswered = [a["question"] for a in body["answers"] if a["value"] is None]
    answers_save(assessment=assessment, user=cast.member, items=[AnswerInput(key, 3) for key in unanswered])
    assessment_submit(assessment=assessment, user=cast.member)
    report_compute(assessment_id=assessment.pk)
    return assessment


def test_the_history_marks_where_version_two_begins_and_lines_areas_up_by_key(on_version_one, mlops_v2, cast):
    submit_version_two(cast)

    history = api_as(cast.viewer).get(f"/api/teams/{cast.team.pk}/history/").json()

    assert [(e["framework_version"], e["version_changed"]) for e in history] == [(1, False), (2, True)]
    assert {a["key"] for a in history[0]["areas"]} < {a["key"] for a in history[1]["areas"]}
    assert {"security", "cost"} <= {a["key"] for a in history[1]["areas"]}


def test_the_team_dashboard_marks_the_new_version_in_its_list_and_chart(on_version_one, mlops_v2, cast, client):
    submit_version_two(cast)
    client.force_login(cast.viewer)

    response = client.get(f"/teams/{cast.team.pk}/dashboard/")

    assert "New questionnaire: version 2" in response.content.decode()
    layout = response.context["history_figure"]["layout"]
    assert [annotation["text"] for annotation in layout["annotations"]] == ["Version 2"]
    assert layout["shapes"][0]["line"]["dash"] == "dash"


def test_the_comparison_pairs_questions_through_the_mapping(on_version_one, mlops_v2, cast, client):
    second = submit_version_two(cast)
    client.force_login(cast.viewer)

    response = client.get(f"/teams/{cast.team.pk}/compare/?a={on_version_one.pk}&b={second.pk}")

    questions = {question.key: question for question in response.context["comparison"].questions}
    validation = questions["testing.model_validation"]
    assert (validation.key_a, validation.value_a, validation.value_b) == ("experiments.automated_comparison", 0, 0)
    assert "experiments.automated_comparison" not in questions  # shown once, under its version-2 key
    rota = questions["people.on_call_rota"]
    assert (rota.in_a, rota.related_a[0][1], rota.value_b) == (False, "Started", 3)
    assert questions["people.documented_handover"].in_b is False  # removed in version 2
    assert "part of a split question of A's version" in response.content.decode()


def test_the_comparison_words_the_mapping_the_other_way_when_a_is_the_newer(on_version_one, mlops_v2, cast, client):
    second = submit_version_two(cast)
    client.force_login(cast.viewer)

    response = client.get(f"/teams/{cast.team.pk}/compare/?a={second.pk}&b={on_version_one.pk}")

    on_call = {question.key: question for question in response.context["comparison"].questions}["people.on_call"]
    assert [label for _, label in on_call.related_a] == ["Fully in place", "Fully in place"]
    assert "split into 2 questions in A's version" in response.content.decode()


def test_the_page_names_an_area_the_chosen_version_lacks(mlops_v2, client):
    client.force_login(cast_user := UserFactory())
    assert cast_user.is_authenticated

    response = client.get("/frameworks/mlops/?version=1&area=security")

    assert response.status_code == 400
    assert "Version 1 has no such area" in response.content.decode()


def test_carrying_over_from_version_two_to_version_two_keeps_every_answer(on_version_one, mlops_v2, cast):
    version_two = submit_version_two(cast)
    kept = {
        answer.question.key: ("na" if answer.not_applicable else answer.value, answer.comment)
        for answer in version_two.answers.select_related("question")
    }

    body = start_carried(cast)

    assert (body["framework_version"], body["carried_from"], body["earlier_answers"]) == (2, version_two.pk, [])
    assert {key: value for key, value in answers_of(body).items() if value != (None, "")} == kept
    assert answers_of(body)["people.on_call_rota"] == (3, "")  # replaces a version-1 key: carried all the same
