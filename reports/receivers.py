"""How the reports app hears from assessments (assessments.signals), connected in ReportsConfig.ready."""

from django.urls import reverse

from assessments.models import Assessment, Organization, Team
from assessments.signals import Followup, HomeSection, Link
from reports.builders.dashboards import team_row
from reports.selectors.home import home_results as select_home_results
from reports.services import report_discard, report_recompute_latest, report_request


def on_assessment_submitted(sender, *, assessment_id: int, **kwargs) -> Followup:
    """Inside the submit transaction: the report exists (pending) from the submission on."""
    report = report_request(assessment_id=assessment_id)
    return Followup(
        name="report",
        status=report.status,
        api_path=reverse("api-report", args=[assessment_id]),
        page_path=reverse("report", args=[assessment_id]),
    )


def on_assessment_returned(sender, *, assessment_id: int, **kwargs) -> None:
    """Inside the return transaction: back to draft, the assessment has no report until resubmitted."""
    report_discard(assessment_id=assessment_id)


def on_targets_changed(sender, *, team_id: int, framework_slug: str, **kwargs) -> None:
    """Inside the transaction that changed them: the team's latest report is computed again against them."""
    report_recompute_latest(team_id=team_id, framework_slug=framework_slug)


def organization_links(sender, *, instance: Organization, **kwargs) -> list[Link]:
    return [Link("Dashboard: every team's latest result", reverse("organization_dashboard", args=[instance.pk]))]


def team_links(sender, *, instance: Team, **kwargs) -> list[Link]:
    return [Link("Dashboard: progress over time, targets and roadmap", reverse("team_dashboard", args=[instance.pk]))]


def assessment_links(sender, *, instance: Assessment, **kwargs) -> list[Link]:
    if instance.is_draft:
        return []
    description = f"of {instance.short_title.lower()}"
    label = "See the provisional report" if instance.status == Assessment.Status.IN_REVIEW else "See the report"
    return [Link(label, reverse("report", args=[instance.pk]), description)]


def home_results(sender, *, user, **kwargs) -> HomeSection | None:
    """The latest results of the user's teams, what is ready lately and the targets not met, on their home."""
    results = select_home_results(user=user)
    if results is None:
        return None
    context = {
        "rows": [team_row(team, results.level_names) for team in results.teams],
        "recent": results.recent,
        "unmet": results.unmet,
    }
    return HomeSection(template="reports/_home_results.html", context=context)
