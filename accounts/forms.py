"""Sign-up: the account, and the name of the organisation its user will own."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm

from assessments.models import Organization


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

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with this email exists already.")
        return email
