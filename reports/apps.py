from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"

    def ready(self) -> None:
        # Imported here, once the apps are ready: they import models.
        from django.contrib.auth.models import AbstractBaseUser  # noqa: PLC0415

        from assessments.models import Assessment, Organization, Team  # noqa: PLC0415
        from assessments.signals import (  # noqa: PLC0415
            assessment_returned,
            assessment_submitted,
            home_sections_requested,
            links_requested,
            targets_changed,
        )
        from reports import aggregates, receivers  # noqa: PLC0415

        aggregates.connect()
        connections = [
            (assessment_submitted, receivers.on_assessment_submitted, Assessment),
            (assessment_returned, receivers.on_assessment_returned, Assessment),
            (targets_changed, receivers.on_targets_changed, Team),
            (links_requested, receivers.organization_links, Organization),
            (links_requested, receivers.team_links, Team),
            (links_requested, receivers.assessment_links, Assessment),
            (home_sections_requested, receivers.home_results, AbstractBaseUser),
        ]
        for signal, receiver, sender in connections:
            signal.connect(receiver, sender=sender, dispatch_uid=f"reports.{receiver.__name__}")
