"""Input of survey mode: who to ask (the facilitator's picker) and a respondent's confirmed submission.
Business rules stay in the services; these only check the shape of input."""

from django import forms
from django.template.defaultfilters import pluralize

from assessments.forms.organizations import username_or_email


class MyAnswersSubmitForm(forms.Form):
    """A respondent's submission. With required questions blank (adaptive depth) it needs the box that names
    how many ticked, and for as many as are blank now: answers saved since the box was shown change it."""

    leave_blank = forms.CharField(required=False)

    def __init__(self, *args, required_blank: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.required_blank = required_blank

    def clean_leave_blank(self) -> str:
        confirmed = self.cleaned_data["leave_blank"]
        if self.required_blank and confirmed != str(self.required_blank):
            count = self.required_blank
            raise forms.ValidationError(
                f"Tick the box to submit with {count} required question{pluralize(count)} blank, or answer "
                f"{pluralize(count, 'it,them')} first."
                if not confirmed
                else f"{count} required question{pluralize(count)} {pluralize(count, 'is,are')} blank now: "
                "tick the box again to submit with them blank."
            )
        return confirmed


class RespondentsAddForm(forms.Form):
    """The respondents page: members picked from the organisation's, someone else by username or address, and
    the survey's deadline; or, with `whole_team`, the whole team with the deadline."""

    members = forms.MultipleChoiceField(label="Members", required=False)
    # No length limit of its own: the service names what is wrong with the address (or the username).
    respondent = forms.CharField(label="Someone else: a username or an email address", required=False)
    deadline = forms.DateField(
        label="Answer by (optional)",
        required=False,
        help_text="The survey's deadline, named in the mail of everyone you add and on every respondent's home. "
        "Leave it empty for none.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, candidates: list[str], organization: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].choices = [(username, username) for username in candidates]
        self.fields["respondent"].help_text = (
            f"A member, whatever their role, or anyone's address: an address that is not a member's is invited to "
            f"join {organization} as a member, then answers."
        )

    def people(self) -> tuple[list[str], list[str]]:
        """The usernames and the addresses to add (no username has an @: username_or_email)."""
        username, email = username_or_email(self.cleaned_data["respondent"])
        usernames = [*self.cleaned_data["members"], *([username] if username else [])]
        return list(dict.fromkeys(usernames)), [email] if email else []
