"""Input of evidence on an answer: a file or a link, and whether an assessment requires it.
Business rules stay in the services; these only check the shape of input."""

from django import forms

from assessments.inputs import link_problem
from assessments.models import Evidence


class EvidenceForm(forms.Form):
    url = forms.CharField(label="Link", required=False, max_length=Evidence._meta.get_field("url").max_length)
    file = forms.FileField(label="Or a file", required=False)
    description = forms.CharField(
        label="What it shows", required=False, max_length=Evidence._meta.get_field("description").max_length
    )
    valid_until = forms.DateField(
        label="Valid until", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if url and (problem := link_problem(url)):
            raise forms.ValidationError(problem)
        return url

    def clean(self) -> dict:
        data = super().clean()
        has_url, has_file = bool(data.get("url", "").strip()), bool(data.get("file"))
        if has_url == has_file and not self.errors:
            message = "Give a link or a file, not both." if has_url else "Give a link or choose a file."
            raise forms.ValidationError(message)
        return data


class EvidenceRequiredForm(forms.Form):
    evidence_required = forms.BooleanField(required=False)
