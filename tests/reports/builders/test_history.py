"""A team's history shaped for the API, CSV, chart, dashboard table and comparison form (no database)."""

from datetime import UTC, datetime

from reports.api.serializers import HistoryEntrySerializer
from reports.builders.history import assessment_choices, history_chart, history_payload, history_rows, history_table
from reports.selectors.history import AreaResult, SubmittedAssessment
from tests.documented import assert_documented

NAMES = {"mlops": {0: "No MLOps", 1: "DevOps but no MLOps", 2: "Automated training"}}


def stamp(day: int) -> datetime:
    return datetime(2025, 1, day, tzinfo=UTC)


def history(*rows, areas=None, framework="mlops") -> list[SubmittedAssessment]:
    """rows: (assessment id, day, report status, overall level, overall score)."""
    return [
        SubmittedAssessment(
            i, i, "self", framework, 1, stamp(day), "member", status, level, score, dict((areas or {}).get(i, {}))
        )
        for i, day, status, level, score in rows
    ]


def test_history_rows_are_newest_first_with_the_change_since_the_last_computed_score():
    entries = history((1, 1, "ready", 1, 1.5), (2, 2, "failed", None, None), (3, 3, "ready", 2, 2.25))

    rows = history_rows(entries, NAMES)

    assert [(row.assessment_id, row.level_name, row.change and row.change.value) for row in rows] == [
        (3, "Automated training", 0.75),
        (2, "", None),
        (1, "DevOps but no MLOps", None),
    ]


def test_the_history_chart_has_one_point_per_ready_report_and_one_line_per_area_with_a_score():
    entries = history((1, 1, "ready", 1, 1.5), (2, 2, "pending", None, None), areas={1: {"data": AreaResult(1, 1.25)}})

    figure = history_chart(entries, {"data": "Data management", "training": "Training"})

    # Training has no score at any point (out of scope, say): a legend entry for it would toggle nothing.
    assert [trace["name"] for trace in figure["data"]] == ["Overall", "Data management"]
    assert [trace["y"] for trace in figure["data"]] == [[1.5], [1.25]]
    assert figure["data"][0]["x"] == [stamp(1).isoformat()]


def test_there_is_no_history_chart_before_a_report_is_ready():
    assert history_chart(history((1, 1, "pending", None, None)), {"data": "Data"}) is None


def test_the_history_table_has_a_level_and_a_score_column_per_area_and_blanks_for_none():
    entries = history((7, 1, "ready", 1, 1.5), areas={7: {"data": AreaResult(None, None)}})

    header, rows = history_table(
        team="Search", organization="Acme", history=entries, area_names={"data": "Data", "training": "Training"}
    )

    assert header[-4:] == ["data_level", "data_score", "training_level", "training_score"]
    assert rows == [
        [
            7,
            "Self-assessment 7 of Search",
            "Search",
            "Acme",
            "self",
            "mlops",
            1,
            stamp(1).isoformat(),
            "member",
            "",
            "ready",
            1,
            1.5,
            "",
            "",
            "",
            "",
        ]
    ]


def test_the_comparison_choices_are_newest_first():
    choices = assessment_choices(history((1, 1, "ready", 1, 1.5), (2, 2, "pending", None, None)))

    assert [choice for choice, _ in choices] == [2, 1]
    assert choices[1][1].endswith(", score 1.50")


def test_the_change_is_against_the_last_score_on_the_same_framework():
    entries = [
        *history((1, 1, "ready", 1, 1.5)),
        *history((2, 2, "ready", 3, 3.5), framework="other"),
        *history((3, 3, "ready", 2, 2.0)),
    ]

    rows = history_rows(entries, NAMES)

    assert [(row.assessment_id, row.change and row.change.value) for row in rows] == [(3, 0.5), (2, None), (1, None)]


def test_each_history_entry_names_its_framework_and_version():
    entry = history_payload(history((1, 1, "ready", 1, 1.5)))[0]

    assert (entry["framework"], entry["framework_version"]) == ("mlops", 1)


def test_the_history_body_is_what_its_serializer_documents():
    entries = history((1, 1, "ready", 1, 1.5), (2, 2, "pending", None, None), areas={1: {"data": AreaResult(1, 1.25)}})

    assert_documented(history_payload(entries), HistoryEntrySerializer(many=True))


def on_versions(*versions: int, statuses=None) -> list[SubmittedAssessment]:
    """One ready entry per version given, a day apart (or with the given report statuses)."""
    statuses = statuses or ["ready"] * len(versions)
    return [
        SubmittedAssessment(i, i, "self", "mlops", version, stamp(i), "member", status, 1, 1.5)
        for i, (version, status) in enumerate(zip(versions, statuses, strict=True), start=1)
    ]


def test_a_new_version_is_marked_once_and_a_late_return_to_the_older_is_not():
    entries = history_payload(on_versions(1, 1, 2, 1, 2))

    assert [entry["version_changed"] for entry in entries] == [False, False, True, False, False]


def test_the_chart_marks_the_first_ready_point_on_the_newer_version():
    figure = history_chart(on_versions(1, 2, 2, statuses=["ready", "pending", "ready"]), {})

    assert [annotation["text"] for annotation in figure["layout"]["annotations"]] == ["Version 2"]
    assert figure["layout"]["shapes"][0]["x0"] == stamp(3).isoformat()
