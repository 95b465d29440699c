"""Adding and removing evidence: all or nothing, a draft only, files checked by content and size."""

from datetime import date

import pytest
from django.db import DatabaseError

from assessments.errors import AssessmentNotDraftError, EvidenceInvalidError
from assessments.models import Assessment, Evidence
from assessments.services.assessments import assessment_discard
from assessments.services.evidence import (
    UPLOAD_OVERHEAD_BYTES,
    assessment_evidence_required_set,
    evidence_file_add,
    evidence_link_add,
    evidence_remove,
    upload_body_limit,
)
from tests.assessments.evidence.conftest import EXE, HTML, PDF, PNG, TEXT, stored_files, upload

pytestmark = pytest.mark.django_db


def add_file(cast, question_key, file, **kwargs):
    return evidence_file_add(assessment=cast.assessment, user=cast.member, question=question_key, upload=file, **kwargs)


def test_it_adds_a_link_with_who_when_and_until_when(cast, question_key):
    evidence = evidence_link_add(
        assessment=cast.assessment,
        user=cast.member,
        question=question_key,
        url="https://ci.example.com/pipelines/42",
        description="The pipeline's last run",
        valid_until=date(2027, 6, 30),
    )

    evidence.refresh_from_db()
    assert (evidence.url, evidence.file.name, evidence.question.key) == (
        "https://ci.example.com/pipelines/42",
        "",
        question_key,
    )
    assert (evidence.added_by, evidence.valid_until, evidence.description) == (
        cast.member,
        date(2027, 6, 30),
        "The pipeline's last run",
    )
    assert evidence.added_at is not None


def test_it_stores_a_file_under_a_name_of_its_own(cast, question_key, evidence_storage):
    evidence = add_file(cast, question_key, upload("../../Design Review.pdf", PDF, "image/png"))

    evidence.refresh_from_db()
    assert evidence.file.name == f"assessments/{cast.assessment.pk}/{evidence.uuid}"
    assert (evidence.file_name, evidence.content_type, evidence.size) == (
        "Design Review.pdf",
        "application/pdf",
        len(PDF),
    )
    assert stored_files(evidence_storage) == [evidence.file.name]
    with evidence.file.open("rb") as handle:
        assert handle.read() == PDF


def test_it_refuses_a_question_of_another_framework(cast):
    with pytest.raises(EvidenceInvalidError) as refused:
        evidence_link_add(
            assessment=cast.assessment, user=cast.member, question="no.such.question", url="https://x.example"
        )

    assert refused.value.problems == {"question": ["Unknown question for this assessment's framework version."]}
    assert not Evidence.objects.exists()


def test_it_refuses_an_oversized_file_and_keeps_nothing(cast, question_key, settings, evidence_storage):
    settings.EVIDENCE_MAX_BYTES = 2048

    with pytest.raises(EvidenceInvalidError) as refused:
        add_file(cast, question_key, upload("big.txt", b"a" * 5120))

    assert refused.value.problems == {"file": ["The file is larger than the 2 kB limit (5 kB)."]}
    assert not Evidence.objects.exists()
    assert stored_files(evidence_storage) == []


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("report.pdf", PNG, "The name ends in .pdf but the content is PNG image"),
        ("notes.txt", HTML, "HTML or other markup (text/html), which is not accepted"),
        ("notes.pdf", EXE, "Windows program (application/x-msdownload), which is not accepted"),
    ],
)
def test_it_refuses_a_mistyped_file_and_keeps_nothing(cast, question_key, evidence_storage, name, data, message):
    with pytest.raises(EvidenceInvalidError) as refused:
        add_file(cast, question_key, upload(name, data, "application/pdf"))

    assert message in refused.value.problems["file"][0]
    assert not Evidence.objects.exists()
    assert stored_files(evidence_storage) == []


def test_it_refuses_a_type_the_settings_do_not_allow(cast, question_key, settings, evidence_storage):
    settings.EVIDENCE_ALLOWED_TYPES = ["application/pdf"]

    with pytest.raises(EvidenceInvalidError) as refused:
        add_file(cast, question_key, upload("notes.txt", TEXT))

    assert refused.value.problems["file"][0].startswith("The content is plain text (text/plain), which is not accepted")
    assert stored_files(evidence_storage) == []


def test_a_file_whose_row_cannot_be_written_is_deleted_again(cast, question_key, evidence_storage, monkeypatch):
    def fail(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(Evidence, "save", fail)

    with pytest.raises(DatabaseError):
        add_file(cast, question_key, upload("report.pdf", PDF))

    assert stored_files(evidence_storage) == []


def test_nothing_is_added_to_a_submitted_assessment(cast, question_key, evidence_storage):
    Assessment.objects.filter(pk=cast.assessment.pk).update(
        status=Assessment.Status.SUBMITTED, submitted_by=cast.owner, submitted_at="2026-12-01T10:00Z"
    )
    cast.assessment.refresh_from_db()

    with pytest.raises(AssessmentNotDraftError):
        add_file(cast, question_key, upload("report.pdf", PDF))
    with pytest.raises(AssessmentNotDraftError):
        evidence_link_add(assessment=cast.assessment, user=cast.member, question=question_key, url="https://x.example")

    assert not Evidence.objects.exists()
    assert stored_files(evidence_storage) == []


def test_nothing_is_added_while_in_review(cast, question_key):
    Assessment.objects.filter(pk=cast.assessment.pk).update(
        status=Assessment.Status.IN_REVIEW, submitted_by=cast.owner, submitted_at="2026-12-01T10:00Z"
    )

    with pytest.raises(AssessmentNotDraftError):  # the instance still says draft: the lock reads the row
        evidence_link_add(assessment=cast.assessment, user=cast.member, question=question_key, url="https://x.example")

    assert not Evidence.objects.exists()


def test_removing_deletes_the_row_and_the_file(
    cast, question_key, evidence_storage, django_capture_on_commit_callbacks
):
    evidence = add_file(cast, question_key, upload("report.pdf", PDF))

    with django_capture_on_commit_callbacks(execute=True):
        evidence_remove(evidence=evidence)

    assert not Evidence.objects.exists()
    assert stored_files(evidence_storage) == []


def test_evidence_of_a_submitted_assessment_stays(cast, question_key, evidence_storage):
    evidence = add_file(cast, question_key, upload("report.pdf", PDF))
    Assessment.objects.filter(pk=cast.assessment.pk).update(
        status=Assessment.Status.SUBMITTED, submitted_by=cast.owner, submitted_at="2026-12-01T10:00Z"
    )

    with pytest.raises(AssessmentNotDraftError):
        evidence_remove(evidence=evidence)

    assert Evidence.objects.get() == evidence
    assert stored_files(evidence_storage) == [evidence.file.name]


def test_evidence_can_be_required_and_no_longer_on_a_draft(cast):
    assessment_evidence_required_set(assessment=cast.assessment, required=True)
    cast.assessment.refresh_from_db()
    assert cast.assessment.evidence_required

    assessment_evidence_required_set(assessment=cast.assessment, required=False)
    cast.assessment.refresh_from_db()
    assert not cast.assessment.evidence_required


def test_the_upload_limit_leaves_room_for_the_form_around_the_file(settings):
    settings.EVIDENCE_MAX_BYTES = 5_000_000

    assert upload_body_limit() == 5_000_000 + UPLOAD_OVERHEAD_BYTES


def test_discarding_a_draft_deletes_its_evidence_files(
    cast, question_key, evidence_storage, django_capture_on_commit_callbacks
):
    add_file(cast, question_key, upload("report.pdf", PDF))
    evidence_link_add(assessment=cast.assessment, user=cast.member, question=question_key, url="https://x.example")

    with django_capture_on_commit_callbacks(execute=True):
        assessment_discard(assessment=cast.assessment)

    assert not Evidence.objects.exists()
    assert stored_files(evidence_storage) == []


def test_a_file_for_an_assessment_submitted_meanwhile_is_not_kept(cast, question_key, evidence_storage):
    Assessment.objects.filter(pk=cast.assessment.pk).update(
        status=Assessment.Status.IN_REVIEW, submitted_by=cast.owner, submitted_at="2026-12-01T10:00Z"
    )

    with pytest.raises(AssessmentNotDraftError):  # the instance still says draft: the lock reads the row
        add_file(cast, question_key, upload("report.pdf", PDF))

    assert not Evidence.objects.exists()
    assert stored_files(evidence_storage) == []
