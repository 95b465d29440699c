"""Files of each kind, made here, and a look at what the evidence storage holds."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.services.evidence import evidence_file_add, evidence_link_add

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
TEXT = b"Retraining runs nightly; see the pipeline's log.\n"
CSV = b"model,version,deployed\nranker,12,2026-11-30\n"
HTML = b"<!DOCTYPE html><html><script>alert(1)</script></html>"
EXE = b"MZ\x90\x00" + b"\x00" * 100


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    """The browser's claimed type is whatever it says: nothing trusts it."""
    return SimpleUploadedFile(name, data, content_type=content_type)


def stored_files(storage) -> list[str]:
    """Every file under the storage's folder (tests use a FileSystemStorage in a temporary folder)."""
    base = Path(storage.path(""))
    return sorted(str(path.relative_to(base)) for path in base.rglob("*") if path.is_file()) if base.exists() else []


@pytest.fixture
def question_key(cast) -> str:
    """A level-3 practice: answered 2 or 3 without evidence, it is an unsupported claim."""
    return cast.framework.questions.filter(level=3).order_by("position").values_list("key", flat=True).first()


def add_link(cast, question_key: str, url: str = "https://ci.example.com/runs/1", **kwargs):
    return evidence_link_add(assessment=cast.assessment, user=cast.member, question=question_key, url=url, **kwargs)


def add_file(cast, question_key: str, name: str = "report.pdf", data: bytes = PDF, **kwargs):
    return evidence_file_add(
        assessment=cast.assessment, user=cast.member, question=question_key, upload=upload(name, data), **kwargs
    )
