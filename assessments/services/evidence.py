"""Writes of evidence: links and files on the answers of a draft, and whether submitting needs them.

Callers have already checked the user's role (assessments.permissions: can_answer adds evidence,
can_facilitate requires it). All or nothing: a refused piece of evidence leaves no row and no stored file;
a file saved before its row failed to be written is deleted again."""

import uuid
from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile, File
from django.db import transaction

from assessments.errors import AssessmentNotDraftError, EvidenceInvalidError
from assessments.models import Assessment, Evidence
from assessments.services.assessments import lock_draft, not_draft_message
from assessments.sniffing import check_upload, display_name
from maturity.selectors import framework_content


def evidence_link_add(
    *,
    assessment: Assessment,
    user: AbstractBaseUser,
    question: str,
    url: str,
    description: str = "",
    valid_until: date | None = None,
) -> Evidence:
    """A link behind the answer to `question` (`url` an http or https address: inputs.link_problem, checked by
    the caller's form or serializer, as are the description's length and the date)."""
    problems = _question_problems(assessment, question)
    if problems:
        raise EvidenceInvalidError(problems)
    evidence = _new(assessment, user, question, description, valid_until)
    evidence.url = url
    with transaction.atomic():
        lock_draft(assessment)
        evidence.save()
    return evidence


def evidence_file_add(
    *,
    assessment: Assessment,
    user: AbstractBaseUser,
    question: str,
    upload: File,
    description: str = "",
    valid_until: date | None = None,
) -> Evidence:
    """A file behind the answer to `question`, refused when larger than EVIDENCE_MAX_BYTES or when its
    content is not of an allowed type or not of the type its name claims. Stored under a name of ours."""
    problems = _question_problems(assessment, question)
    data, content_type = _file_checked(upload, problems)
    if problems:
        raise EvidenceInvalidError(problems)
    if not assessment.is_draft:  # before storing anything; checked again under the lock
        raise AssessmentNotDraftError(not_draft_message(assessment))
    evidence = _new(assessment, user, question, description, valid_until)
    evidence.file_name = display_name(upload.name or "")
    evidence.content_type = content_type
    evidence.size = len(data)
    evidence.file.save(evidence.file_name, ContentFile(data), save=False)
    try:
        with transaction.atomic():
            lock_draft(assessment)
            evidence.save()
    except BaseException:
        evidence.file.storage.delete(evidence.file.name)
        raise
    return evidence


def evidence_remove(*, evidence: Evidence) -> None:
    """Deletes the evidence of a draft; its file goes once the deletion has committed."""
    stored = evidence.file.name if evidence.is_file else ""
    storage = evidence.file.storage
    with transaction.atomic():
        lock_draft(evidence.assessment)
        Evidence.objects.filter(pk=evidence.pk).delete()
        if stored:
            transaction.on_commit(lambda: storage.delete(stored))


def assessment_evidence_required_set(*, assessment: Assessment, required: bool) -> None:
    """Whether submitting waits until no unsupported claim is left (draft only)."""
    with transaction.atomic():
        locked = lock_draft(assessment)
        locked.evidence_required = required
        locked.save(update_fields=["evidence_required"])
    assessment.evidence_required = required


def _new(
    assessment: Assessment, user: AbstractBaseUser, question: str, description: str, valid_until: date | None
) -> Evidence:
    return Evidence(
        assessment=assessment,
        question_id=framework_content(framework=assessment.framework).question_ids[question],
        uuid=uuid.uuid4(),
        description=description.strip(),
        valid_until=valid_until,
        added_by=user,
    )


def _question_problems(assessment: Assessment, question: str) -> dict[str, list[str]]:
    if question not in framework_content(framework=assessment.framework).question_ids:
        return {"question": ["Unknown question for this assessment's framework version."]}
    return {}


def _file_checked(upload: File, problems: dict[str, list[str]]) -> tuple[bytes, str]:
    """The upload's bytes and sniffed type; a problem under "file" when it is refused."""
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        problems["file"] = [f"The file is larger than the {_megabytes(limit)} limit ({_megabytes(upload.size)})."]
        return b"", ""
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        problems["file"] = [f"The file is larger than the {_megabytes(limit)} limit."]
        return b"", ""
    checked = check_upload(name=upload.name or "", data=data, allowed=settings.EVIDENCE_ALLOWED_TYPES)
    if checked.error:
        problems["file"] = [checked.error]
    return data, checked.content_type


def _megabytes(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024:.0f} kB" if size >= 1024 else f"{size} bytes"


UPLOAD_OVERHEAD_BYTES = 1024 * 1024


def upload_body_limit() -> int:
    """The largest request body an upload endpoint takes: a file of EVIDENCE_MAX_BYTES with the form around
    it, and room for a file somewhat over the limit to be refused with a clear message rather than a 413."""
    return settings.EVIDENCE_MAX_BYTES + UPLOAD_OVERHEAD_BYTES
