"""Evidence beside each question: shown, added (htmx or a plain post), removed, downloaded by members only."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from assessments.models import Assessment, Evidence
from tests.assessments.evidence.conftest import (
    HTML,
    PDF,
    PNG,
    TEXT,
    add_file,
    add_link,
    stored_files,
    upload,
)

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
AREA_PAGE_QUERIES = 8  # as tests/assessments/views/test_query_counts.py, with the evidence of every question


def area_url(cast, question_key: str) -> str:
    area = cast.framework.questions.get(key=question_key).area.key
    return f"/assessments/{cast.assessment.pk}/areas/{area}/"


def add_url(cast, question_key: str) -> str:
    return f"/assessments/{cast.assessment.pk}/evidence/{question_key}/"


def submit(cast):
    Assessment.objects.filter(pk=cast.assessment.pk).update(
        status=Assessment.Status.SUBMITTED, submitted_by=cast.owner, submitted_at=timezone.now()
    )


def test_the_area_page_shows_the_evidence_with_who_when_and_until_when(client, cast, question_key):
    add_link(cast, question_key, description="Last night's run", valid_until=date(2099, 1, 31))
    add_file(cast, question_key, name="audit.pdf", valid_until=timezone.localdate() - timedelta(days=1))
    client.force_login(cast.viewer)

    html = client.get(area_url(cast, question_key)).content.decode()

    assert 'href="https://ci.example.com/runs/1" rel="noopener noreferrer nofollow"' in html
    assert "Last night&#x27;s run" in html
    assert "valid until 31 Jan 2099" in html
    file_id = Evidence.objects.get(file_name="audit.pdf").pk
    assert f'<a href="/evidence/{file_id}/download/">audit.pdf</a>' in html
    assert html.count("Added by member on") == 2
    assert html.count('<span class="badge badge-expired">expired</span>') == 1
    assert "Add evidence" not in html  # a viewer reads only


def test_the_area_page_offers_every_question_a_form_to_add_evidence(client, cast, question_key):
    client.force_login(cast.member)

    html = client.get(area_url(cast, question_key)).content.decode()

    assert f'action="{add_url(cast, question_key)}"' in html
    assert 'enctype="multipart/form-data"' in html


@pytest.mark.parametrize("pieces", [1, 25])
def test_the_area_page_reads_the_evidence_in_a_fixed_number_of_queries(
    client, cast, question_key, django_assert_max_num_queries, pieces
):
    keys = list(cast.framework.questions.filter(area__key="data").values_list("key", flat=True))
    for index in range(pieces):
        add_link(cast, keys[index % len(keys)], url=f"https://ci.example.com/runs/{index}")
    client.force_login(cast.member)

    with django_assert_max_num_queries(AREA_PAGE_QUERIES):
        response = client.get(f"/assessments/{cast.assessment.pk}/areas/data/")

    assert response.content.decode().count("https://ci.example.com/runs/") >= pieces


def test_a_link_added_with_htmx_answers_with_the_questions_evidence(client, cast, question_key):
    client.force_login(cast.member)

    response = client.post(
        add_url(cast, question_key),
        {"url": "https://wiki.example.com/runbook", "description": "Runbook", "valid_until": "2027-03-31"},
        **HTMX,
    )

    assert response.status_code == 200
    evidence = Evidence.objects.get()
    assert (evidence.url, evidence.valid_until, evidence.added_by) == (
        "https://wiki.example.com/runbook",
        date(2027, 3, 31),
        cast.member,
    )
    html = response.content.decode()
    assert html.startswith('<div class="evidence"') or '<div class="evidence"' in html
    assert "https://wiki.example.com/runbook" in html


def test_a_file_posted_without_javascript_returns_to_the_question(client, cast, question_key, evidence_storage):
    client.force_login(cast.member)

    response = client.post(add_url(cast, question_key), {"file": upload("model card.pdf", PDF), "url": ""})

    assert response.url == f"{area_url(cast, question_key)}#q-{question_key}"
    evidence = Evidence.objects.get()
    assert (evidence.file_name, evidence.content_type) == ("model card.pdf", "application/pdf")
    assert stored_files(evidence_storage) == [evidence.file.name]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"url": "ftp://files.example.com/x"}, "Only http and https addresses are accepted."),
        ({"url": "javascript:alert(1)"}, "Only http and https addresses are accepted."),
        ({"file": ("report.pdf", PNG)}, "The name ends in .pdf but the content is PNG image"),
        ({"file": ("notes.txt", HTML)}, "HTML or other markup (text/html), which is not accepted"),
        ({}, "Give a link or choose a file."),
        ({"url": "https://x.example", "file": ("notes.txt", TEXT)}, "Give a link or a file, not both."),
        ({"url": "https://x.example", "valid_until": "next week"}, "Enter a valid date."),
    ],
)
def test_refused_evidence_shows_why_in_the_questions_block_and_keeps_nothing(
    client, cast, question_key, evidence_storage, data, message
):
    if "file" in data:
        data = {**data, "file": upload(*data["file"])}
    client.force_login(cast.member)

    response = client.post(add_url(cast, question_key), data, **HTMX)

    assert response.status_code == 422
    html = response.content.decode()
    assert message in html.replace("&#x27;", "'")
    assert '<details class="evidence-add" open>' in html
    assert not Evidence.objects.exists()
    assert stored_files(evidence_storage) == []


def test_refused_evidence_without_javascript_shows_the_area_page_with_the_reason(client, cast, question_key):
    client.force_login(cast.member)

    response = client.post(add_url(cast, question_key), {"file": upload("report.pdf", PNG)})

    assert response.status_code == 400
    assert "Not added: The name ends in .pdf but the content is PNG image" in response.content.decode()
    assert not Evidence.objects.exists()


def test_an_oversized_file_gets_a_message_on_the_page_not_a_bare_413(
    client, cast, question_key, settings, evidence_storage
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096  # the body is well over the site's limit...
    settings.EVIDENCE_MAX_BYTES = 8192  # ...and the file over the evidence limit, by a little
    client.force_login(cast.member)

    response = client.post(add_url(cast, question_key), {"file": upload("big.txt", b"a" * 9000)}, **HTMX)

    assert response.status_code == 422
    assert "The file is larger than the 8 kB limit (9 kB)." in response.content.decode()
    assert stored_files(evidence_storage) == []


def test_a_file_within_the_evidence_limit_passes_the_sites_body_limit(client, cast, question_key, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096
    settings.EVIDENCE_MAX_BYTES = 64 * 1024
    client.force_login(cast.member)

    response = client.post(add_url(cast, question_key), {"file": upload("log.txt", b"line\n" * 6000)}, **HTMX)

    assert response.status_code == 200
    assert Evidence.objects.get().size == 30000


def test_a_body_far_over_the_upload_limit_is_refused_before_it_is_read(client, cast, question_key, settings):
    settings.EVIDENCE_MAX_BYTES = 1024  # the upload endpoint takes 1 kB plus the form's overhead (1 MB)

    response = client.post(
        add_url(cast, question_key), b"x", content_type="multipart/form-data; boundary=x", CONTENT_LENGTH=3_000_000
    )

    assert response.status_code == 413


def test_other_pages_keep_the_sites_body_limit(client, cast, question_key, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096
    client.force_login(cast.member)

    response = client.post(
        f"/assessments/{cast.assessment.pk}/answers/{question_key}/", {"value": "2", "comment": "x" * 5000}
    )

    assert response.status_code == 413


def test_a_viewer_cannot_add_or_remove_evidence(client, cast, question_key, evidence_storage):
    evidence = add_file(cast, question_key)
    client.force_login(cast.viewer)

    added = client.post(add_url(cast, question_key), {"url": "https://x.example"})
    removed = client.post(f"/evidence/{evidence.pk}/remove/")

    assert (added.status_code, removed.status_code) == (403, 403)
    assert list(Evidence.objects.all()) == [evidence]
    assert stored_files(evidence_storage) == [evidence.file.name]


def test_an_outsider_finds_no_evidence_at_all(client, cast, question_key, evidence_storage):
    evidence = add_file(cast, question_key)
    client.force_login(cast.outsider)

    responses = [
        client.get(f"/evidence/{evidence.pk}/download/"),
        client.post(f"/evidence/{evidence.pk}/remove/"),
        client.post(add_url(cast, question_key), {"url": "https://x.example"}),
    ]

    assert [response.status_code for response in responses] == [404, 404, 404]
    assert list(Evidence.objects.all()) == [evidence]
    assert stored_files(evidence_storage) == [evidence.file.name]


def test_removing_with_htmx_answers_with_the_block_without_it(
    client, cast, question_key, evidence_storage, django_capture_on_commit_callbacks
):
    evidence = add_file(cast, question_key)
    client.force_login(cast.assessor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/evidence/{evidence.pk}/remove/", **HTMX)

    assert response.status_code == 200
    assert "report.pdf" not in response.content.decode()
    assert not Evidence.objects.exists()
    assert stored_files(evidence_storage) == []


def test_nothing_changes_once_submitted(client, cast, question_key, evidence_storage):
    evidence = add_file(cast, question_key)
    submit(cast)
    client.force_login(cast.member)

    added = client.post(add_url(cast, question_key), {"url": "https://x.example"}, **HTMX)
    removed = client.post(f"/evidence/{evidence.pk}/remove/", **HTMX)

    assert (added.status_code, removed.status_code) == (409, 409)
    assert "its evidence can no longer change" in added.content.decode()
    assert list(Evidence.objects.all()) == [evidence]


def test_a_member_downloads_the_file_as_an_attachment_with_its_sniffed_type(client, cast, question_key):
    evidence = add_file(cast, question_key, name='Q3 "audit".pdf')
    client.force_login(cast.viewer)

    response = client.get(f"/evidence/{evidence.pk}/download/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Q3 _audit_.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_a_link_has_nothing_to_download(client, cast, question_key):
    evidence = add_link(cast, question_key)
    client.force_login(cast.member)

    assert client.get(f"/evidence/{evidence.pk}/download/").status_code == 404


def test_a_text_file_is_sent_as_utf_8(client, cast, question_key):
    evidence = add_file(cast, question_key, name="notes.txt", data="Modèle déployé\n".encode())
    client.force_login(cast.member)

    response = client.get(f"/evidence/{evidence.pk}/download/")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert b"".join(response.streaming_content).decode() == "Modèle déployé\n"
