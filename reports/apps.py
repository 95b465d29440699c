from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"

    def ready(self) -> None:
        # Imported here, once the apps are ready: they import models.
        from assessments.models import Assessment, Team  # noqa: PLC0415
        from assessments.signals import assessment_returned, assessment_submitted, targets_changed  # noqa: PLC0415
        from reports import aggregates, receivers  # noqa: PLC0415

        aggregates.connect()
        connections = [
            (assessment_submitted, receivers.on_assessment_submitted, Assessment),
            (assessment_returned, receivers.on_assessment_returned, Assessment),
            (targets_changed, receivers.on_targets_changed, Team),
        ]
        for signal, receiver, sender in connections:
            signal.connect(receiver, sender=sender, dispatch_uid=f"reports.{receiver.__name__}")
