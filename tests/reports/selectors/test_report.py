"""What a report is computed from: the team's history, targets and the other teams' median, each on the
report's own framework (any version of it), never another framework's."""

import pytest

from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_submit
from assessments.services.organizations import team_create
from assessments.services.targets import target_set
from reports.selectors.report import report_inputs
from reports.services import report_compute
from tests.conftest import complete_answers
from tests.factories import AssessmentFactory

pytestmark = pytest.mark.django_db


def submit_on(cast, framework, team, value):
    assessment = AssessmentFactory(framework=framework, team=team, created_by=cast.member)  # beside the cast's draft
    answers_save(assessment=assessment, user=cast.member, items=complete_answers(framework, value=value))
    assessment_submit(assessment=assessment, user=cast.member)
    report_compute(assessment_id=assessment.pk)
    return assessment


def test_history_targets_and_median_come_from_the_same_framework_only(cast, other_framework):
    neighbour = team_create(organization=cast.organization, name="Neighbour")
    submit_on(cast, cast.framework, cast.team, 1)
    submit_on(cast, other_framework, cast.team, 3)
    submit_on(cast, cast.framework, neighbour, 2)
    submit_on(cast, other_framework, neighbour, 0)
    target_set(team=cast.team, framework=cast.framework, area_key="data", level=3, user=cast.owner)
    target_set(team=cast.team, framework=other_framework, area_key="data", level=1, user=cast.owner)

    inputs = report_inputs(assessment_id=submit_on(cast, cast.framework, cast.team, 2).pk)

    # Answered 1 on mlops (S = 4/3 everywhere: level 2, score 4/3 + 2/3 = 2), not the 3 on other; the
    # neighbour's 2 gives S = 8/3: level 3, score 8/3 + 2/3 = 10/3 (3.33).
    assert [point.overall_score for point in inputs.history] == [2.0]
    assert inputs.targets == {"data": 3}
    assert set(inputs.others_median.values()) == {3.33}
