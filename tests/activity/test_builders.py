"""The human lines of the activity, from plain entries: no database."""

from datetime import UTC, datetime

import pytest

from activity.builders.entries import Entry, Names
from activity.builders.lines import activity_line
from activity.builders.rows import CSV_COLUMNS, activity_rows

NAMES = Names(
    questions={7: "Data is versioned."},
    question_keys={7: "data.versioning"},
    users={4: "dave"},
    teams={2: "Search"},
    assessments={9: "Self-assessment 2 of Search", 8: "Self-assessment 1 of Search"},
    scopes={"genai": "Does the team build on generative models?"},
    areas={"data": "Data management"},
)
WHEN = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def entry(model: str, action: int, changes: dict, actor="alice", **extra) -> Entry:
    return Entry(
        id=1,
        timestamp=WHEN,
        actor=actor,
        actor_id=extra.pop("actor_id", 1),
        model=model,
        object_repr=extra.pop("object_repr", "x"),
        action=action,
        changes=changes,
        additional_data=extra.pop("additional_data", {}),
        assessment_id=extra.pop("assessment_id", 9),
    )


@pytest.mark.parametrize(
    ("model", "action", "changes", "data", "text"),
    [
        ("answer", 0, {"value": [None, 1]}, {"question_id": 7}, "alice answered “Data is versioned.”: started"),
        (
            "answer",
            1,
            {"value": [1, 3]},
            {"question_id": 7},
            "alice changed “Data is versioned.”: started -> fully in place",
        ),
        (
            "answer",
            1,
            {"value": [2, None], "not_applicable": [False, True], "comment": ["", "No"]},
            {"question_id": 7},
            "alice changed “Data is versioned.” and its comment: mostly in place -> not applicable",
        ),
        (
            "answer",
            1,
            {"comment": ["", "See CI"]},
            {"question_id": 7},
            "alice edited the comment on “Data is versioned.”",
        ),
        ("assessment", 0, {"status": [None, "draft"]}, {}, "alice started the assessment"),
        ("assessment", 1, {"status": ["draft", "submitted"]}, {}, "alice submitted the assessment"),
        ("assessment", 1, {"status": ["in_review", "draft"]}, {}, "alice returned the assessment to draft"),
        ("assessment", 1, {"status": ["draft", "in_review"]}, {}, "alice submitted the assessment for review"),
        ("assessment", 1, {"status": ["in_review", "submitted"]}, {}, "alice signed off the assessment"),
        (
            "assessment",
            1,
            {"scope": [{}, {"genai": False}]},
            {},
            "alice answered the scope: Does the team build on generative models? no",
        ),
        ("assessment", 1, {"evidence_required": [False, True]}, {}, "alice turned on evidence required"),
        (
            "assessment",
            1,
            {"systems_covered": ["", "Fraud scoring"]},
            {},
            "alice set the systems covered: Fraud scoring",
        ),
        ("assessment", 1, {"systems_covered": ["Fraud scoring", ""]}, {}, "alice cleared the systems covered"),
        ("assessment", 2, {}, {}, "alice discarded the draft"),
        ("membership", 0, {"role": [None, "assessor"]}, {"user_id": 4}, "alice made dave an assessor"),
        ("membership", 1, {"role": ["member", "owner"]}, {"user_id": 4}, "alice made dave an owner (was member)"),
        ("membership", 2, {}, {"user_id": 4}, "alice removed dave from the organisation"),
        (
            "targetlevel",
            0,
            {"team": [None, 2], "area_key": [None, "data"], "level": [None, 3]},
            {},
            ("alice set the target of Search for Data management to level 3"),
        ),
        ("organization", 1, {"name": ["Acme", "Acme Ltd"]}, {}, "alice renamed the organisation: Acme -> Acme Ltd"),
        ("organization", 1, {"archived_at": [None, "2026-12-03"]}, {}, "alice archived the organisation"),
        (
            "evidence",
            0,
            {"url": [None, "https://x"]},
            {"question_id": 7},
            "alice added evidence to “Data is versioned.”: x",
        ),
        ("respondent", 0, {"user": [None, 4]}, {"user_id": 4}, "alice asked dave to answer the survey"),
        (
            "respondentanswer",
            1,
            {"value": [1, 2]},
            {"question_id": 7},
            "alice answered “Data is versioned.” in the survey",
        ),
        ("review", 0, {"decision": [None, "accepted"]}, {}, "alice accepted the assessment on review"),
        (
            "reviewcomment",
            0,
            {"comment": [None, "Why?"]},
            {"question_id": 7},
            ("alice commented on “Data is versioned.” for review: Why?"),
        ),
    ],
)
def test_it_says_what_changed(model, action, changes, data, text):
    assert activity_line(entry(model, action, changes, additional_data=data), NAMES, show_addresses=True).text == text


def test_someone_joining_by_themselves_joined():
    line = activity_line(
        entry("membership", 0, {"role": [None, "member"]}, actor=None, additional_data={"user_id": 4}),
        NAMES,
        show_addresses=True,
    )

    assert line.text == "dave joined as a member"


def test_a_change_without_an_actor_was_made_by_someone():
    assert activity_line(
        entry("assessment", 1, {"status": ["draft", "submitted"]}, actor=None), NAMES, show_addresses=True
    ).text == ("Someone submitted the assessment")


def test_it_keeps_the_raw_before_and_after_for_the_api_and_words_them_for_readers():
    line = activity_line(
        entry("answer", 1, {"value": [1, 3], "comment": ["", "x"]}, additional_data={"question_id": 7}),
        NAMES,
        show_addresses=True,
    )

    assert [(change.field, change.before, change.after) for change in line.changes] == [
        ("comment", "", "x"),
        ("value", 1, 3),
    ]
    assert [(detail.field, detail.before, detail.after) for detail in line.details] == [
        ("answer", "started", "fully in place"),
        ("comment", "", "x"),
    ]
    assert (line.kind, line.object, line.action, line.assessment, line.question) == (
        "answer",
        "Data is versioned.",
        "changed",
        "Self-assessment 2 of Search",
        "data.versioning",
    )


@pytest.mark.parametrize(
    ("model", "changes", "detail"),
    [
        ("assessment", {"reviewed_by": [None, "4"]}, ("reviewed by", "", "dave")),
        ("assessment", {"submitted_by": [None, "5"]}, ("submitted by", "", "a former user")),
        ("assessment", {"status": ["draft", "in_review"]}, ("status", "Draft", "In review")),
        ("assessment", {"mode": [None, "survey"]}, ("mode", "", "Survey")),
        (
            "assessment",
            {"submitted_at": [None, "2026-12-07 18:56:43.960621"]},
            ("submitted at", "", "7 Dec 2026, 18:56 UTC"),
        ),
        (
            "assessment",
            {"scope": [{}, {"genai": True, "eu": False}]},
            ("scope", "", "eu no; Does the team build on generative models? yes"),
        ),
        ("assessment", {"carried_from": [None, "8"]}, ("started from", "", "Self-assessment 1 of Search")),
        ("membership", {"user": [None, "4"]}, ("member", "", "dave")),
        ("membership", {"role": ["member", "owner"]}, ("role", "Member", "Owner")),
        ("targetlevel", {"team": [None, "2"]}, ("team", "", "Search")),
        ("targetlevel", {"area_key": [None, "data"]}, ("area", "", "Data management")),
        ("review", {"decision": [None, "returned"]}, ("decision", "", "Returned")),
        ("answer", {"unknown": [None, True], "comment": [None, ""]}, ("answer", "", "don't know")),
    ],
)
def test_it_words_each_before_and_after_with_labels_and_names_not_codes_and_ids(model, changes, detail):
    line = activity_line(entry(model, 0 if model == "answer" else 1, changes), NAMES, show_addresses=True)

    assert [(item.field, item.before, item.after) for item in line.details] == [detail]


@pytest.mark.parametrize(
    ("model", "changes", "name"),
    [
        ("assessment", {"status": ["draft", "submitted"]}, "Self-assessment 2 of Search"),
        ("review", {"decision": [None, "accepted"]}, "review of Self-assessment 2 of Search"),
        ("targetlevel", {"team": [None, "2"], "area_key": [None, "data"]}, "target of Search for Data management"),
    ],
)
def test_it_names_what_changed_by_its_title_not_its_number(model, changes, name):
    stored = entry(model, 1, changes, object_repr="Accepted by alice on assessment 9")

    assert activity_line(stored, NAMES, show_addresses=True).object == name


def test_an_answer_carried_over_says_so_and_from_which_assessment():
    carried = entry("answer", 0, {"value": [None, 2]}, additional_data={"question_id": 7, "carried_from": 8})

    line = activity_line(carried, NAMES, show_addresses=True)

    assert (
        line.text
        == "alice carried over the answer to “Data is versioned.” from Self-assessment 1 of Search: mostly in place"
    )


def test_starting_from_an_earlier_assessment_says_which():
    started = entry("assessment", 1, {"carried_from": [None, "8"], "systems_covered": ["", "Ranking"]})

    assert activity_line(started, NAMES, show_addresses=True).text == (
        "alice carried over the answers of Self-assessment 1 of Search; set the systems covered: Ranking"
    )


def test_it_never_shows_a_respondents_own_values():
    line = activity_line(
        entry("respondentanswer", 1, {"value": [1, 2]}, additional_data={"question_id": 7}), NAMES, show_addresses=True
    )

    assert line.changes == []


def test_an_entry_of_a_discarded_draft_says_so():
    assert (
        activity_line(entry("assessment", 2, {}, assessment_id=5), NAMES, show_addresses=True).assessment
        == "a discarded draft"
    )


def test_the_csv_has_a_row_per_changed_field():
    lines = [
        activity_line(
            entry("answer", 1, {"value": [1, 3], "comment": ["", "=1+1"]}, additional_data={"question_id": 7}),
            NAMES,
            show_addresses=True,
        ),
        activity_line(entry("assessment", 2, {}), NAMES, show_addresses=True),
    ]

    rows = list(activity_rows(lines))

    assert CSV_COLUMNS == [
        "timestamp",
        "actor",
        "assessment",
        "kind",
        "object",
        "action",
        "description",
        "field",
        "before",
        "after",
    ]
    changed = "alice changed “Data is versioned.” and its comment: started -> fully in place"
    assert rows == [
        [
            WHEN.isoformat(),
            "alice",
            "Self-assessment 2 of Search",
            "answer",
            "Data is versioned.",
            "changed",
            changed,
            "answer",
            "started",
            "fully in place",
        ],
        [
            WHEN.isoformat(),
            "alice",
            "Self-assessment 2 of Search",
            "answer",
            "Data is versioned.",
            "changed",
            changed,
            "comment",
            "",
            "=1+1",
        ],
        [
            WHEN.isoformat(),
            "alice",
            "Self-assessment 2 of Search",
            "assessment",
            "Self-assessment 2 of Search",
            "deleted",
            "alice discarded the draft",
            "",
            "",
            "",
        ],
    ]


ANONYMOUS = Names(
    questions={7: "Data is versioned."}, users={4: "dave"}, assessments={9: "Survey"}, anonymous=frozenset({9})
)


@pytest.mark.parametrize(
    ("model", "changes", "data", "text"),
    [
        (
            "respondentanswer",
            {"value": [None, 2]},
            {"question_id": 7},
            "A respondent answered “Data is versioned.” in the survey",
        ),
        (
            "respondent",
            {"submitted_at": [None, "2026-12-03T12:00:00Z"]},
            {"user_id": 4},
            "A respondent submitted their survey answers",
        ),
    ],
)
def test_it_names_nobody_for_a_respondents_own_answers_in_an_anonymous_survey(model, changes, data, text):
    """Entries stored with the respondent as actor (before the services stopped storing it) included."""
    line = activity_line(
        entry(model, 1, changes, actor="dave", actor_id=4, additional_data=data), ANONYMOUS, show_addresses=True
    )

    assert (line.actor, line.text) == (None, text)
    assert "dave" not in line.object
    assert next(activity_rows([line]))[1] == ""


def test_it_still_names_who_asked_a_respondent_of_an_anonymous_survey():
    line = activity_line(
        entry("respondent", 0, {"user": [None, 4]}, additional_data={"user_id": 4}), ANONYMOUS, show_addresses=True
    )

    assert line.text == "alice asked dave to answer the survey"


@pytest.mark.parametrize(
    ("show_addresses", "text", "change"),
    [
        (True, "alice asked grace@example.com to answer the survey", ["", "grace@example.com"]),
        (False, "alice asked someone invited by email to answer the survey", ["", "someone invited by email"]),
    ],
)
def test_it_shows_an_invited_address_only_to_a_reader_who_may_read_it(show_addresses, text, change):
    invited = entry(
        "respondent",
        0,
        {"email": [None, "grace@example.com"]},
        additional_data={"user_id": None, "email": "grace@example.com"},
        object_repr="grace@example.com on assessment 9",
    )

    line = activity_line(invited, NAMES, show_addresses=show_addresses)

    assert (line.text, line.object) == (text, text.split("asked ")[1].removesuffix(" to answer the survey"))
    assert next(activity_rows([line]))[-3:] == ["email", *change]


def test_a_respondent_who_joined_keeps_their_name_and_one_whose_account_is_gone_no_address():
    joined = entry("respondent", 1, {"user": [None, 4]}, additional_data={"user_id": 4, "email": "dave@example.com"})
    gone = entry("respondent", 2, {}, additional_data={"user_id": 8, "email": "erin@example.com"})

    lines = [activity_line(joined, NAMES, show_addresses=False), activity_line(gone, NAMES, show_addresses=False)]

    assert [line.text for line in lines] == [
        "alice changed the respondent dave",
        "alice removed someone invited by email from the survey",
    ]


def test_an_anonymous_surveys_submission_names_a_respondent_to_every_reader():
    submitted = entry("respondent", 1, {"submitted_at": [None, "2026-12-03T12:00:00Z"]}, additional_data={"user_id": 4})

    line = activity_line(submitted, ANONYMOUS, show_addresses=False)

    assert (line.object, line.text) == ("a respondent", "A respondent submitted their survey answers")
