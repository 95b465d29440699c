from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self) -> None:
        # Imported here, once the apps are ready: they import models.
        from allauth.account.signals import email_confirmed  # noqa: PLC0415
        from django.contrib.auth import get_user_model  # noqa: PLC0415

        from accounts import receivers  # noqa: PLC0415
        from accounts.validators import validate_username_is_not_an_address  # noqa: PLC0415
        from assessments.models import Assessment, Respondent  # noqa: PLC0415
        from assessments.signals import (  # noqa: PLC0415
            assessment_returned,
            followup_ready,
            respondent_added,
            respondent_invited,
        )

        # Django's User is not ours to subclass; its username field takes one more validator, which every
        # ModelForm of it (sign-up, the invited sign-up, the admin's add and change forms) runs.
        username = get_user_model()._meta.get_field("username")
        if validate_username_is_not_an_address not in username.validators:
            username.validators.append(validate_username_is_not_an_address)
        email_confirmed.connect(receivers.on_email_confirmed, dispatch_uid="accounts.on_email_confirmed")
        followup_ready.connect(
            receivers.on_followup_ready, sender=Assessment, dispatch_uid="accounts.on_followup_ready"
        )
        assessment_returned.connect(
            receivers.on_assessment_returned, sender=Assessment, dispatch_uid="accounts.on_assessment_returned"
        )
        respondent_invited.connect(
            receivers.on_respondent_invited, sender=Respondent, dispatch_uid="accounts.on_respondent_invited"
        )
        respondent_added.connect(
            receivers.on_respondent_added, sender=Respondent, dispatch_uid="accounts.on_respondent_added"
        )
