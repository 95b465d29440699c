"""Reads of a team's targets and the framework they are set against."""

from django.db.models import F, QuerySet, Subquery

from assessments.models import Assessment, TargetLevel, Team
from maturity.models import Area, Framework
from maturity.selectors import (
    framework_for_new_assessment,
    framework_get,
)


def framework_areas(*, framework_id: int) -> QuerySet[Area]:
    return Area.objects.filter(framework_id=framework_id).order_by("position")


def team_current_targets(*, team: Team, framework_slug: str) -> dict[str, TargetLevel]:
    """The latest target per area key of the framework (any version of it)."""
    targets: dict[str, TargetLevel] = {}
    rows = TargetLevel.objects.filter(team=team, framework_slug=framework_slug).select_related("set_by")
    for target in rows.order_by("area_key", "-set_at", "-id"):
        targets.setdefault(target.area_key, target)
    return targets


def team_framework(*, team: Team, slug: str | None = None) -> Framework | None:
    """The framework the team works on, in its newest version: `slug`'s when given, else that of its latest
    submitted assessment, else of its newest draft, else the one a new assessment would take. The team's
    targets, dashboard and roadmap follow it (one query while the team has an assessment)."""
    if slug:
        return framework_get(slug=slug)
    newest_first = (F("submitted_at").desc(nulls_last=True), "-created_at", "-id")
    newest = Assessment.objects.filter(team=team).order_by(*newest_first).values("framework__slug")[:1]
    framework = Framework.objects.filter(slug=Subquery(newest)).order_by("-version").first()
    return framework or framework_for_new_assessment()
