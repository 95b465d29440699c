from django import forms

LEVEL_CHOICES = [("", "All levels"), *((str(number), f"Level {number}") for number in range(1, 5))]


class FrameworkFilterForm(forms.Form):
    """Which version of a framework to read, and which of its questions: one area, one level, or all."""

    version = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    area = forms.ChoiceField(required=False)
    level = forms.TypedChoiceField(choices=LEVEL_CHOICES, coerce=int, required=False, empty_value=None)

    def __init__(self, *args, versions: list[int], areas: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].choices = [(str(version), f"Version {version}") for version in versions]
        self.fields["area"].choices = [("", "All areas"), *areas.items()]
