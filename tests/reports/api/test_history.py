import csv
import io

import pytest

from assessments.models import Assessment
from assessments.services.answers import AnswerInput
from reports.services import report_compute
from tests.api_helpers import api_as
from tests.conftest import complete_answers
from tests.reports.conftest import submit_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_quarters(cast):
    assessments = [submit_answers(cast, complete_answers(cast.framework, value=value)) for value in (1, 2, 3)]
    for assessment in assessments:
        report_compute(assessment_id=assessment.pk)
    return assessments


def test_it_lists_submitted_assessments_oldest_first_with_levels_and_scores(cast, three_quarters):
    body = api_as(cast.viewer).get(f"/api/teams/{cast.team.pk}/history/").json()

    assert [entry["id"] for entry in body] == [a.pk for a in three_quarters]
    # Answered 1, 2, 3 everywhere: S = 4/3, 8/3, 4 in each area; levels 2, 3, 4 (thresholds 4/3, 7/3, 10/3);
    # scores 4/3 + 2/3 = 2, 8/3 + 2/3 = 10/3 (3.33), 4.
    assert [entry["overall"] for entry in body] == [
        {"level": 2, "score": 2.0},
        {"level": 3, "score": 3.33},
        {"level": 4, "score": 4.0},
    ]
    assert body[0]["areas"][0] == {"key": "people", "level": 2, "score": 2.0}


def test_the_draft_is_not_history(cast, three_quarters):
    ids = [entry["id"] for entry in api_as(cast.viewer).get(f"/api/teams/{cast.team.pk}/history/").json()]

    assert cast.assessment.pk not in ids


def test_the_csv_has_a_row_per_assessment_with_area_columns(cast, three_quarters):
    response = api_as(cast.viewer).get(f"/api/teams/{cast.team.pk}/history.csv")

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert len(rows) == 3
    # Answered 1 everywhere: S = 4/3, level 2, score 2; answered 3: 4.
    assert (rows[0]["overall_score"], rows[0]["people_level"], rows[2]["data_score"]) == ("2.0", "2", "4.0")


def test_the_history_and_its_csv_name_the_systems_each_assessment_covers(cast, three_quarters):
    Assessment.objects.filter(pk=three_quarters[1].pk).update(systems_covered="=Fraud scoring (card)")

    body = api_as(cast.viewer).get(f"/api/teams/{cast.team.pk}/history/").json()
    response = api_as(cast.viewer).get(f"/api/teams/{cast.team.pk}/history.csv")

    assert [entry["systems_covered"] for entry in body] == ["", "=Fraud scoring (card)", ""]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["systems_covered"] for row in rows] == ["", "'=Fraud scoring (card)", ""]


def test_the_assessment_csv_has_a_row_per_question_and_neutralises_formulas(cast):
    items = complete_answers(cast.framework)
    items[0] = AnswerInput(items[0].question, 2, '=HYPERLINK("http://evil")')
    assessment = submit_answers(cast, items)

    response = api_as(cast.viewer).get(f"/api/assessments/{assessment.pk}/export.csv")

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == cast.framework.questions.count()
    assert rows[0]["comment"] == '\'=HYPERLINK("http://evil")'
    assert (rows[0]["answered_by"], rows[0]["value"]) == ("member", "2")


def test_the_assessment_csv_says_each_answer_in_words_beside_its_value(cast):
    items = complete_answers(cast.framework)
    items[0] = AnswerInput(items[0].question, 2)
    items[1] = AnswerInput(items[1].question, "na", "No models in production yet")
    assessment = submit_answers(cast, items)

    response = api_as(cast.viewer).get(f"/api/assessments/{assessment.pk}/export.csv")

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(row["answer"], row["value"]) for row in rows[:2]] == [("Mostly in place", "2"), ("Not applicable", "na")]
    assert rows[0]["statement"] == cast.framework.questions.get(key=items[0].question).statement


def test_the_history_csv_names_each_assessment_by_its_title(cast, three_quarters):
    response = api_as(cast.viewer).get(f"/api/teams/{cast.team.pk}/history.csv")

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["assessment"] for row in rows] == [assessment.title for assessment in three_quarters]
    assert list(rows[0])[:2] == ["assessment_id", "assessment"]


@pytest.mark.parametrize(
    "path", ["/api/teams/{team}/history/", "/api/teams/{team}/history.csv", "/api/assessments/{assessment}/export.csv"]
)
def test_outsiders_get_404(cast, path):
    path = path.format(team=cast.team.pk, assessment=cast.assessment.pk)

    assert api_as(cast.outsider).get(path).status_code == 404


def test_the_history_is_two_queries_however_long(cast, django_assert_num_queries):
    client = api_as(cast.viewer)  # authenticated without a token: no token query
    path = f"/api/teams/{cast.team.pk}/history/"
    with django_assert_num_queries(2):  # the team with its tenancy check; the history with its area results
        assert client.get(path).json() == []
    for value in (1, 2, 3, 0, 2):
        report_compute(assessment_id=submit_answers(cast, complete_answers(cast.framework, value=value)).pk)

    with django_assert_num_queries(2):
        assert len(client.get(path).json()) == 5


def test_a_conditional_get_is_304_until_the_history_changes(cast, submitted):
    client = api_as(cast.viewer)
    path = f"/api/teams/{cast.team.pk}/history/"
    etag = client.get(path)["ETag"]

    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304
    report_compute(assessment_id=submitted.pk)
    changed = client.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()[0]["report_status"] == "ready"


def test_the_history_of_one_framework_leaves_out_the_others(cast, submitted, other_framework):
    client = api_as(cast.viewer)
    path = f"/api/teams/{cast.team.pk}/history/"

    assert [entry["framework"] for entry in client.get(path, {"framework": "mlops"}).json()] == ["mlops"]
    assert client.get(path, {"framework": "other"}).json() == []
    assert client.get(path, {"framework": "not a slug"}).status_code == 400


def test_an_empty_history_of_a_team_elsewhere_is_404(cast):
    assert api_as(cast.outsider).get(f"/api/teams/{cast.team.pk}/history/").status_code == 404
    assert api_as(cast.viewer).get("/api/teams/999999999/history/").status_code == 404
