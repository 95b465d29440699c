"""core/api.py's exception handler: a domain error (core.errors) as its kind's status and body, a limit reached as a
429, anything else as DRF answers it, and what DRF does not know left for Django's 500."""

from datetime import timedelta

import pytest

from core.api import exception_handler
from core.errors import InvalidInputError, NotPermittedError, StateConflictError, TryAgainLaterError
from core.limits import LimitReachedError


def answered(error: Exception) -> tuple[int, object]:
    response = exception_handler(error, {})
    return response.status_code, response.data


@pytest.mark.parametrize(
    ("kind", "status"),
    [(InvalidInputError, 400), (NotPermittedError, 403), (StateConflictError, 409), (TryAgainLaterError, 503)],
)
def test_it_answers_each_kind_with_its_status_and_the_message(kind, status):
    assert answered(kind("Not now.")) == (status, {"detail": "Not now."})


def test_it_answers_invalid_input_with_its_problems_by_field():
    error = InvalidInputError("name: Taken.", problems={"name": ["Taken."]})

    assert answered(error) == (400, {"name": ["Taken."]})


def test_it_answers_with_the_body_an_error_gives():
    class DraftExistsError(StateConflictError):
        def body(self) -> dict:
            return {**super().body(), "draft": 7}

    assert answered(DraftExistsError("One at a time.")) == (409, {"detail": "One at a time.", "draft": 7})


def test_it_answers_a_subclass_as_its_kind():
    class OwnAnswersError(NotPermittedError):
        pass

    assert answered(OwnAnswersError("Someone else."))[0] == 403


def test_it_answers_a_limit_reached_with_a_429_and_retry_after():
    response = exception_handler(LimitReachedError("Too many.", retry_after=timedelta(minutes=2)), {})

    assert (response.status_code, response["Retry-After"]) == (429, "120")
    assert response.data["detail"].startswith("Too many.")


def test_it_leaves_an_unexpected_error_to_djangos_500():
    assert exception_handler(ValueError("a bug"), {}) is None
