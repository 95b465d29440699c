from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self) -> None:
        # Imported here, once the apps are ready: they import models.
        from accounts import receivers  # noqa: PLC0415
        from assessments.models import Assessment, Organization  # noqa: PLC0415
        from assessments.signals import assessment_returned, followup_ready, links_requested  # noqa: PLC0415

        followup_ready.connect(
            receivers.on_followup_ready, sender=Assessment, dispatch_uid="accounts.on_followup_ready"
        )
        assessment_returned.connect(
            receivers.on_assessment_returned, sender=Assessment, dispatch_uid="accounts.on_assessment_returned"
        )
        links_requested.connect(
            receivers.organization_links, sender=Organization, dispatch_uid="accounts.organization_links"
        )
