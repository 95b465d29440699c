from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.models import Assessment, Evidence, Respondent
from assessments.services.evidence import evidence_file_add
from reports.services import report_compute
from tests.conftest import Cast, complete_answers
from tests.reports.conftest import submit_answers


@dataclass(frozen=True)
class World:
    """The cast (with its draft) plus two submitted assessments of its team whose reports are ready, so that
    every URL of the organisation has something real behind it."""

    cast: Cast
    earlier: Assessment
    latest: Assessment
    question_key: str
    evidence: Evidence  # a file on the draft's answer to question_key
    respondent_id: int = 0  # survey mode: the viewer, a respondent of the cast's draft (not submitted)


@pytest.fixture
def world(cast) -> World:
    submitted = [submit_answers(cast, complete_answers(cast.framework, value=value)) for value in (1, 2)]
    for assessment in submitted:
        report_compute(assessment_id=assessment.pk)
    question = cast.framework.questions.filter(area__key="data").order_by("position").first()
    # Survey mode's URLs name a respondent; the draft stays in workshop mode for every other URL, so that the
    # survey's writes answer 409 (no survey) to the roles allowed, which is neither a 403 nor a 404.
    respondent = Respondent.objects.create(assessment=cast.assessment, user=cast.viewer, added_by=cast.owner)
    evidence = evidence_file_add(
        assessment=cast.assessment,
        user=cast.owner,
        question=question.key,
        upload=SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    return World(
        cast=cast,
        earlier=submitted[0],
        latest=submitted[1],
        question_key=question.key,
        evidence=evidence,
        respondent_id=respondent.pk,
    )
