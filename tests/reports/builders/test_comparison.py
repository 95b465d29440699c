"""Comparing two assessments: pure, no database."""

from assessments.selectors.answers import AnswerRow
from maturity.models import Area, Question
from reports.builders.comparison import NOT_IN_VERSION, ScoreChange, compare_assessments, merged_order

DATA = Area(key="data", name="Data management")
TRAINING = Area(key="training", name="Model training")


def row(key: str, value, area: Area = DATA) -> AnswerRow:
    question = Question(key=key, area=area, level=1, statement=f"Statement of {key}")
    return AnswerRow(question=question, value=value, comment="", answered_by=None, updated_at=None)


def content(overall: tuple, **areas: tuple) -> dict:
    return {
        "overall": {"level": overall[0], "score": overall[1]},
        "areas": [
            {"key": key, "name": key.title(), "level": level, "score": score} for key, (level, score) in areas.items()
        ],
    }


def compare(rows_a, rows_b, content_a=None, content_b=None):
    return compare_assessments(rows_a=rows_a, rows_b=rows_b, content_a=content_a or {}, content_b=content_b or {})


def test_it_marks_changed_answers_with_their_direction():
    comparison = compare(
        [row("data.a", 1), row("data.b", 2), row("data.c", "na"), row("data.d", 3)],
        [row("data.a", 3), row("data.b", 2), row("data.c", 1), row("data.d", 0)],
    )

    assert [(q.key, q.changed, q.direction) for q in comparison.questions] == [
        ("data.a", True, "up"),
        ("data.b", False, None),
        ("data.c", True, None),
        ("data.d", True, "down"),
    ]
    assert comparison.changed_count == 3


def test_it_labels_every_kind_of_answer():
    comparison = compare([row("data.a", 0), row("data.b", "na")], [row("data.a", None), row("data.b", 3)])

    assert [(q.label_a, q.label_b) for q in comparison.questions] == [
        ("Not in place", "Unanswered"),
        ("Not applicable", "Fully in place"),
    ]


def test_a_question_of_one_version_only_is_shown_as_such():
    comparison = compare([row("data.a", 2), row("data.old", 1)], [row("data.a", 2), row("data.new", 1)])

    by_key = {q.key: q for q in comparison.questions}
    assert (by_key["data.old"].label_b, by_key["data.new"].label_a) == (NOT_IN_VERSION, NOT_IN_VERSION)
    assert by_key["data.old"].changed
    assert by_key["data.new"].changed


def test_it_compares_each_area_and_the_overall_result():
    before = content((1, 1.5), data=(1, 1.5), training=(2, 2.0))
    after = content((2, 2.25), data=(2, 2.25), training=(2, 2.0))

    comparison = compare([], [], before, after)

    assert [(area.key, area.changed, area.change) for area in comparison.areas] == [
        ("data", True, ScoreChange(0.75)),
        ("training", False, ScoreChange(0.0)),
    ]
    overall = comparison.overall
    assert (overall.level_a, overall.level_b, overall.change) == (1, 2, ScoreChange(0.75))


def test_areas_have_no_change_while_a_report_is_not_ready():
    comparison = compare([], [], {}, content((2, 2.25), data=(2, 2.25)))

    [area] = comparison.areas
    assert (area.level_a, area.level_b, area.change, comparison.overall.change) == (None, 2, None, None)


def test_only_what_changed_leaves_out_unchanged_questions_and_areas_left_empty():
    comparison = compare(
        [row("data.a", 1), row("data.b", 2), row("training.a", 2, TRAINING)],
        [row("data.a", 1), row("data.b", 3), row("training.a", 2, TRAINING)],
    )

    groups = comparison.groups(only_changed=True)
    assert [(group.area_name, [q.key for q in group.questions]) for group in groups] == [
        ("Data management", ["data.b"])
    ]
    assert len(comparison.groups()) == 2


def test_keys_of_one_version_keep_their_place():
    assert merged_order(["a", "x", "b", "z"], ["y", "a", "b", "c"]) == ["y", "a", "x", "b", "z", "c"]


def test_a_score_change_says_which_way_and_how_much():
    down, same = ScoreChange(-0.5), ScoreChange(0.0)

    assert (down.arrow, down.text, down.description) == ("▼", "-0.50", "Down 0.50")
    assert (same.direction, same.text, same.description) == ("same", "0.00", "No change")
