"""What a comment may hold, on a page or in the API (an answer's, a reviewer's): text of at most
MAX_COMMENT_LENGTH characters without NUL, which PostgreSQL cannot store in text."""

MAX_COMMENT_LENGTH = 5000


def comment_problems(comment: object) -> list[str]:
    if not isinstance(comment, str):
        return ["Must be text."]
    if len(comment) > MAX_COMMENT_LENGTH:
        return [f"At most {MAX_COMMENT_LENGTH} characters (got {len(comment)})."]
    if "\x00" in comment:
        return ["Must not contain NUL characters."]
    return []
