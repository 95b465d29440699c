"""The report as GET /api/assessments/{id}/report/ returns it (ReportOutputSerializer documents it)."""

from reports.builders.content import headline
from reports.builders.roadmap import next_moves
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
        "overall": _overall(content),
        "areas": content.get("areas", []),
        "next_steps": content.get("next_steps", []),
        "roadmap": content.get("roadmap", []),
        "next_moves": next_moves(content) if content else [],
        "disagreements": content.get("disagreements", []),
        "unsupported_claims": content.get("unsupported_claims", []),
        "to_verify": content.get("to_verify", []),
        "figures": report.figures if content else {},
        "generated_at": report.generated_at if content else None,
        "error": report.error,
    }


def _overall(content: dict) -> dict | None:
    """The stored overall figures with why the team is at its level, in its own areas, as the page says it."""
    if not content:
        return None
    told = headline(content)
    return content["overall"] | {
        "explanation": told.explanation,
        "strongest": [area["key"] for area in told.strongest],
    }
