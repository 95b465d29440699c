from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self) -> None:
        # Imported here, once the apps are ready: they import models.
        from accounts import receivers  # noqa: PLC0415
        from assessments.models import Assessment, Organization, Respondent  # noqa: PLC0415
        from assessments.signals import (  # noqa: PLC0415
            assessment_returned,
            followup_ready,
            links_requested,
            respondent_invited,
        )

        followup_ready.connect(
            receivers.on_followup_ready, sender=Assessment, dispatch_uid="accounts.on_followup_ready"
        )
        assessment_returned.connect(
            receivers.on_assessment_returned, sender=Assessment, dispatch_uid="accounts.on_assessment_returned"
        )
        links_requested.connect(
            receivers.organization_links, sender=Organization, dispatch_uid="accounts.organization_links"
        )
        respondent_invited.connect(
            receivers.on_respondent_invited, sender=Respondent, dispatch_uid="accounts.on_respondent_invited"
        )
