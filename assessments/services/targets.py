"""Writes of a team's target levels."""

from collections.abc import Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from assessments.errors import UnknownAreaError
from assessments.models import TargetLevel, Team
from assessments.signals import targets_changed
from maturity.models import Framework
from maturity.selectors import framework_content


def target_set(*, team: Team, framework: Framework, area_key: str, level: int, user: AbstractBaseUser) -> TargetLevel:
    return targets_set(team=team, framework=framework, levels={area_key: level}, user=user)[0]


def targets_set(
    *, team: Team, framework: Framework, levels: Mapping[str, int], user: AbstractBaseUser
) -> list[TargetLevel]:
    """Sets the team's target level (`levels`: area key -> level) for every version of the framework, and
    announces the change once (targets_changed: the latest report is recomputed against them). Raises
    UnknownAreaError, setting nothing, unless every key is an area of `framework`."""
    area_keys = [area.key for area in framework_content(framework=framework).areas]
    unknown = sorted(set(levels) - set(area_keys))
    if unknown:
        raise UnknownAreaError(f"Not an area of the framework: one of {', '.join(sorted(area_keys))}.")
    with transaction.atomic():
        targets = [
            TargetLevel.objects.create(
                team=team, framework_slug=framework.slug, area_key=area_key, level=level, set_by=user
            )
            for area_key, level in levels.items()
        ]
        targets_changed.send(sender=Team, team_id=team.pk, framework_slug=framework.slug)
    return targets
