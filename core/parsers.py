"""The API reads JSON only (design section 5)."""

from rest_framework import parsers
from rest_framework.exceptions import ValidationError


class JSONParser(parsers.JSONParser):
    """DRF's parser, but a string holding half a character (a lone surrogate, which JSON's `\\ud800` escapes
    allow) is a 400 naming where it is, before any field, error message or database could choke on it: none
    can encode it as UTF-8. (JSON nested too deeply is core.api.exception_handler's.)"""

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        refuse_lone_surrogates(data)
        return data


def refuse_lone_surrogates(data: object) -> None:
    """A 400 naming the first value (or key) holding a lone surrogate by its path in the body: `role`,
    `0.value`. Iterative: the body may be nested as deep as the parser allows."""
    pending: list[tuple[str, object]] = [("", data)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                inner = f"{path}.{key}" if path else str(key)
                if _surrogate_in(key):
                    _refuse(inner, key)
                pending.append((inner, item))
        elif isinstance(value, list):
            pending.extend((f"{path}.{index}" if path else str(index), item) for index, item in enumerate(value))
        elif isinstance(value, str) and _surrogate_in(value):
            _refuse(path, value)


def _surrogate_in(text: str) -> bool:
    return any("\ud800" <= character <= "\udfff" for character in text)


def _refuse(path: str, text: str) -> None:
    code = next(ord(character) for character in text if "\ud800" <= character <= "\udfff")
    message = f"Surrogate characters are not allowed: U+{code:X}."  # as DRF's own CharField says it
    # The path, with its half characters as their escapes, is the one text of the request the answer repeats.
    field = path.encode("utf-8", "backslashreplace").decode("utf-8") or "body"
    raise ValidationError({"detail": f"{message} ({field})", field: [message]})
