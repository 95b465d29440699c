"""The activity's lines for don't know answers, from plain entries: no database."""

import pytest

from activity.builders.entries import Names
from activity.builders.lines import activity_line
from tests.activity.test_builders import entry

NAMES = Names(questions={7: "Data is versioned."})


@pytest.mark.parametrize(
    ("action", "changes", "text"),
    [
        (0, {"unknown": [None, True]}, "alice answered “Data is versioned.”: don't know"),
        (
            1,
            {"value": [2, None], "unknown": [False, True]},
            "alice changed “Data is versioned.”: mostly in place -> don't know",
        ),
        (
            1,
            {"not_applicable": [True, False], "unknown": [False, True], "comment": ["No", ""]},
            "alice changed “Data is versioned.” and its comment: not applicable -> don't know",
        ),
        (
            1,
            {"value": [None, 3], "unknown": [True, False]},
            "alice changed “Data is versioned.”: don't know -> fully in place",
        ),
    ],
)
def test_it_words_dont_know(action, changes, text):
    assert (
        activity_line(
            entry("answer", action, changes, additional_data={"question_id": 7}), NAMES, show_addresses=True
        ).text
        == text
    )
