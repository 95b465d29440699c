from reports.services import report_compute
from tests.conftest import complete_answers
from tests.reports.conftest import submit_answers


def submit_and_compute(cast, value: int, team=None):
    """A submitted assessment answered `value` everywhere, with its report computed in process."""
    assessment = submit_answers(cast, complete_answers(cast.framework, value=value), team=team)
    report_compute(assessment_id=assessment.pk)
    return assessment
