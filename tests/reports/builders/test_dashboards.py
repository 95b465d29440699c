"""Teams side by side shaped for pages and the API (no database)."""

from datetime import UTC, datetime

from reports.builders.dashboards import target_gaps, team_row
from reports.selectors.dashboards import RankedAssessment, TeamRef, TeamResults

NAMES = {"mlops": {0: "No MLOps", 1: "DevOps but no MLOps", 2: "Automated training"}}


def stamp(day: int) -> datetime:
    return datetime(2025, 1, day, tzinfo=UTC)


def test_the_gap_is_what_is_left_to_reach_the_target():
    areas = [
        {"key": "data", "name": "Data", "level": 1, "score": 1.5},
        {"key": "training", "name": "Training", "level": 3, "score": 3.0},
        {"key": "people", "name": "People", "level": 2, "score": 2.0},
    ]

    gaps = target_gaps(areas, {"data": 3, "training": 2})

    assert [gap.gap for gap in gaps] == [2, 0, None]


def ranked(level, score, count=2) -> RankedAssessment:
    return RankedAssessment(
        assessment_id=level * 10,
        framework="mlops",
        submitted_at=stamp(1),
        report_status="ready",
        level=level,
        score=score,
        count=count,
    )


def results(*pair: RankedAssessment) -> TeamResults:
    return TeamResults(TeamRef(1, "Team", 5, "Org"), *(pair or (None, None)))


def test_movement_is_the_one_definition_by_overall_score():
    up = team_row(results(ranked(2, 2.0), ranked(1, 1.9)), NAMES)
    down = team_row(results(ranked(1, 1.5), ranked(2, 2.5)), NAMES)
    same_level_lower_score = team_row(results(ranked(2, 2.25), ranked(2, 2.5)), NAMES)
    same = team_row(results(ranked(2, 2.25), ranked(2, 2.25)), NAMES)
    new = team_row(results(), NAMES)

    rows = (up, down, same_level_lower_score, same, new)
    assert [(row.movement, row.improved, row.regressed, row.has_result) for row in rows] == [
        ("improved", True, False, True),
        ("regressed", False, True, True),
        ("regressed", False, True, True),
        ("unchanged", False, False, True),
        (None, False, False, False),
    ]
    assert (down.level_name, down.change.value) == ("DevOps but no MLOps", -1.0)
    assert (down.assessments, new.assessments) == (2, 0)
