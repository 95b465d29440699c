"""Input of a team's target levels per area.
Business rules stay in the services; these only check the shape of input."""

from collections.abc import Iterable

from django import forms
from django.utils.formats import date_format
from django.utils.timezone import localtime

from assessments.models import TargetLevel
from maturity.models import Area, Level


class TargetsForm(forms.Form):
    """One select per area of the framework; an area with a target cannot go back to "no target" (there is
    no service for that: targets are a history of levels)."""

    def __init__(
        self,
        *args,
        areas: Iterable[Area],
        levels: Iterable[Level],
        current: dict[str, TargetLevel],
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.current = current
        level_choices = [(level.number, f"{level.number} · {level.name}") for level in levels]
        for area in areas:
            target = current.get(area.key)
            self.fields[area.key] = forms.TypedChoiceField(
                label=area.name,
                choices=level_choices if target else [("", "No target"), *level_choices],
                coerce=int,
                empty_value=None,
                required=False,
                initial=target.level if target else "",
                help_text=_target_help(target),
            )

    def changed_targets(self) -> dict[str, int]:
        """Area key -> new level, for the areas whose target differs from the current one."""
        changed = {}
        for key, level in self.cleaned_data.items():
            current = self.current.get(key)
            if level is not None and (current is None or current.level != level):
                changed[key] = level
        return changed

    def current_rows(self) -> list[tuple[str, str, str]]:
        """(area name, current target, who set it when), for reading without the form."""
        return [
            (field.label, dict(field.choices).get(field.initial, "No target"), field.help_text)
            for field in self.fields.values()
        ]


def _target_help(target: TargetLevel | None) -> str:
    if target is None:
        return "No target set yet."
    return f"Set by {target.set_by.get_username()} on {date_format(localtime(target.set_at), 'j M Y')}."
