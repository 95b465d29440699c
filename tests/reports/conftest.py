import pytest

from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from maturity.selectors import framework_for_new_assessment
from tests.conftest import complete_answers
from tests.factories import AssessmentFactory


def submit_answers(cast, items, team=None, framework=None):
    """Starts (on `framework`, by default the one a new assessment takes), answers and submits an
    assessment; the report is pending (on_commit never fires inside a test transaction, so nothing is
    enqueued). Started by the factory, beside the cast's draft, which assessment_start would refuse."""
    framework = framework or framework_for_new_assessment()
    assessment = AssessmentFactory(framework=framework, team=team or cast.team, created_by=cast.member)
    answers_save(assessment=assessment, user=cast.member, items=items)
    assessment_submit(assessment=assessment, user=cast.member)
    return assessment


@pytest.fixture
def submitted(cast):
    """The cast's assessment, answered 2 everywhere except one practice, and submitted."""
    items = complete_answers(cast.framework, value=2)
    items[0] = AnswerInput(items[0].question, 1, "only some repos")
    answers_save(assessment=cast.assessment, user=cast.member, items=items)
    assessment_submit(assessment=cast.assessment, user=cast.member)
    return cast.assessment
