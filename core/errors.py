"""The kinds of domain error, by what they mean to a caller. A service raises a subclass, in words a person can act
on; a page shows its message, and the API answers it with its kind's status and `body()` (core.api's exception
handler), so no view maps one."""


class DomainError(Exception):
    """A refusal of a service, which saved nothing."""

    def __init__(self, message: str) -> None:
        super().__init__(message)

    def body(self) -> dict | list:
        """What the API answers: the message, and whatever more the error knows that the caller can use."""
        return {"detail": str(self)}


class InvalidInputError(DomainError):
    """The input is invalid (400). `problems`, where the error names them, is the body: {field: [message]}, or
    one entry per bad item of a list."""

    def __init__(self, message: str, *, problems: dict | list | None = None) -> None:
        super().__init__(message)
        self.problems = problems

    def body(self) -> dict | list:
        return super().body() if self.problems is None else self.problems


class NotPermittedError(DomainError):
    """The user may not do this (403)."""


class StateConflictError(DomainError):
    """What it is now does not allow it (409), e.g. a submitted assessment never changes."""


class TryAgainLaterError(DomainError):
    """It failed for a passing reason and changed nothing (503): the same request may succeed later."""
