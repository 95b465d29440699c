"""The type of an upload comes from its content; the name's extension must agree with it."""

import pytest

from assessments.sniffing import check_upload, content_type_of, display_name
from tests.assessments.evidence.conftest import CSV, EXE, HTML, PDF, PNG, TEXT, docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ALLOWED = ["application/pdf", "image/png", "text/plain", "text/csv", DOCX]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (PNG, "image/png"),
        (PDF, "application/pdf"),
        (TEXT, "text/plain"),
        (CSV, "text/plain"),  # CSV is text; only its name tells it apart
        (HTML, "text/html"),
        (b"  \n<svg onload=alert(1)>", "text/html"),
        (EXE, "application/x-msdownload"),
        (b"\x7fELF" + b"\x00" * 60, "application/x-executable"),
        ("café".encode("latin-1"), None),  # not UTF-8
        (b"text\x00with a NUL", None),
        (b"", None),
    ],
)
def test_it_judges_the_content(data, expected):
    assert content_type_of(data) == expected


def test_it_recognises_an_office_document():
    assert content_type_of(docx()) == DOCX


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("report.pdf", PDF, "application/pdf"),
        ("Screenshot.PNG", PNG, "image/png"),
        ("notes.txt", TEXT, "text/plain"),
        ("README.md", TEXT, "text/plain"),
        ("models.csv", CSV, "text/csv"),
        ("design.docx", docx(), DOCX),
    ],
)
def test_it_accepts_content_that_matches_its_name(name, data, content_type):
    assert check_upload(name=name, data=data, allowed=ALLOWED).content_type == content_type


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("report.pdf", PNG, "The name ends in .pdf but the content is PNG image (expected .png)"),
        ("notes.txt", HTML, "The content is HTML or other markup (text/html), which is not accepted"),
        ("notes.pdf", HTML, "The content is HTML or other markup (text/html), which is not accepted"),
        ("notes.txt", EXE, "The content is Windows program (application/x-msdownload), which is not accepted"),
        ("report.pdf", EXE, "which is not accepted"),
        ("photo.png", "café".encode("latin-1"), "The content is not of a type we recognise"),
        ("notes.html", TEXT, "The name ends in .html but the content is plain text"),
        ("report", PDF, "The name has no extension but the content is PDF"),
        ("empty.txt", b"", "The file is empty."),
    ],
)
def test_it_refuses_mistyped_content_with_a_reason(name, data, message):
    checked = check_upload(name=name, data=data, allowed=ALLOWED)

    assert checked.content_type == ""
    assert message in checked.error


def test_it_refuses_a_type_left_out_of_the_allowed_ones():
    checked = check_upload(name="photo.png", data=PNG, allowed=["application/pdf"])

    assert checked.error == "The content is PNG image (image/png), which is not accepted. Accepted: PDF."


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("report.pdf", "report.pdf"),
        ("C:\\fakepath\\report.pdf", "report.pdf"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ('say "hi"; <b>.txt', "say _hi__ _b_.txt"),
        ("right\u202eftp.exe.txt", "right ftp.exe.txt"),
        ("line\r\nbreak.txt", "line break.txt"),
        ("", "evidence"),
        ("...", "evidence"),
        ("a" * 300 + ".pdf", "a" * 251 + ".pdf"),
    ],
)
def test_it_makes_the_uploaders_name_safe_to_show(name, shown):
    assert display_name(name) == shown
