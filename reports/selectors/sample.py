"""The sample report of the landing page, from the framework new assessments use: read once per process
and day (the framework version never changes; the sample's dates follow the calendar)."""

from datetime import date, datetime
from functools import lru_cache

from django.utils import timezone

from maturity.models import Framework
from maturity.selectors import framework_for_new_assessment
from reports.builders.sample import SampleReport, sample_report
from reports.selectors.report import framework_definition_and_text


def sample_report_today() -> tuple[Framework, SampleReport] | None:
    """The framework and the sample report on it; None before any framework is loaded."""
    framework = framework_for_new_assessment()
    if framework is None:
        return None
    return framework, _sample_report(framework, framework.loaded_at, timezone.localdate())


@lru_cache(maxsize=4)
def _sample_report(framework: Framework, loaded_at: datetime, today: date) -> SampleReport:
    """Keyed by the framework (its id) and its load time, as maturity.selectors.framework_content is."""
    definition, text = framework_definition_and_text(framework)
    return sample_report(definition=definition, text=text, today=today)
