"""The report as GET /api/assessments/{id}/report/ returns it (ReportOutputSerializer documents it).

A ready report never changes until it is regenerated, so the worker renders its body once, when it saves
the report (Report.payload), and the endpoint sends those bytes as they are: no decoding of the stored
content and figures, no serializer, no re-encoding on every request.
"""

from rest_framework.renderers import JSONRenderer

from reports.models import Report


def report_payload(report: Report) -> dict:
    content = report.content if report.status == Report.Status.READY else {}
    return {
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


def with_review(payload: str, review: dict) -> str:
    """The stored body with the `review` object, which changes without the report being computed again
    (accepted later), put in front of its other keys."""
    rendered = JSONRenderer().render({"review": review}).decode()
    return f"{rendered[:-1]},{payload[1:]}"


def rendered_payload(report: Report) -> str:
    """report_payload as the API's JSON renderer writes it."""
    return JSONRenderer().render(report_payload(report)).decode()
