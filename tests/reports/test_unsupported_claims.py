"""The report flags unsupported claims, judged on the day the assessment was submitted."""

from datetime import date, datetime, timedelta

import pytest

from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from assessments.services.evidence import evidence_link_add
from reports.api.serializers import UnsupportedClaimSerializer
from reports.models import Report
from reports.selectors.report import report_inputs
from reports.services import report_compute
from tests.api_helpers import api_as
from tests.conftest import complete_answers
from tests.documented import assert_documented

pytestmark = pytest.mark.django_db

SUBMITTED_AT = datetime.fromisoformat("2026-06-15T10:00:00+00:00")


@pytest.fixture
def level_3(cast) -> list[str]:
    return list(cast.framework.questions.filter(level=3).order_by("position").values_list("key", flat=True)[:3])


@pytest.fixture
def report(cast, level_3):
    """Answered 1 everywhere but three level-3 practices fully in place: the first without evidence, the
    second with evidence that expired before the submission, the third with evidence valid until that day."""
    items = [
        AnswerInput(item.question, 3 if item.question in level_3 else 1) for item in complete_answers(cast.framework)
    ]
    answers_save(assessment=cast.assessment, user=cast.member, items=items)
    for key, until in ((level_3[1], date(2026, 6, 14)), (level_3[2], date(2026, 6, 15))):
        evidence_link_add(
            assessment=cast.assessment, user=cast.member, question=key, url="https://x.example", valid_until=until
        )
    assessment_submit(assessment=cast.assessment, user=cast.member, submitted_at=SUBMITTED_AT)
    report_compute(assessment_id=cast.assessment.pk)
    return Report.objects.get(assessment=cast.assessment)


def test_the_content_lists_each_claim_with_its_reason(cast, report, level_3):
    claims = report.content["unsupported_claims"]

    assert [(claim["question"], claim["reason"], claim["valid_until"]) for claim in claims] == [
        (level_3[0], "missing", None),
        (level_3[1], "expired", "2026-06-14"),
    ]
    first = claims[0]
    question = cast.framework.questions.get(key=level_3[0])
    assert first == {
        "area": question.area.key,
        "area_name": question.area.name,
        "question": question.key,
        "statement": question.statement,
        "level": 3,
        "value": 3,
        "value_label": "fully in place",
        "reason": "missing",
        "valid_until": None,
    }


def test_the_api_report_carries_them(cast, report, level_3):
    body = api_as(cast.viewer).get(f"/api/assessments/{cast.assessment.pk}/report/").json()

    assert [claim["question"] for claim in body["unsupported_claims"]] == level_3[:2]
    assert_documented(body["unsupported_claims"], UnsupportedClaimSerializer(many=True))


def test_the_report_page_shows_them(client, cast, report):
    client.force_login(cast.viewer)

    html = client.get(f"/assessments/{cast.assessment.pk}/report/").content.decode()

    assert '<h2 id="claims-heading">Unsupported claims</h2>' in html
    assert "Evidence expired on 2026-06-14" in html
    assert "No evidence" in html


@pytest.mark.parametrize("pieces", [1, 40])
def test_the_inputs_read_the_evidence_in_a_fixed_number_of_queries(
    cast, level_3, django_assert_max_num_queries, pieces
):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework, 3))
    for index in range(pieces):
        evidence_link_add(
            assessment=cast.assessment,
            user=cast.member,
            question=level_3[index % 3],
            url=f"https://x.example/{index}",
            valid_until=date(2026, 1, 1) + timedelta(days=index),
        )
    assessment_submit(assessment=cast.assessment, user=cast.member, submitted_at=SUBMITTED_AT)

    with django_assert_max_num_queries(7):
        inputs = report_inputs(assessment_id=cast.assessment.pk)

    assert sum(len(dates) for dates in inputs.evidence.values()) == pieces
    assert inputs.judged_on == date(2026, 6, 15)
