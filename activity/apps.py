from django.apps import AppConfig


class ActivityConfig(AppConfig):
    name = "activity"
    verbose_name = "Activity (audit trail)"

    def ready(self) -> None:
        # Imported here, once the apps are ready: they import models.
        from activity import receivers, registry  # noqa: PLC0415
        from assessments.signals import rows_saved_in_bulk, saved_anonymously  # noqa: PLC0415

        registry.register()
        for signal, receiver in (
            (rows_saved_in_bulk, receivers.on_rows_saved_in_bulk),
            (saved_anonymously, receivers.on_saved_anonymously),
        ):
            signal.connect(receiver, dispatch_uid=f"activity.{receiver.__name__}")
