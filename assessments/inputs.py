"""The shape of text that people type, checked alike by the pages' forms and the API's serializers before a
service sees it: comments (an answer's, a reviewer's) and evidence links."""

from urllib.parse import urlsplit

# A comment is text without NUL, which PostgreSQL cannot store in text.
MAX_COMMENT_LENGTH = 5000


def comment_problems(comment: object) -> list[str]:
    if not isinstance(comment, str):
        return ["Must be text."]
    if len(comment) > MAX_COMMENT_LENGTH:
        return [f"At most {MAX_COMMENT_LENGTH} characters (got {len(comment)})."]
    if "\x00" in comment:
        return ["Must not contain NUL characters."]
    return []


def link_problem(url: str) -> str:
    """Why a link (given, trimmed, within its length) cannot be followed: only http and https open from a page."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "Not a valid web address."
    if parts.scheme.lower() not in ("http", "https"):
        return "Only http and https addresses are accepted."
    if not parts.hostname or any(char.isspace() or ord(char) < 32 for char in url):
        return "Not a valid web address."
    return ""
