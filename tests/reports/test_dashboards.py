"""The pure shaping behind the dashboard pages (no database)."""

from datetime import UTC, datetime

from reports.dashboards import _Ranked, _team_row, target_gaps
from reports.history import (
    AreaResult,
    SubmittedAssessment,
    assessment_choices,
    history_chart,
    history_rows,
    history_table,
)

NAMES = {0: "No MLOps", 1: "DevOps but no MLOps", 2: "Automated training"}


def stamp(day: int) -> datetime:
    return datetime(2025, 1, day, tzinfo=UTC)


def history(*rows, areas=None) -> list[SubmittedAssessment]:
    """rows: (assessment id, day, report status, overall level, overall score)."""
    return [
        SubmittedAssessment(i, "self", stamp(day), "member", status, level, score, dict((areas or {}).get(i, {})))
        for i, day, status, level, score in rows
    ]


def test_history_rows_are_newest_first_with_the_change_since_the_last_computed_score():
    entries = history((1, 1, "ready", 1, 1.5), (2, 2, "failed", None, None), (3, 3, "ready", 2, 2.25))

    rows = history_rows(entries, NAMES)

    assert [(row.assessment_id, row.level_name, row.change and row.change.value) for row in rows] == [
        (3, "Automated training", 0.75), (2, "", None), (1, "DevOps but no MLOps", None)
    ]


def test_the_history_chart_has_one_point_per_ready_report_and_one_line_per_area():
    entries = history(
        (1, 1, "ready", 1, 1.5), (2, 2, "pending", None, None), areas={1: {"data": AreaResult(1, 1.25)}}
    )

    figure = history_chart(entries, {"data": "Data management", "training": "Training"})

    assert [trace["name"] for trace in figure["data"]] == ["Overall", "Data management", "Training"]
    assert [trace["y"] for trace in figure["data"]] == [[1.5], [1.25], [None]]
    assert figure["data"][0]["x"] == [stamp(1).isoformat()]


def test_there_is_no_history_chart_before_a_report_is_ready():
    assert history_chart(history((1, 1, "pending", None, None)), {"data": "Data"}) is None


def test_the_history_table_has_a_level_and_a_score_column_per_area_and_blanks_for_none():
    class Team:
        name = "Search"

        class organization:  # noqa: N801 - stands in for the related object
            name = "Acme"

    entries = history((7, 1, "ready", 1, 1.5), areas={7: {"data": AreaResult(None, None)}})

    header, rows = history_table(Team, entries, {"data": "Data", "training": "Training"})

    assert header[-4:] == ["data_level", "data_score", "training_level", "training_score"]
    assert rows == [[7, "Search", "Acme", "self", stamp(1).isoformat(), "member", "ready", 1, 1.5, "", "", "", ""]]


def test_the_comparison_choices_are_newest_first():
    choices = assessment_choices(history((1, 1, "ready", 1, 1.5), (2, 2, "pending", None, None)))

    assert [choice for choice, _ in choices] == [2, 1]
    assert choices[1][1].endswith(", score 1.50")


def test_the_gap_is_what_is_left_to_reach_the_target():
    areas = [
        {"key": "data", "name": "Data", "level": 1, "score": 1.5},
        {"key": "training", "name": "Training", "level": 3, "score": 3.0},
        {"key": "people", "name": "People", "level": 2, "score": 2.0},
    ]

    gaps = target_gaps(areas, {"data": 3, "training": 2})

    assert [gap.gap for gap in gaps] == [2, 0, None]


def ranked(level, score, count=2) -> _Ranked:
    return _Ranked(assessment_id=level * 10, submitted_at=stamp(1), report_status="ready", level=level, score=score,
                   count=count)


def test_a_team_that_rose_a_level_improved_and_one_that_fell_regressed():
    team = (1, "Team", 5, "Org")
    up = _team_row(team, [ranked(2, 2.0), ranked(1, 2.0)], NAMES)
    down = _team_row(team, [ranked(1, 1.5), ranked(2, 2.5)], NAMES)
    same_level_lower_score = _team_row(team, [ranked(2, 2.25), ranked(2, 2.5)], NAMES)
    new = _team_row(team, [], NAMES)

    assert [(row.improved, row.regressed, row.has_result) for row in (up, down, same_level_lower_score, new)] == [
        (True, False, True), (False, True, True), (False, True, True), (False, False, False)
    ]
    assert (down.level_name, down.change.value) == ("DevOps but no MLOps", -1.0)
    assert (down.assessments, new.assessments) == (2, 0)
