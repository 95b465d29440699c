"""How the reports app hears from assessments (assessments.signals), connected in ReportsConfig.ready."""

from reports.services import report_discard, report_recompute_latest, report_request


def on_assessment_submitted(sender, *, assessment_id: int, **kwargs) -> None:
    """Inside the submit transaction: the report exists (pending) from the submission on."""
    report_request(assessment_id=assessment_id)


def on_assessment_returned(sender, *, assessment_id: int, **kwargs) -> None:
    """Inside the return transaction: back to draft, the assessment has no report until resubmitted."""
    report_discard(assessment_id=assessment_id)


def on_targets_changed(sender, *, team_id: int, framework_slug: str, **kwargs) -> None:
    """Inside the transaction that changed them: the team's latest report is computed again against them."""
    report_recompute_latest(team_id=team_id, framework_slug=framework_slug)
