"""Sign-up (the account, and the organisation its user will own), invitations and preferences."""

from allauth.account.forms import ResetPasswordKeyForm
from allauth.account.models import EmailAddress
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm

from accounts.models import Invitation
from assessments.models import Organization, Role


class SignupForm(UserCreationForm):
    email = forms.EmailField(label="Email")
    organization_name = forms.CharField(
        label="Your organisation",
        max_length=Organization._meta.get_field("name").max_length,
        help_text="You will be its owner and can invite colleagues afterwards.",
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    # An address in use is no error: sign-up answers as it does for a new address and reveals nothing (the
    # holder is told by mail, accounts.views.signup). It counts for nothing until verified, and an address
    # that another account has verified never will be (ACCOUNT_UNIQUE_EMAIL).


class InvitationForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=Invitation._meta.get_field("email").max_length)
    role = forms.ChoiceField(label="Role", choices=Role.choices, initial=Role.MEMBER)


class InvitedSignupForm(UserCreationForm):
    """An account for the invited address: the email is the invitation's, not typed."""

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username",)

    def __init__(self, *args, email: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.instance.email = email  # for the password validators' similarity check

    def clean(self) -> dict:
        """Only an account that verified the address is refused (its owner logs in with it instead): an account
        that merely typed the address in is no reason to keep its owner out of a new one."""
        cleaned = super().clean()
        if EmailAddress.objects.filter(email__iexact=self.instance.email, verified=True).exists():
            raise forms.ValidationError(
                f"An account with {self.instance.email} exists already: log in with it to accept the invitation."
            )
        return cleaned


class PreferencesForm(forms.Form):
    report_ready_email = forms.BooleanField(
        label="Email me when the report of an assessment I submitted is ready", required=False
    )


class NewPasswordForm(ResetPasswordKeyForm):
    """allauth's form for the new password after a reset, labelled like the rest of the site: in sentence
    case, and without placeholders that repeat the labels and read as text already typed."""

    LABELS = {"password1": "New password", "password2": "New password (again)"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, label in self.LABELS.items():
            self.fields[name].label = label
            self.fields[name].widget.attrs.pop("placeholder", None)
