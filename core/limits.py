"""The error of every limit on how often something may be done (e.g. invitation mail, accounts.selectors)."""

from datetime import timedelta


class LimitReachedError(Exception):
    """Too many in a while, nothing done: the API answers 429 with Retry-After, a page shows the message.
    `retry_after`: when the oldest one counted stops counting."""

    def __init__(self, message: str, *, retry_after: timedelta) -> None:
        super().__init__(message)
        self.retry_after = retry_after
