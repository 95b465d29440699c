"""The pure shaping behind the dashboard pages (no database)."""

import pandas as pd

from reports.dashboards import history_chart_frame, history_rows, target_gaps, team_rows

NAMES = {0: "No MLOps", 1: "DevOps but no MLOps", 2: "Automated training"}


def stamp(day: int) -> pd.Timestamp:
    return pd.Timestamp(2025, 1, day, tz="UTC")


def history(*rows) -> pd.DataFrame:
    """rows: (assessment id, day, report status, overall level, overall score)."""
    frame = pd.DataFrame(
        [(i, "self", stamp(day), "member", status, level, score) for i, day, status, level, score in rows],
        columns=["assessment_id", "kind", "submitted_at", "submitted_by", "report_status", "overall_level",
                 "overall_score"],
    )
    return frame.astype({"overall_level": "Int64", "overall_score": float})


def test_history_rows_are_newest_first_with_the_change_since_the_last_computed_score():
    frame = history((1, 1, "ready", 1, 1.5), (2, 2, "failed", None, None), (3, 3, "ready", 2, 2.25))

    rows = history_rows(frame, NAMES)

    assert [(row.assessment_id, row.level_name, row.change and row.change.value) for row in rows] == [
        (3, "Automated training", 0.75), (2, "", None), (1, "DevOps but no MLOps", None)
    ]


def test_the_history_chart_has_one_point_per_ready_report_and_area_names_as_columns():
    frame = history((1, 1, "ready", 1, 1.5), (2, 2, "pending", None, None))
    areas = pd.DataFrame([(1, "data", 1, 1.5)], columns=["assessment_id", "area_key", "level", "score"])

    chart = history_chart_frame(frame, areas, {"data": "Data management"})

    assert list(chart.columns) == ["overall", "Data management"]
    assert (list(chart.index), chart.iloc[0].tolist()) == ([stamp(1)], [1.5, 1.5])


def test_the_gap_is_what_is_left_to_reach_the_target():
    areas = [
        {"key": "data", "name": "Data", "level": 1, "score": 1.5},
        {"key": "training", "name": "Training", "level": 3, "score": 3.0},
        {"key": "people", "name": "People", "level": 2, "score": 2.0},
    ]

    gaps = target_gaps(areas, {"data": 3, "training": 2})

    assert [gap.gap for gap in gaps] == [2, 0, None]


def test_a_team_that_rose_a_level_improved_and_one_that_fell_regressed():
    summary = pd.DataFrame(
        [
            (1, "Up", 10, pd.Timestamp(2025, 1, 1, tz="UTC"), "ready", 2, 2.0, 1, 2.0, 2, 0.0, False),
            (2, "Down", 11, pd.Timestamp(2025, 1, 1, tz="UTC"), "ready", 1, 1.5, 2, 2.5, 2, -1.0, True),
            (3, "New", None, pd.NaT, None, None, None, None, None, 0, None, False),
        ],
        columns=["team_id", "team", "latest_assessment_id", "submitted_at", "report_status", "overall_level",
                 "overall_score", "previous_level", "previous_score", "assessments", "change", "regressed"],
    )

    rows = team_rows(summary, NAMES)

    assert [(row.team, row.improved, row.regressed, row.has_result) for row in rows] == [
        ("Up", True, False, True), ("Down", False, True, True), ("New", False, False, False)
    ]
