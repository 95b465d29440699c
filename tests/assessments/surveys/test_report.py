"""Only the agreed answers are scored, and the report shows where the respondents disagreed (computed by the
worker from their submitted answers, in a pure builder)."""

import pytest

from assessments.errors import AnswersInvalidError
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from assessments.services.surveys import consensus_record_medians
from reports.builders.disagreements import disagreements
from reports.models import Report
from reports.selectors.report import framework_definition_and_text
from reports.services import report_compute
from tests.assessments.surveys.conftest import first_keys, member, responded
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db


def test_it_lists_only_the_questions_two_steps_apart_in_framework_order(cast):
    _, text = framework_definition_and_text(cast.framework)
    q1, q2, q3 = first_keys(cast.framework, 3)

    found = disagreements(text=text, responses={q3: [1, 3], q2: [2, 3], q1: [0, 1, 3, "na"]}, answers={q1: 1})

    assert [(d["question"], d["min"], d["median"], d["max"], d["agreed"]) for d in found] == [
        (q1, 0, 1.0, 3, 1),
        (q3, 1, 2.0, 3, None),
    ]
    assert found[0]["statement"] == text.questions[q1].statement
    assert found[0]["area"] == text.questions[q1].area


def test_it_finds_none_without_respondents(cast):
    _, text = framework_definition_and_text(cast.framework)

    assert disagreements(text=text, responses={}, answers={}) == []


def test_it_scores_the_agreed_answers_only_and_reports_the_disagreements(client, cast, survey):
    q1, q2 = first_keys(cast.framework, 2)
    responded(cast, survey, member(cast, "ada"), {q1: 0, q2: 3})
    responded(cast, survey, member(cast, "bob"), {q1: 3, q2: 3})
    responded(cast, survey, member(cast, "cy"), {q1: 1, q2: 3})
    consensus_record_medians(assessment=survey, user=cast.owner)  # q1: median 1, q2: 3
    rest = [item for item in complete_answers(cast.framework, value=0) if item.question not in {q1, q2}]
    answers_save(assessment=survey, user=cast.owner, items=rest)
    assessment_submit(assessment=survey, user=cast.owner)

    report_compute(assessment_id=survey.pk)

    report = Report.objects.get(assessment=survey)
    step = next(step for step in report.content["next_steps"] if step["question"] == q1)
    assert step["value"] == 1  # the agreed answer, not any respondent's
    assert [(d["question"], d["min"], d["median"], d["max"], d["agreed"]) for d in report.content["disagreements"]] == [
        (q1, 0, 1.0, 3, 1)
    ]
    client.force_login(cast.viewer)
    assert client.get(f"/api/assessments/{survey.pk}/report/").json()["disagreements"][0]["question"] == q1
    page = client.get(f"/assessments/{survey.pk}/report/").content.decode()
    assert "Where respondents disagreed" in page
    assert '<td class="numeric">3</td><td>1 started</td>' in page


def test_it_reports_no_disagreement_in_workshop_mode(client, cast):
    answers_save(assessment=cast.assessment, user=cast.owner, items=complete_answers(cast.framework, value=2))
    assessment_submit(assessment=cast.assessment, user=cast.owner)

    report_compute(assessment_id=cast.assessment.pk)

    client.force_login(cast.owner)
    assert client.get(f"/api/assessments/{cast.assessment.pk}/report/").json()["disagreements"] == []
    assert (
        "Where respondents disagreed" not in client.get(f"/assessments/{cast.assessment.pk}/report/").content.decode()
    )


def test_it_keeps_agreed_answers_validated_as_any_other(cast, survey):
    (q1,) = first_keys(cast.framework, 1)

    with pytest.raises(AnswersInvalidError):
        answers_save(assessment=survey, user=cast.owner, items=[AnswerInput(q1, "na")])


@pytest.mark.parametrize(("respondents", "shown"), [(2, False), (3, True)])
def test_an_anonymous_surveys_report_shows_the_disagreements_once_3_submitted(cast, anonymous, respondents, shown):
    (q1,) = first_keys(cast.framework, 1)
    for name, value in list(zip(["ada", "bob", "cy"], [0, 3, 3], strict=True))[:respondents]:
        responded(cast, anonymous, member(cast, name), {q1: value})
    answers_save(assessment=anonymous, user=cast.owner, items=complete_answers(cast.framework, value=2))
    assessment_submit(assessment=anonymous, user=cast.owner)

    report_compute(assessment_id=anonymous.pk)

    assert bool(Report.objects.get(assessment=anonymous).content["disagreements"]) is shown
