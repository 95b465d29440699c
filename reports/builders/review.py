"""Where a report stands on review, as the API, the pages and the standalone file show it: an assessment in
review has a provisional report; an accepted one says who reviewed it and when."""

from assessments.models import Assessment


def review_state(assessment: Assessment) -> dict:
    """{required, status, provisional, reviewed_by, reviewed_at}; `status` is not_required, in_review or
    accepted. Reads the assessment's own fields and its `reviewed_by` (fetch it with the assessment)."""
    in_review = assessment.status == Assessment.Status.IN_REVIEW
    accepted = assessment.reviewed_at is not None and assessment.status == Assessment.Status.SUBMITTED
    reviewer = assessment.reviewed_by if accepted else None
    return {
        "required": assessment.review_required,
        "status": "in_review" if in_review else "accepted" if accepted else "not_required",
        "provisional": in_review,
        "reviewed_by": reviewer.get_username() if reviewer else None,
        "reviewed_at": assessment.reviewed_at if accepted else None,
    }
