from django.apps import AppConfig


class ActivityConfig(AppConfig):
    name = "activity"
    verbose_name = "Activity (audit trail)"

    def ready(self) -> None:
        # Imported here, once the apps are ready: they import models.
        from activity import registry  # noqa: PLC0415

        registry.register()
