"""The review API: accept, return with comments per question, the decisions, and where the assessment and
its report say they stand."""

import pytest

from assessments.api.views.reviews import DecisionOutputSerializer, ReviewOutputSerializer
from assessments.models import Assessment, Review
from assessments.services.assessments import assessment_submit
from reports.api.serializers import ReportOutputSerializer
from reports.models import Report
from reports.services import report_compute
from tests.api_helpers import api_as
from tests.assessments.reviews.conftest import submit_for_review
from tests.documented import assert_documented

pytestmark = pytest.mark.django_db


def accept(user, assessment, body=None):
    return api_as(user).post(f"/api/assessments/{assessment.pk}/accept/", body or {}, format="json")


def return_(user, assessment, body):
    return api_as(user).post(f"/api/assessments/{assessment.pk}/return/", body, format="json")


def a_key(cast) -> str:
    return cast.framework.questions.order_by("position").values_list("key", flat=True).first()


def test_it_accepts(cast, in_review):
    response = accept(cast.assessor, in_review, {"comment": "Solid."})

    assert response.status_code == 201
    assert response.json() | {"id": 0, "decided_at": ""} == {
        "id": 0,
        "decision": "accepted",
        "reviewer": "assessor",
        "comment": "Solid.",
        "questions": [],
        "decided_at": "",
        "status": "submitted",
    }
    assert_documented(response.json(), DecisionOutputSerializer())


def test_it_returns_with_comments_per_question(cast, in_review):
    key = a_key(cast)

    response = return_(
        cast.owner, in_review, {"comment": "Evidence?", "questions": [{"question": key, "comment": "Which tool?"}]}
    )

    assert response.status_code == 201
    assert (response.json()["status"], response.json()["questions"]) == (
        "draft",
        [{"question": key, "comment": "Which tool?"}],
    )
    assert_documented(response.json(), DecisionOutputSerializer())


def test_the_submitter_is_refused_and_nothing_changes(cast, in_review):
    response = accept(cast.member, in_review)  # a member may not review at all

    assert response.status_code == 403
    owner_submitted = submit_for_review_by_owner(cast)
    response = accept(cast.owner, owner_submitted)

    assert response.status_code == 403
    assert "You submitted this assessment" in response.json()["detail"]
    assert Assessment.objects.get(pk=owner_submitted.pk).status == "in_review"
    assert not Review.objects.exists()


def submit_for_review_by_owner(cast) -> Assessment:
    Assessment.objects.filter(pk=cast.assessment.pk).update(status="draft", submitted_at=None, submitted_by=None)
    cast.assessment.refresh_from_db()
    return submit_for_review(cast, user=cast.owner)


def test_a_viewer_is_refused(cast, in_review):
    response = return_(cast.viewer, in_review, {"comment": "No."})

    assert response.status_code == 403
    assert Assessment.objects.get(pk=in_review.pk).status == "in_review"


def test_an_outsider_finds_nothing(cast, in_review):
    assert accept(cast.outsider, in_review).status_code == 404


def test_not_in_review_is_a_409(cast):
    response = accept(cast.owner, cast.assessment)

    assert response.status_code == 409
    assert "not in review" in response.json()["detail"]


def test_an_unknown_question_is_a_400_naming_it(cast, in_review):
    response = return_(
        cast.owner,
        in_review,
        {"questions": [{"question": a_key(cast), "comment": "x"}, {"question": "no.such", "comment": "y"}]},
    )

    assert response.status_code == 400
    assert list(response.json()["questions"]) == ["no.such"]
    assert Assessment.objects.get(pk=in_review.pk).status == "in_review"


def test_a_return_without_any_comment_is_a_400(cast, in_review):
    response = return_(cast.owner, in_review, {"comment": "", "questions": []})

    assert response.status_code == 400
    assert "comment" in response.json()


def test_a_question_commented_twice_is_a_400(cast, in_review):
    key = a_key(cast)
    response = return_(
        cast.owner, in_review, {"questions": [{"question": key, "comment": "a"}, {"question": key, "comment": "b"}]}
    )

    assert response.status_code == 400
    assert key in response.json()["questions"][0]


def test_a_malformed_body_is_a_400_naming_the_field(cast, in_review):
    response = return_(cast.owner, in_review, {"questions": [{"comment": "no key"}], "comment": 5})

    assert response.status_code == 400
    assert set(response.json()) >= {"questions"}


def test_it_lists_the_decisions_newest_first(cast, in_review, django_assert_max_num_queries):
    key = a_key(cast)
    return_(cast.owner, in_review, {"questions": [{"question": key, "comment": "Which tool?"}]})
    assessment = Assessment.objects.get(pk=in_review.pk)
    assessment_submit(assessment=assessment, user=cast.member)
    accept(cast.assessor, assessment)

    with django_assert_max_num_queries(6):
        response = api_as(cast.viewer).get(f"/api/assessments/{in_review.pk}/reviews/")

    assert [(r["decision"], r["reviewer"]) for r in response.json()] == [
        ("accepted", "assessor"),
        ("returned", "owner"),
    ]
    assert response.json()[1]["questions"] == [{"question": key, "comment": "Which tool?"}]
    assert_documented(response.json(), ReviewOutputSerializer(many=True))


def test_the_assessment_says_where_it_stands(cast, in_review):
    accept(cast.owner, in_review)

    body = api_as(cast.member).get(f"/api/assessments/{in_review.pk}/").json()

    assert (body["status"], body["review_required"], body["reviewed_by"]) == ("submitted", True, "owner")
    assert body["reviewed_at"]


def test_the_report_is_provisional_in_review_and_then_reviewed(cast, in_review):
    report_compute(assessment_id=in_review.pk)
    url = f"/api/assessments/{in_review.pk}/report/"

    provisional = api_as(cast.member).get(url)
    accept(cast.owner, in_review)
    accepted = api_as(cast.member).get(url)

    assert provisional.json()["review"] == {
        "required": True,
        "status": "in_review",
        "provisional": True,
        "reviewed_by": None,
        "reviewed_at": None,
    }
    assert accepted.json()["review"]["reviewed_by"] == "owner"
    assert accepted.json()["status"] == "ready"
    assert_documented(provisional.json(), ReportOutputSerializer())
    assert_documented(accepted.json(), ReportOutputSerializer())


def test_a_report_of_an_assessment_without_review_says_so(cast, in_review):
    Assessment.objects.filter(pk=in_review.pk).update(review_required=False, status="submitted")

    body = api_as(cast.member).get(f"/api/assessments/{in_review.pk}/report/").json()

    assert (body["status"], body["review"]["status"], body["review"]["provisional"]) == (
        "pending",
        "not_required",
        False,
    )


def test_a_returned_assessment_has_no_report(cast, in_review):
    return_(cast.owner, in_review, {"comment": "Redo."})

    assert api_as(cast.member).get(f"/api/assessments/{in_review.pk}/report/").status_code == 404
    assert not Report.objects.exists()


def test_an_assessor_may_require_review_when_starting(cast):
    cast.assessment.delete()

    response = api_as(cast.assessor).post(
        "/api/assessments/", {"team": cast.team.pk, "review_required": True}, format="json"
    )

    assert (response.status_code, response.json()["review_required"]) == (201, True)


def test_a_member_may_not_require_review(cast):
    cast.assessment.delete()

    response = api_as(cast.member).post(
        "/api/assessments/", {"team": cast.team.pk, "review_required": True}, format="json"
    )

    assert response.status_code == 403
    assert not Assessment.objects.exists()


def test_a_team_with_an_assessment_in_review_cannot_start_another(cast, in_review):
    response = api_as(cast.owner).post("/api/assessments/", {"team": cast.team.pk}, format="json")

    assert (response.status_code, response.json()["draft"]) == (409, in_review.pk)
    assert "in review" in response.json()["detail"]


def test_an_owner_requires_review_for_the_organisation(cast):
    url = f"/api/organizations/{cast.organization.pk}/"

    response = api_as(cast.owner).patch(url, {"review_required": True}, format="json")

    assert (response.status_code, response.json()["review_required"]) == (200, True)
    cast.organization.refresh_from_db()
    assert cast.organization.review_required


def test_only_an_owner_sets_it(cast):
    response = api_as(cast.assessor).patch(
        f"/api/organizations/{cast.organization.pk}/", {"review_required": True}, format="json"
    )

    assert response.status_code == 403
    cast.organization.refresh_from_db()
    assert not cast.organization.review_required


def test_answers_of_an_assessment_in_review_are_a_409(cast, in_review):
    response = api_as(cast.member).patch(
        f"/api/assessments/{in_review.pk}/answers/", [{"question": a_key(cast), "value": 0}], format="json"
    )

    assert response.status_code == 409
    assert "in review" in response.json()["detail"]
