import pytest

from assessments.models import Assessment
from assessments.services.answers import answers_save
from reports.api.serializers import SubmitOutputSerializer
from tests.api_helpers import api_as
from tests.conftest import complete_answers
from tests.documented import assert_documented

pytestmark = pytest.mark.django_db


def submit(user, cast):
    return api_as(user).post(f"/api/assessments/{cast.assessment.pk}/submit/")


def test_it_submits_a_complete_assessment(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))

    response = submit(cast.member, cast)

    assert response.status_code == 202
    assert response.json()["status"] == "submitted"
    assert Assessment.objects.get().submitted_by == cast.member


def test_it_lists_the_unanswered_questions(cast):
    items = complete_answers(cast.framework)
    answers_save(assessment=cast.assessment, user=cast.member, items=items[1:])

    response = submit(cast.member, cast)

    assert (response.status_code, response.json()["unanswered"]) == (400, [items[0].question])
    assert Assessment.objects.get().status == "draft"


def test_submitting_twice_is_a_409(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    submit(cast.member, cast)

    assert submit(cast.member, cast).status_code == 409


@pytest.mark.parametrize(("role", "expected"), [("viewer", 403), ("outsider", 404)])
def test_viewers_and_outsiders_cannot_submit(cast, role, expected):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))

    assert submit(cast.users[role], cast).status_code == expected
    assert Assessment.objects.get().status == "draft"


def test_from_submission_on_the_report_exists_and_is_pending(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))

    body = submit(cast.member, cast).json()
    report = api_as(cast.viewer).get(f"/api/assessments/{cast.assessment.pk}/report/")

    assert body["report"] == {
        "status": "pending",
        "url": f"http://testserver/api/assessments/{cast.assessment.pk}/report/",
    }
    assert (report.status_code, report.json()["status"]) == (200, "pending")


def test_the_submit_body_is_what_its_serializer_documents(cast, settings):
    settings.ALLOWED_HOSTS = ["maturity.example.com"]  # a URL the URL field takes: "testserver" has no domain
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))

    path = f"/api/assessments/{cast.assessment.pk}/submit/"
    body = api_as(cast.member).post(path, HTTP_HOST="maturity.example.com").json()

    assert_documented(body, SubmitOutputSerializer())
    assert body["report"]["url"] == f"http://maturity.example.com/api/assessments/{cast.assessment.pk}/report/"
