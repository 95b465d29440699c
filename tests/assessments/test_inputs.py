"""The shape of typed text that forms and serializers check alike (assessments/inputs.py)."""

import pytest

from assessments.inputs import MAX_COMMENT_LENGTH, comment_problems, link_problem


@pytest.mark.parametrize(
    "url", ["ftp://files.example.com/report.pdf", "javascript:alert(1)", "file:///etc/passwd", "example.com"]
)
def test_it_refuses_a_link_that_is_not_http_or_https(url):
    assert link_problem(url) == "Only http and https addresses are accepted."


@pytest.mark.parametrize("url", ["https://", "https://exa mple.com/", "http://[::1"])
def test_it_refuses_a_link_that_is_no_web_address(url):
    assert link_problem(url) == "Not a valid web address."


def test_it_takes_an_https_link():
    assert link_problem("https://ci.example.com/runs/7") == ""


@pytest.mark.parametrize(
    ("comment", "problems"),
    [
        (None, ["Must be text."]),
        ("x" * (MAX_COMMENT_LENGTH + 1), [f"At most {MAX_COMMENT_LENGTH} characters (got {MAX_COMMENT_LENGTH + 1})."]),
        ("a\x00b", ["Must not contain NUL characters."]),
        ("x" * MAX_COMMENT_LENGTH, []),
    ],
)
def test_it_checks_a_comment(comment, problems):
    assert comment_problems(comment) == problems
