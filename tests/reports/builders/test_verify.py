"""The report's "to verify" list, from plain data: the practices answered don't know, with who answered them."""

import pytest

from reports.builders.verify import to_verify
from reports.selectors.report import framework_definition_and_text
from tests.assessments.surveys.conftest import first_keys

pytestmark = pytest.mark.django_db  # the framework's words are read from the database once


def test_it_lists_each_unknown_answer_in_framework_order_with_its_area_and_author(cast):
    _, text = framework_definition_and_text(cast.framework)
    q1, q2, q3 = first_keys(cast.framework, 3)

    found = to_verify(
        text=text,
        answers={q3: "unknown", q2: 2, q1: "unknown"},
        answered_by={q1: "ada", q2: "bob", q3: "cy"},
        responses=None,
    )

    assert [(item["question"], item["area"], item["answered_by"]) for item in found] == [
        (q1, text.questions[q1].area, "ada"),
        (q3, text.questions[q3].area, "cy"),
    ]
    assert found[0]["area_name"] == text.area_names[text.questions[q1].area]
    assert (found[0]["statement"], found[0]["level"]) == (text.questions[q1].statement, text.questions[q1].level)
    assert found[0]["respondents_unknown"] is None  # workshop mode


def test_a_survey_counts_the_respondents_who_did_not_know(cast):
    _, text = framework_definition_and_text(cast.framework)
    q1 = first_keys(cast.framework, 1)[0]

    found = to_verify(
        text=text, answers={q1: "unknown"}, answered_by={q1: "fay"}, responses={q1: ["unknown", 3, "unknown"]}
    )

    assert [(item["answered_by"], item["respondents_unknown"]) for item in found] == [("fay", 2)]


def test_it_leaves_out_areas_out_of_scope_and_is_empty_without_unknown(cast):
    _, text = framework_definition_and_text(cast.framework)
    q1 = first_keys(cast.framework, 1)[0]
    area = text.questions[q1].area

    assert to_verify(text=text, answers={q1: "unknown"}, answered_by={}, responses=None, out_of_scope={area}) == []
    assert to_verify(text=text, answers={q1: 0}, answered_by={}, responses=None) == []
