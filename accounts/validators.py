"""What a username may be, besides Django's own rule (letters, digits and @ . + - _)."""

from django.core.exceptions import ValidationError


def validate_username_is_not_an_address(username: str) -> None:
    """A username with @ could pass for a colleague's email address wherever people are named by either, so
    none has one: a text with @ is an address, any other a username."""
    if "@" in username:
        raise ValidationError("A username cannot contain @: it would read as an email address.", code="username_at")
