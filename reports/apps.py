from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"

    def ready(self) -> None:
        from reports import aggregates  # noqa: PLC0415 - registers on connections, once the apps are ready

        aggregates.connect()
