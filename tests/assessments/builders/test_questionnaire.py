"""The questionnaire's area page, built from answer rows and the provisional result: pure, no database."""

from assessments.builders.questionnaire import (
    EarlierAnswer,
    LevelGroup,
    Posted,
    QuestionItem,
    area_status,
    level_groups,
    nav_items,
    question_item,
)
from assessments.models import Evidence
from assessments.selectors.answers import AnswerRow, Progress, Provisional, overall_progress
from maturity.models import Area, Question

DATA = Area(key="data", name="Data management")
TRAINING = Area(key="training", name="Model training")
SERVING = Area(key="serving", name="Serving")
AREAS = (DATA, TRAINING, SERVING)
NAMES = {1: "Initial", 2: "Managed", 3: "Defined"}


def row(
    key: str, value=None, *, area: Area = DATA, level: int = 1, position: int = 0, pk: int | None = None
) -> AnswerRow:
    question = Question(pk=pk, key=key, area=area, level=level, position=position, statement=f"Statement of {key}")
    return AnswerRow(question=question, value=value, comment=f"Comment on {key}", answered_by=None, updated_at=None)


def now(*, required=(), levels=None, out_of_scope=()) -> Provisional:
    return Provisional(levels=levels or {}, required=tuple(required), out_of_scope=frozenset(out_of_scope))


def item(answer: AnswerRow, *, posted: Posted | None = None) -> QuestionItem:
    return question_item(answer, posted=posted, optional=False, earlier=(), evidence=(), review_comment="")


def groups(rows, *, posted=None, required=(), earlier=None, evidence=None, review_comments=None) -> list[LevelGroup]:
    return level_groups(
        NAMES,
        rows,
        posted=posted,
        required=required,
        earlier=earlier or {},
        evidence=evidence or {},
        review_comments=review_comments or {},
    )


def test_nav_items_show_every_area_in_framework_order_with_its_progress_level_and_required():
    """Progress counts the work submitting needs: answered or required; data.c may stay unanswered."""
    rows = [
        row("data.a", 2),
        row("data.b"),
        row("data.c"),
        row("training.a", area=TRAINING),
        row("serving.a", "na", area=SERVING),
    ]

    nav = nav_items(AREAS, rows, now(required=["data.b", "training.a"], levels={"data": 1, "serving": None}))

    assert [(n.area.key, n.progress, n.level, n.required_left, n.out_of_scope) for n in nav] == [
        ("data", Progress(1, 2, optional=1), 1, 1, False),
        ("training", Progress(0, 1), None, 1, False),
        ("serving", Progress(1, 1), None, 0, False),
    ]


def test_a_nav_item_marks_an_area_out_of_scope_with_no_work_in_it():
    rows = [row("data.a", 1), row("serving.a", area=SERVING), row("serving.b", 2, area=SERVING)]

    nav = nav_items(AREAS, rows, now(required=["serving.a"], out_of_scope=["serving"]))

    assert [n.out_of_scope for n in nav] == [False, False, True]
    assert nav[2].progress == Progress(0, 0)


def test_overall_progress_counts_only_the_work_in_scope_that_submitting_needs():
    rows = [
        row("data.a", 2),
        row("data.b"),
        row("data.c"),
        row("training.a", area=TRAINING),
        row("serving.a", area=SERVING),
        row("serving.b", area=SERVING),
    ]

    overall = overall_progress(rows=rows, now=now(required=["data.b", "training.a"], out_of_scope=["serving"]))

    assert overall == Progress(answered=1, total=3, optional=1)


def test_an_area_without_questions_shows_no_progress_to_make():
    nav = nav_items(AREAS, [row("data.a", 1)], now())

    assert nav[1].progress == Progress(0, 0)
    assert nav[1].progress.complete


def test_nav_items_for_only_one_area():
    nav = nav_items(AREAS, [row("training.a", area=TRAINING)], now(required=["training.a"]), only="training")

    assert [(n.area.key, n.required_left) for n in nav] == [("training", 1)]


def test_area_status_lists_the_unanswered_questions_in_page_order_and_those_required():
    rows = [
        row("data.c", level=2, position=1),
        row("data.b", level=1, position=2),
        row("data.a", 3, level=1, position=1),
        row("data.d", level=1, position=3),
    ]

    status = area_status(AREAS, rows, now(required=["data.c", "data.d"], levels={"data": 1}), DATA, assessment_id=7)

    assert (status.area, status.level) == (DATA, 1)
    assert status.unanswered == ["data.b", "data.d", "data.c"]
    assert status.required == ["data.d", "data.c"]
    assert status.answered == 1
    assert status.optional == {"data.a": False, "data.b": True, "data.d": False, "data.c": False}


def test_area_status_jumps_to_the_first_open_question_of_the_next_area_that_has_one():
    rows = [
        row("data.a"),
        row("training.a", 1, area=TRAINING),
        row("serving.b", area=SERVING, position=2),
        row("serving.a", area=SERVING, position=1),
    ]

    status = area_status(AREAS, rows, now(required=["serving.b"]), DATA, assessment_id=7)

    assert status.unanswered_beyond.url == "/assessments/7/areas/serving/#q-serving.a"
    assert status.unanswered_beyond.area == SERVING
    assert status.required_beyond.url == "/assessments/7/areas/serving/#q-serving.b"


def test_area_status_jumps_round_to_the_areas_before_this_one():
    rows = [row("data.a"), row("training.a", 2, area=TRAINING), row("serving.a", 0, area=SERVING)]

    status = area_status(AREAS, rows, now(required=["data.a"]), SERVING, assessment_id=7)

    assert status.required_beyond.url == "/assessments/7/areas/data/#q-data.a"
    assert status.required_beyond.area == DATA


def test_area_status_jumps_to_the_review_when_no_other_area_has_such_a_question():
    rows = [row("data.a"), row("training.a", area=TRAINING), row("serving.a", 1, area=SERVING)]

    status = area_status(AREAS, rows, now(required=["data.a"]), DATA, assessment_id=7)

    assert status.unanswered_beyond.area == TRAINING
    assert (status.required_beyond.url, status.required_beyond.area) == ("/assessments/7/review/", None)


def test_an_area_out_of_scope_asks_nothing_and_is_jumped_over():
    rows = [row("data.a", 1), row("training.a", area=TRAINING), row("serving.a", area=SERVING)]
    out = now(required=["training.a", "serving.a"], out_of_scope=["training"])

    status = area_status(AREAS, rows, out, DATA, assessment_id=7)
    skipped = area_status(AREAS, rows, out, TRAINING, assessment_id=7)

    assert status.unanswered_beyond.area == SERVING
    assert (skipped.unanswered, skipped.required) == ([], [])


def test_level_groups_order_questions_by_level_then_position_and_name_each_level():
    rows = [
        row("data.c", level=2, position=1),
        row("data.b", level=1, position=2),
        row("data.d", level=3, position=1),
        row("data.a", level=1, position=1),
    ]

    result = groups(rows)

    assert [(g.number, g.name, [i.row.question.key for i in g.questions]) for g in result] == [
        (1, "Initial", ["data.a", "data.b"]),
        (2, "Managed", ["data.c"]),
        (3, "Defined", ["data.d"]),
    ]


def test_a_level_without_a_name_shows_none():
    assert groups([row("data.a", level=4)])[0].name == ""


def test_level_groups_mark_unanswered_questions_not_yet_required_optional():
    rows = [row("data.a", 1, position=1), row("data.b", position=2), row("data.c", position=3)]

    result = groups(rows, required=("data.b",))

    assert [i.optional for i in result[0].questions] == [False, False, True]


def test_level_groups_give_each_question_its_earlier_answers_evidence_and_review_comment():
    runbook, dashboard = Evidence(description="runbook"), Evidence(description="dashboard")
    earlier = [row("old.x", 2), row("old.y"), row("old.z", "unknown")]
    rows = [row("data.a", position=1, pk=11), row("data.b", position=2, pk=12)]

    a, b = groups(
        rows,
        earlier={"data.a": earlier},
        evidence={11: [runbook, dashboard]},
        review_comments={"data.b": "Which pipelines?"},
    )[0].questions

    assert a.earlier == (
        EarlierAnswer("Statement of old.x", "Mostly in place", "Comment on old.x"),
        EarlierAnswer("Statement of old.y", "Not answered", "Comment on old.y"),
        EarlierAnswer("Statement of old.z", "Don't know", "Comment on old.z"),
    )
    assert a.evidence == (runbook, dashboard)
    assert a.review_comment == ""
    assert (b.earlier, b.evidence, b.review_comment) == ((), (), "Which pipelines?")


def test_a_question_item_shows_the_saved_answer():
    saved = item(row("data.a", 3))

    assert (saved.value, saved.comment, saved.errors, saved.answer_label) == (
        "3",
        "Comment on data.a",
        [],
        "Fully in place",
    )


def test_a_question_item_labels_every_kind_of_answer():
    labels = [item(row("data.a", value)).answer_label for value in (0, 1, 2, "na", "unknown", None)]

    assert labels == ["Not in place", "Started", "Mostly in place", "Not applicable", "Don't know", "Not answered"]


def test_a_question_item_shows_back_what_was_posted_with_its_errors():
    posted = Posted("data.a", "na", "No models yet", ["Say why it does not apply."])

    shown = item(row("data.a", 1), posted=posted)

    assert (shown.value, shown.comment, shown.errors) == ("na", "No models yet", ["Say why it does not apply."])
    assert shown.answer_label == "Not applicable"


def test_what_was_posted_for_another_question_leaves_this_one_as_saved():
    shown = item(row("data.a", 1), posted=Posted("data.b", "3", "", ["Refused."]))

    assert (shown.value, shown.comment, shown.errors) == ("1", "Comment on data.a", [])


def test_only_the_posted_question_shows_it_back_in_the_groups():
    rows = [row("data.a", 2, position=1), row("data.b", position=2)]

    a, b = groups(rows, posted=Posted("data.b", "7", "typo", ["Choose an answer."]))[0].questions

    assert (a.value, a.errors) == ("2", [])
    assert (b.value, b.comment, b.errors, b.answer_label) == ("7", "typo", ["Choose an answer."], "Not answered")
