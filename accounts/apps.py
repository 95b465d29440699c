from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self) -> None:
        # Imported here, once the apps are ready: they import models.
        from accounts import receivers  # noqa: PLC0415
        from assessments.models import Organization  # noqa: PLC0415
        from assessments.signals import links_requested  # noqa: PLC0415
        from reports.models import Report  # noqa: PLC0415
        from reports.signals import report_ready  # noqa: PLC0415

        report_ready.connect(receivers.on_report_ready, sender=Report, dispatch_uid="accounts.on_report_ready")
        links_requested.connect(
            receivers.organization_links, sender=Organization, dispatch_uid="accounts.organization_links"
        )
