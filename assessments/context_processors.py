"""What the navigation of every page needs to know about the signed-in user."""

from functools import cache

from django.http import HttpRequest

from assessments.selectors.access import is_assessor_anywhere


def navigation(request: HttpRequest) -> dict:
    """`shows_portfolio`: whether the menu offers the portfolio. A callable, so that the query runs only on
    pages that draw the menu for a signed-in user, once."""
    user = getattr(request, "user", None)

    @cache
    def shows_portfolio() -> bool:
        return user is not None and user.is_authenticated and is_assessor_anywhere(user=user)

    return {"shows_portfolio": shows_portfolio}
