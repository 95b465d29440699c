import re

import pytest
from django.core.cache import cache

from tests.factories import UserFactory
from tests.smtp_server import body


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts mails per address in the cache, which would carry over from test to test."""
    cache.clear()


@pytest.fixture
def ada():
    return UserFactory(username="ada")


def link_in(text: str, path_start: str) -> str:
    """The path of the first link in the text whose path starts so (http://testserver/... in mails)."""
    match = re.search(r"https?://[^/\s]+(" + re.escape(path_start) + r"\S*)", text)
    assert match, f"no link to {path_start} in:\n{text}"
    return match.group(1)


def mail_link(message, path_start: str) -> str:
    return link_in(body(message), path_start)
