import pytest

from assessments.models import Assessment
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_submit
from tests.conftest import complete_answers


def submit_for_review(cast, user=None) -> Assessment:
    """The cast's assessment, required to be reviewed, answered and submitted by `user` (the member)."""
    user = user or cast.member
    cast.assessment.review_required = True
    cast.assessment.save(update_fields=["review_required"])
    answers_save(assessment=cast.assessment, user=user, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=user)
    cast.assessment.refresh_from_db()
    return cast.assessment


@pytest.fixture
def in_review(cast) -> Assessment:
    """Submitted by the cast's member (member@example.com) and waiting for review; its report pending."""
    return submit_for_review(cast)
