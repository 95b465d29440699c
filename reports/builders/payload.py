"""The report as GET /api/assessments/{id}/report/ returns it (ReportOutputSerializer documents it)."""

from reports.models import Report


def report_payload(report: Report, *, review: dict) -> dict:
    """The body from the report's content and figures, with where it stands on review, which changes without
    the report being computed again (accepted later)."""
    content = report.content if report.status == Report.Status.READY else {}
    return {
        "review": review,
        "status": report.status,
        "scoring_rule": content.get("scoring_rule"),
        "systems_covered": content.get("systems_covered", ""),
        "overall": content.get("overall"),
        "areas": content.get("areas", []),
        "next_steps": content.get("next_steps", []),
        "roadmap": content.get("roadmap", []),
        "disagreements": content.get("disagreements", []),
        "unsupported_claims": content.get("unsupported_claims", []),
        "to_verify": content.get("to_verify", []),
        "figures": report.figures if content else {},
        "generated_at": report.generated_at if content else None,
        "error": report.error,
    }
