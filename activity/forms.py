"""The activity pages' filter (GET): who, what, and a range of days."""

from django import forms

from activity.builders.lines import KIND_LABELS
from activity.selectors import ActivityFilters


class ActivityFilterForm(forms.Form):
    actor = forms.ChoiceField(label="Who", required=False)
    kind = forms.ChoiceField(label="What", required=False, choices=[("", "Everything"), *KIND_LABELS.items()])
    since = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, actors: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actor"].choices = [("", "Anyone"), *((name, name) for name in actors)]

    def clean(self) -> dict:
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", "Must be on or after the From date.")
        return data

    def filters(self) -> ActivityFilters:
        """The valid fields' filters (an invalid field filters nothing, and says why beside it)."""
        if not self.is_bound:
            return ActivityFilters()
        errors = self.errors  # cleans the form
        data = self.cleaned_data
        return ActivityFilters(
            **{name: data.get(name) or default for name, default in DEFAULTS.items() if name not in errors}
        )


DEFAULTS = {"actor": "", "kind": "", "since": None, "until": None}
