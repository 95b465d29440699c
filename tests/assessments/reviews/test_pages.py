"""The pages of review and sign-off: the reviewer's page, the organisation's switch, the start form's
checkbox, the banners and the reviewer's comments beside the questions."""

import pytest

from assessments.models import Assessment, Review
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_submit
from assessments.services.reviews import assessment_accept, assessment_return
from reports.services import report_compute
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db

AREA_PAGE_QUERIES = 9  # as tests/assessments/views/test_query_counts.py, a returned assessment included
SIGNOFF_PAGE_QUERIES = 10


def signoff_url(assessment) -> str:
    return f"/assessments/{assessment.pk}/signoff/"


def first_question(cast):
    return cast.framework.questions.select_related("area").order_by("position").first()


def test_the_reviewer_sees_the_submission_and_both_forms(client, cast, in_review, django_assert_max_num_queries):
    client.force_login(cast.assessor)

    with django_assert_max_num_queries(SIGNOFF_PAGE_QUERIES):
        response = client.get(signoff_url(in_review))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Submitted by <strong>member</strong>" in html
    assert "Accept the assessment" in html
    assert f'name="q-{first_question(cast).key}"' in html
    assert "See the provisional report" in html


def test_the_reviewer_accepts(client, cast, in_review):
    client.force_login(cast.assessor)

    response = client.post(signoff_url(in_review), {"decision": "accept", "comment": "Good."})

    assert response.status_code == 302
    assessment = Assessment.objects.get(pk=in_review.pk)
    assert (assessment.status, assessment.reviewed_by) == ("submitted", cast.assessor)
    page = client.get(response.url).content.decode()
    assert "Reviewed by <strong>assessor</strong>" in page


def test_the_reviewer_returns_with_comments_only_on_the_filled_questions(client, cast, in_review):
    question = first_question(cast)
    client.force_login(cast.owner)

    client.post(
        signoff_url(in_review),
        {"decision": "return", "comment": "", f"q-{question.key}": "Which tool?", "q-data.versioning": "  "},
    )

    review = Review.objects.get()
    assert [(c.question.key, c.comment) for c in review.comments.all()] == [(question.key, "Which tool?")]
    assert Assessment.objects.get(pk=in_review.pk).status == "draft"


@pytest.mark.parametrize(
    ("form", "message"),
    [
        pytest.param({"decision": "return", "comment": " "}, "Say what needs work", id="a return without any comment"),
        pytest.param(
            {"decision": "return", "comment": "Why?", "q-data.versioning": "x" * 5001},
            "Nothing was saved: data.versioning: At most 5000 characters (got 5001).",
            id="a comment too long for the form",
        ),
        pytest.param(
            {"decision": "maybe", "comment": "Hm."}, "Choose to accept or to return the assessment.", id="no decision"
        ),
    ],
)
def test_a_refused_decision_says_why_and_nothing_changes(client, cast, in_review, form, message):
    client.force_login(cast.owner)

    response = client.post(signoff_url(in_review), form)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Assessment.objects.get(pk=in_review.pk).status == "in_review"


def test_the_submitter_is_refused_with_a_clear_message(client, cast):
    Assessment.objects.filter(pk=cast.assessment.pk).update(review_required=True)
    cast.assessment.refresh_from_db()
    answers_save(assessment=cast.assessment, user=cast.owner, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.owner)
    client.force_login(cast.owner)

    page = client.get(signoff_url(cast.assessment)).content.decode()
    response = client.post(signoff_url(cast.assessment), {"decision": "accept"})

    assert "You submitted this assessment, so you cannot review it" in page
    assert "Accept the assessment" not in page
    assert response.status_code == 403
    assert "You submitted this assessment" in response.content.decode()
    assert Assessment.objects.get(pk=cast.assessment.pk).status == "in_review"


def test_a_member_may_not_open_it(client, cast, in_review):
    client.force_login(cast.member)

    assert client.get(signoff_url(in_review)).status_code == 403


def test_deciding_twice_says_it_is_no_longer_in_review(client, cast, in_review):
    assessment_accept(assessment=in_review, reviewer=cast.owner)
    client.force_login(cast.assessor)

    response = client.post(signoff_url(in_review), {"decision": "return", "comment": "Late."})

    assert response.status_code == 409
    assert "no longer in review" in response.content.decode()


def test_the_comments_show_beside_the_questions_of_the_returned_draft(
    client, cast, in_review, django_assert_max_num_queries
):
    question = first_question(cast)
    assessment_return(
        assessment=in_review,
        reviewer=cast.owner,
        comment="See the data area.",
        question_comments={question.key: "Which tool?"},
    )
    client.force_login(cast.member)

    with django_assert_max_num_queries(AREA_PAGE_QUERIES):
        html = client.get(f"/assessments/{in_review.pk}/areas/{question.area.key}/").content.decode()

    card = html[html.index(f'id="q-{question.key}"') :]
    assert "Comment from the reviewer:</strong> Which tool?" in card[: card.index("</article>")]
    assert "Returned by owner" in html
    assert f'href="/assessments/{in_review.pk}/areas/{question.area.key}/#q-{question.key}"' in html
    assert "See the data area." in client.get(f"/assessments/{in_review.pk}/summary/").content.decode()
    assert "See the data area." in client.get(f"/assessments/{in_review.pk}/review/").content.decode()


def test_the_comments_are_gone_once_resubmitted(client, cast, in_review):
    question = first_question(cast)
    assessment_return(assessment=in_review, reviewer=cast.owner, question_comments={question.key: "Which tool?"})
    assessment_submit(assessment=Assessment.objects.get(pk=in_review.pk), user=cast.member)
    client.force_login(cast.member)

    html = client.get(f"/assessments/{in_review.pk}/areas/{question.area.key}/").content.decode()

    assert "Which tool?" not in html
    assert "in review" in html


def test_the_report_of_an_assessment_in_review_is_provisional(client, cast, in_review):
    report_compute(assessment_id=in_review.pk)
    client.force_login(cast.viewer)

    html = client.get(f"/assessments/{in_review.pk}/report/").content.decode()
    standalone = client.get(f"/assessments/{in_review.pk}/report.html").content.decode()

    assert "Provisional result:" in html
    assert "Provisional result:" in standalone


def test_the_report_of_an_accepted_assessment_shows_the_reviewer(client, cast, in_review):
    report_compute(assessment_id=in_review.pk)
    assessment_accept(assessment=in_review, reviewer=cast.assessor)
    client.force_login(cast.viewer)

    html = client.get(f"/assessments/{in_review.pk}/report/").content.decode()
    standalone = client.get(f"/assessments/{in_review.pk}/report.html").content.decode()

    assert "Reviewed by <strong>assessor</strong>" in html
    assert "Reviewed by <strong>assessor</strong>" in standalone
    assert "Provisional" not in html


def test_home_and_the_organisation_page_list_what_waits_for_your_review(client, cast, in_review):
    client.force_login(cast.assessor)

    home = client.get("/").content.decode()
    organization = client.get(f"/organizations/{cast.organization.pk}/").content.decode()

    for html in (home, organization):
        assert "Waiting for your review" in html
        assert f'href="/assessments/{in_review.pk}/signoff/"' in html


def test_the_submitter_is_not_asked_to_review_their_own(client, cast, in_review):
    client.force_login(cast.member)

    assert "Waiting for your review" not in client.get("/").content.decode()


def test_an_owner_requires_review_for_the_organisation(client, cast):
    client.force_login(cast.owner)

    response = client.post(f"/organizations/{cast.organization.pk}/review-setting/", {"review_required": "on"})

    cast.organization.refresh_from_db()
    assert response.status_code == 302
    assert cast.organization.review_required
    assert 'id="review-required" name="review_required" aria-describedby="review-required-help" checked' in (
        client.get(response.url).content.decode()
    )


def test_an_assessor_may_not_switch_it(client, cast):
    client.force_login(cast.assessor)

    response = client.post(f"/organizations/{cast.organization.pk}/review-setting/", {"review_required": "on"})

    cast.organization.refresh_from_db()
    assert response.status_code == 403
    assert not cast.organization.review_required


def test_an_assessor_requires_review_when_starting_an_audit(client, cast):
    cast.assessment.delete()
    client.force_login(cast.assessor)

    page = client.get(f"/teams/{cast.team.pk}/").content.decode()
    client.post(f"/teams/{cast.team.pk}/assessments/", {"start": "blank", "review_required": "on"})

    assert "Require review" in page
    assert Assessment.objects.get().review_required


def test_a_member_is_not_offered_the_checkbox_and_cannot_post_it(client, cast):
    cast.assessment.delete()
    client.force_login(cast.member)

    page = client.get(f"/teams/{cast.team.pk}/").content.decode()
    response = client.post(f"/teams/{cast.team.pk}/assessments/", {"start": "blank", "review_required": "on"})

    assert "Require review" not in page
    assert response.status_code == 403
    assert "Only owners and assessors require review of one assessment." in response.content.decode()
    assert not Assessment.objects.exists()


def test_the_team_page_says_another_waits_for_the_review(client, cast, in_review):
    client.force_login(cast.owner)

    html = client.get(f"/teams/{cast.team.pk}/").content.decode()
    response = client.post(f"/teams/{cast.team.pk}/assessments/", {"start": "blank"})

    assert "Self-assessment 1 is in review" in html
    assert Assessment.objects.count() == 1
    assert response.url == f"/assessments/{in_review.pk}/"


def test_answers_of_an_assessment_in_review_are_refused(client, cast, in_review):
    question = first_question(cast)
    client.force_login(cast.member)

    response = client.post(f"/assessments/{in_review.pk}/answers/{question.key}/", {"value": "0"})

    assert response.status_code == 409
    assert in_review.answers.get(question=question).value == 2
