"""Input of the organisation and team pages: names, and who to add as a member.
Business rules stay in the services; these only check the shape of input."""

from django import forms
from django.core.validators import validate_email

from assessments.models import Organization, Role, Team


class OrganizationForm(forms.Form):
    name = forms.CharField(label="Name", max_length=Organization._meta.get_field("name").max_length)


def username_or_email(text: str) -> tuple[str, str]:
    """(username, "") or ("", address): no username has an @ (accounts.validators), so a text with one is an
    address and is looked up only as an address, never as a username."""
    text = text.strip()
    return ("", text) if "@" in text else (text, "")


class MemberAddForm(forms.Form):
    user = forms.CharField(
        label="Username or email address",
        max_length=254,
        help_text="A member's role changes at once; anyone else is invited by email and joins by accepting.",
    )
    role = forms.ChoiceField(label="Role", choices=Role.choices, initial=Role.MEMBER)

    def clean_user(self) -> str:
        text = self.cleaned_data["user"]
        _, email = username_or_email(text)
        if email:
            validate_email(email)
        return text.strip()


class TeamForm(forms.Form):
    name = forms.CharField(label="Team name", max_length=Team._meta.get_field("name").max_length)
