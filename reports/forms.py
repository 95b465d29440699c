from collections.abc import Mapping

from django import forms

MAX_ID = 2**63 - 1  # the largest id the database holds; a larger one would make the query itself fail


class CompareForm(forms.Form):
    """Two submitted assessments of a team, chosen by id; whether they belong to the team is the view's
    business (an unknown id is a 404, not a form error)."""

    a = forms.IntegerField(
        label="Assessment A",
        min_value=1,
        max_value=MAX_ID,
        widget=forms.Select,
        error_messages=dict.fromkeys(("required", "invalid", "min_value", "max_value"), "Choose the first assessment."),
    )
    b = forms.IntegerField(
        label="Assessment B",
        min_value=1,
        max_value=MAX_ID,
        widget=forms.Select,
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value", "max_value"), "Choose the second assessment."
        ),
    )
    show = forms.ChoiceField(
        label="Answers to show",
        choices=[("changed", "Only what changed"), ("all", "Every answer")],
        initial="changed",
        required=False,  # left out (a link to the page, an older bookmark): what changed, see __init__
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose to show what changed or every answer."},
    )

    def __init__(self, data: Mapping | None = None, *, choices: list[tuple[int, str]], **kwargs) -> None:
        if data is not None and not data.get("show"):
            data = {key: data.get(key) for key in data} | {"show": "changed"}
        super().__init__(data, **kwargs)
        for name in ("a", "b"):
            self.fields[name].widget.choices = [("", "Choose an assessment"), *choices]

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("a") is not None and cleaned.get("a") == cleaned.get("b"):
            raise forms.ValidationError("Choose two different assessments.")
        return cleaned
