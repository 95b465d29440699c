"""MEDIAN as a database aggregate: PostgreSQL's percentile_cont, and the same function registered on
every SQLite connection (as Django registers its own statistics functions there), so the median of the
other teams is computed where the rows are, on both databases."""

import statistics

from django.db.backends.signals import connection_created
from django.db.models import Aggregate, FloatField


class Median(Aggregate):
    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="MEDIAN", template="%(function)s(%(expressions)s)")


class _SqliteMedian:
    def __init__(self) -> None:
        self.values: list[float] = []

    def step(self, value) -> None:
        if value is not None:
            self.values.append(float(value))

    def finalize(self) -> float | None:
        return statistics.median(self.values) if self.values else None


def register_sqlite_median(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate("MEDIAN", 1, _SqliteMedian)


def connect() -> None:
    connection_created.connect(register_sqlite_median, dispatch_uid="reports.aggregates.median")
