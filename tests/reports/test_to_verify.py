"""A report of an assessment with don't know answers: its "to verify" section in the content, the page and the
API, and the CSV export writing "unknown"."""

import csv
import io

import pytest

from assessments.models import Assessment
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from assessments.services.surveys import respondent_add, respondent_answers_save, respondent_submit
from reports.api.serializers import ReportOutputSerializer
from reports.services import report_compute
from tests.api_helpers import api_as
from tests.assessments.surveys.conftest import member
from tests.conftest import complete_answers
from tests.documented import assert_documented
from tests.reports.conftest import submit_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(cast) -> Assessment:
    cast.assessment.mode = Assessment.Mode.SURVEY
    cast.assessment.save(update_fields=["mode"])
    return cast.assessment


def with_unknown(cast, value=2):
    items = complete_answers(cast.framework, value=value)
    items[1] = AnswerInput(items[1].question, "unknown")
    return items


def test_the_report_lists_what_to_verify_with_area_and_who_answered(client, cast):
    items = with_unknown(cast)
    assessment = submit_answers(cast, items)

    report_compute(assessment_id=assessment.pk)

    body = api_as(cast.viewer).get(f"/api/assessments/{assessment.pk}/report/").json()
    question = cast.framework.questions.get(key=items[1].question)
    assert [(i["question"], i["area"], i["area_name"], i["answered_by"]) for i in body["to_verify"]] == [
        (question.key, question.area.key, question.area.name, "member")
    ]
    assert_documented(body, ReportOutputSerializer())
    step = next(step for step in body["next_steps"] if step["question"] == question.key)
    # A next step like a practice not in place (it scores 0), and says the answer was "don't know".
    assert step["value"] == "unknown"
    client.force_login(cast.viewer)
    page = client.get(f"/assessments/{assessment.pk}/report/").content.decode()
    assert '<h2 id="verify-heading">To verify</h2>' in page
    assert f"<td>{question.statement}</td>" in page


def test_a_report_without_unknown_has_no_section(client, cast):
    assessment = submit_answers(cast, complete_answers(cast.framework, value=2))

    report_compute(assessment_id=assessment.pk)

    assert api_as(cast.viewer).get(f"/api/assessments/{assessment.pk}/report/").json()["to_verify"] == []
    client.force_login(cast.viewer)
    assert "To verify" not in client.get(f"/assessments/{assessment.pk}/report/").content.decode()


def test_a_survey_report_counts_the_respondents_who_did_not_know_without_naming_them(client, cast, survey):
    items = with_unknown(cast)
    key = items[1].question
    for name, value in (("respondent-ada", "unknown"), ("respondent-bob", 3), ("respondent-cy", "unknown")):
        respondent = respondent_add(assessment=survey, added_by=cast.owner, username=member(cast, name).username)
        respondent_answers_save(respondent=respondent, items=[AnswerInput(key, value)])
        respondent_submit(respondent=respondent)
    answers_save(assessment=survey, user=cast.owner, items=items)
    assessment_submit(assessment=survey, user=cast.owner)

    report_compute(assessment_id=survey.pk)

    body = api_as(cast.viewer).get(f"/api/assessments/{survey.pk}/report/").json()
    assert [(i["question"], i["answered_by"], i["respondents_unknown"]) for i in body["to_verify"]] == [
        (key, "owner", 2)
    ]
    client.force_login(cast.viewer)
    page = client.get(f"/assessments/{survey.pk}/report/").content.decode()
    assert "2 respondents did not know either" in page
    assert "respondent-" not in page


def test_the_csv_export_writes_unknown_as_the_value(cast):
    items = with_unknown(cast)
    assessment = submit_answers(cast, items)

    response = api_as(cast.viewer).get(f"/api/assessments/{assessment.pk}/export.csv")

    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}
    assert (rows[items[1].question]["value"], rows[items[0].question]["value"]) == ("unknown", "2")
