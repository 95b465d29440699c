"""What an uploaded file is, judged by its content and never by its name alone (pure, no storage or database).

Binary formats are recognised by their signature (the `filetype` library); text is valid UTF-8 without NUL
bytes, and text that opens like markup (HTML, SVG, XML) is markup, which a browser could run. The name's
extension must then agree with the content: a PNG named report.pdf, or HTML named notes.txt, is refused."""

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import PurePosixPath

import filetype

TEXT = "text/plain"


CSV = "text/csv"


MARKUP = "text/html"


SNIFF_BYTES = 8192  # filetype reads no further


# The extensions a name may carry for each type; a type not listed takes filetype's own extension.
EXTENSIONS: dict[str, frozenset[str]] = {
    "application/pdf": frozenset({"pdf"}),
    "image/png": frozenset({"png"}),
    "image/jpeg": frozenset({"jpg", "jpeg"}),
    TEXT: frozenset({"txt", "text", "md", "log"}),
    CSV: frozenset({"csv"}),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": frozenset({"docx"}),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": frozenset({"xlsx"}),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": frozenset({"pptx"}),
}


LABELS = {
    "application/pdf": "PDF",
    "image/png": "PNG image",
    "image/jpeg": "JPEG image",
    TEXT: "plain text",
    CSV: "CSV",
    MARKUP: "HTML or other markup",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document (.docx)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel workbook (.xlsx)",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint deck (.pptx)",
    "application/x-msdownload": "Windows program",
    "application/x-executable": "program",
}


_MARKUP_START = re.compile(rb"^\s*<(!doctype\s+html|html|head|body|script|svg|\?xml|iframe|meta)\b", re.IGNORECASE)


def label(content_type: str) -> str:
    return LABELS.get(content_type, content_type)


def content_type_of(data: bytes) -> str | None:
    """The type the content shows: filetype's for a binary format, TEXT or MARKUP for text, else None."""
    kind = filetype.guess(data[:SNIFF_BYTES])
    if kind is not None:
        return kind.mime
    if not data or b"\x00" in data:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return MARKUP if _MARKUP_START.match(data.removeprefix(b"\xef\xbb\xbf")) else TEXT


def extension(name: str) -> str:
    return PurePosixPath(name).suffix.lower().removeprefix(".")


@dataclass(frozen=True)
class Checked:
    """An accepted upload (`content_type`), or the reason it is refused (`error`)."""

    content_type: str = ""
    error: str = ""


def check_upload(*, name: str, data: bytes, allowed: Collection[str]) -> Checked:
    """The upload's type from its content, checked against the allowed types and the name's extension."""
    if not data:
        return Checked(error="The file is empty.")
    sniffed = content_type_of(data)
    accepted = ", ".join(label(kind) for kind in allowed)
    if sniffed is None:
        return Checked(error=f"The content is not of a type we recognise. Accepted: {accepted}.")
    ext = extension(name)
    if sniffed == TEXT and ext in EXTENSIONS[CSV]:
        sniffed = CSV
    if sniffed not in allowed:
        return Checked(
            error=f"The content is {label(sniffed)} ({sniffed}), which is not accepted. Accepted: {accepted}."
        )
    expected = EXTENSIONS.get(sniffed) or _filetype_extensions(sniffed)
    if ext not in expected:
        claimed = f"The name ends in .{ext}" if ext else "The name has no extension"
        wanted = ", ".join(f".{one}" for one in sorted(expected))
        return Checked(error=f"{claimed} but the content is {label(sniffed)} (expected {wanted}); rename the file.")
    return Checked(content_type=sniffed)


def _filetype_extensions(content_type: str) -> frozenset[str]:
    return frozenset(kind.extension for kind in filetype.TYPES if kind.mime == content_type)


def display_name(name: str, *, max_length: int = 255) -> str:
    """The uploader's file name, safe to show and to send back in a Content-Disposition: the last part of
    the path only, without control characters, quotes or separators, at most `max_length` characters
    (the extension kept)."""
    base = re.split(r"[\\/]", name)[-1]
    cleaned = "".join(" " if unicodedata.category(char)[0] in "CZ" else char for char in base)
    cleaned = re.sub(r'["<>:|?*;]', "_", cleaned)
    cleaned = " ".join(cleaned.split()).strip(". ")
    if len(cleaned) > max_length:
        suffix = PurePosixPath(cleaned).suffix[:16]
        cleaned = cleaned[: max_length - len(suffix)] + suffix
    return cleaned or "evidence"
