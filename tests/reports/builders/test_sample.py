"""The sample report's made-up team (pure): the same on every call, answered on every question of the framework
it is given, out of scope where its scope says no, with two earlier assessments, targets and other teams."""

from datetime import date

import pytest

from reports.builders.sample import sample_report
from reports.selectors.report import framework_definition_and_text

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 2)


@pytest.fixture
def definition_and_text(mlops_v3):
    return framework_definition_and_text(mlops_v3)


def test_it_is_the_same_on_every_call(definition_and_text):
    definition, text = definition_and_text

    first, second = (sample_report(definition=definition, text=text, today=TODAY) for _ in range(2))

    assert first == second


def test_it_reads_like_an_uneven_team_with_a_history_targets_and_other_teams(definition_and_text):
    definition, text = definition_and_text

    sample = sample_report(definition=definition, text=text, today=TODAY)

    areas = {area["key"]: area for area in sample.content["areas"]}
    assert list(areas) == list(text.area_names)
    assert areas["genai"]["level"] is None  # it builds nothing on generative models
    assert {area["level"] for area in areas.values() if area["level"] is not None} == {1, 2}
    assert (areas["data"]["target"], areas["monitoring"]["target"]) == (3, 2)
    assert sample.submitted_at.date() == date(2026, 2, 23)
    assert len(sample.figures["radar"]["data"]) == 4  # this assessment, the previous one, targets, other teams
    assert {len(trace["x"]) for trace in sample.figures["history"]["data"]} == {3}
