"""Every kind of change is recorded with who, when, before and after, placed in its organisation and
assessment; through pages (session) and the API (token) alike."""

import datetime as dt
import uuid

import pytest
from auditlog.context import set_actor
from django.utils import timezone

from activity.models import ActivityEntry
from assessments.models import Evidence, Respondent, RespondentAnswer, Review, ReviewComment
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_discard
from assessments.services.organizations import membership_set
from tests.activity.conftest import entries_of, last_of, token_client
from tests.conftest import complete_answers
from tests.factories import verified

pytestmark = pytest.mark.django_db
CREATE, UPDATE, DELETE = 0, 1, 2


@pytest.fixture
def question(cast):
    return cast.framework.questions.filter(area__key="data").order_by("position").first()


def test_it_records_an_answer_saved_on_a_page_with_the_session_user(client, cast, question):
    client.force_login(cast.member)
    url = f"/assessments/{cast.assessment.pk}/answers/{question.key}/"

    client.post(url, {"value": "1", "comment": ""})
    client.post(url, {"value": "3", "comment": "CI runs it"})

    created, changed = entries_of("answer")
    assert (created.action, created.actor, created.changes["value"]) == (CREATE, cast.member, [None, 1])
    assert (changed.action, changed.actor) == (UPDATE, cast.member)
    assert changed.changes == {"value": [1, 3], "comment": ["", "CI runs it"]}
    assert (changed.organization_id, changed.assessment_id) == (cast.organization.pk, cast.assessment.pk)
    assert changed.additional_data == {"question_id": question.pk}


def test_it_records_an_answer_saved_through_the_api_with_the_tokens_user(cast, question):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(question.key, 1)])

    response = token_client(cast.assessor).patch(
        f"/api/assessments/{cast.assessment.pk}/answers/",
        [{"question": question.key, "value": "na", "comment": "No"}],
        format="json",
    )

    assert response.status_code == 200
    entry = last_of("answer")
    assert (entry.actor, entry.action) == (cast.assessor, UPDATE)
    assert entry.changes == {"value": [1, None], "not_applicable": [False, True], "comment": ["", "No"]}


def test_auditlogs_own_middleware_would_lose_the_tokens_user(settings, cast):
    """Why activity.middleware exists: auditlog's reads the user before DRF authenticates the token."""
    settings.MIDDLEWARE = [
        "auditlog.middleware.AuditlogMiddleware" if name == "activity.middleware.ActivityMiddleware" else name
        for name in settings.MIDDLEWARE
    ]

    token_client(cast.assessor).post(f"/api/teams/{cast.team.pk}/targets/", {"area": "data", "level": 3}, format="json")

    assert last_of("targetlevel").actor is None


def test_it_records_nothing_for_an_answer_saved_again_unchanged(cast, question):
    for _ in range(2):
        answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(question.key, 2)])

    assert len(entries_of("answer")) == 1


def test_it_records_nothing_of_a_refused_save(cast, question):
    with pytest.raises(Exception, match="invalid"):
        answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(question.key, "na")])

    assert entries_of("answer") == []


def test_it_records_the_scope_set_through_the_api(scoped_framework, cast):
    cast.assessment.framework = scoped_framework
    cast.assessment.save()

    token_client(cast.owner).patch(f"/api/assessments/{cast.assessment.pk}/scope/", {"regulated": True}, format="json")

    entry = last_of("assessment")
    assert (entry.actor, entry.changes) == (cast.owner, {"scope": [{}, {"regulated": True}]})


def test_it_records_the_systems_covered_changed_on_the_page(client, cast):
    client.force_login(cast.member)

    client.post(f"/assessments/{cast.assessment.pk}/systems/", {"systems_covered": "Fraud scoring"})

    entry = last_of("assessment")
    assert (entry.actor, entry.changes) == (cast.member, {"systems_covered": ["", "Fraud scoring"]})
    assert entry.assessment_id == cast.assessment.pk


def test_it_records_a_submission_on_the_page(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    client.force_login(cast.member)

    client.post(f"/assessments/{cast.assessment.pk}/submit/", {"confirm": "on"})

    entry = last_of("assessment")
    assert (entry.actor, entry.changes["status"]) == (cast.member, ["draft", "submitted"])
    assert entry.changes["submitted_by"] == [None, cast.member.pk]
    assert entry.assessment_id == cast.assessment.pk


def test_it_records_the_settings_of_an_assessment(cast):
    with set_actor(cast.assessor):
        cast.assessment.mode, cast.assessment.evidence_required = "survey", True
        cast.assessment.save()

    entry = last_of("assessment")
    assert entry.actor == cast.assessor
    assert entry.changes == {"mode": ["workshop", "survey"], "evidence_required": [False, True]}


def test_it_records_a_target_set_through_the_api(cast):
    token_client(cast.member).post(f"/api/teams/{cast.team.pk}/targets/", {"area": "data", "level": 3}, format="json")

    entry = last_of("targetlevel")
    assert (entry.actor, entry.action, entry.changes["level"]) == (cast.member, CREATE, [None, 3])
    assert (entry.organization_id, entry.assessment_id) == (cast.organization.pk, None)


def test_it_records_memberships_and_roles(cast):
    client = token_client(cast.owner)

    with set_actor(cast.owner):  # joining is accepting an invitation; then the owner changes the role
        membership_set(organization=cast.organization, user=cast.outsider, role="member")
    client.post(
        f"/api/organizations/{cast.organization.pk}/members/",
        {"username": "outsider", "role": "assessor"},
        format="json",
    )

    created, changed = entries_of("membership", organization=cast.organization, actor=cast.owner)
    assert created.changes == {"user": [None, cast.outsider.pk], "role": [None, "member"]}
    assert changed.changes == {"role": ["member", "assessor"]}
    assert changed.additional_data == {"user_id": cast.outsider.pk}


def test_it_records_the_organisations_settings(cast):
    token_client(cast.owner).patch(
        f"/api/organizations/{cast.organization.pk}/", {"name": "Acme Ltd", "archived": True}, format="json"
    )
    with set_actor(cast.owner):
        cast.organization.refresh_from_db()
        cast.organization.review_required = True
        cast.organization.save()

    renamed, review = entries_of("organization", action=UPDATE)
    assert (renamed.actor, renamed.changes["name"]) == (cast.owner, ["Acme", "Acme Ltd"])
    assert renamed.changes["archived_at"][0] is None
    assert review.changes == {"review_required": [False, True]}


def test_it_records_evidence_and_its_removal(cast, question):
    with set_actor(cast.member):
        evidence = Evidence.objects.create(
            assessment=cast.assessment,
            question=question,
            uuid=uuid.uuid4(),
            url="https://ci.example.com",
            added_by=cast.member,
        )
        evidence.valid_until = dt.date(2027, 1, 1)
        evidence.save()
        evidence.delete()

    created, changed, deleted = entries_of("evidence")
    assert created.changes["url"] == [None, "https://ci.example.com"]
    assert changed.changes == {"valid_until": [None, "2027-01-01"]}
    assert deleted.action == DELETE
    assert {entry.assessment_id for entry in (created, changed, deleted)} == {cast.assessment.pk}
    assert {entry.additional_data["question_id"] for entry in (created, changed, deleted)} == {question.pk}


def test_it_records_respondents_and_their_answers(cast, question):
    with set_actor(cast.owner):
        respondent = Respondent.objects.create(assessment=cast.assessment, user=cast.member, added_by=cast.owner)
    with set_actor(cast.member):
        RespondentAnswer.objects.create(respondent=respondent, question=question, value=2, updated_at=timezone.now())
        respondent.submitted_at = timezone.now()
        respondent.save()

    asked = last_of("respondent")
    answered = last_of("respondentanswer")
    assert (entries_of("respondent")[0].actor, asked.actor) == (cast.owner, cast.member)
    assert answered.changes["value"] == [None, 2]
    assert (answered.organization_id, answered.assessment_id) == (cast.organization.pk, cast.assessment.pk)


def test_it_records_reviews_and_their_comments(cast, question):
    with set_actor(cast.assessor):
        review = Review.objects.create(assessment=cast.assessment, reviewer=cast.assessor, decision="returned")
        ReviewComment.objects.create(review=review, question=question, comment="Show the pipeline")

    assert last_of("review").changes["decision"] == [None, "returned"]
    comment = last_of("reviewcomment")
    assert (comment.actor, comment.assessment_id, comment.changes["comment"]) == (
        cast.assessor,
        cast.assessment.pk,
        [None, "Show the pipeline"],
    )


def test_a_discarded_draft_is_one_entry_and_keeps_its_trail(cast, question):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    answer_entries = len(entries_of("answer"))
    assessment_id = cast.assessment.pk

    with set_actor(cast.owner):
        assessment_discard(assessment=cast.assessment)

    assert len(entries_of("answer")) == answer_entries  # no entry per deleted answer
    discarded = last_of("assessment")
    assert (discarded.action, discarded.actor, discarded.assessment_id) == (DELETE, cast.owner, assessment_id)
    assert ActivityEntry.objects.filter(assessment_id=assessment_id).count() == answer_entries + 2


def test_it_records_no_actor_for_changes_made_outside_a_request(cast, question):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(question.key, 1)])
    cast.assessment.evidence_required = True
    cast.assessment.save()

    assert last_of("assessment").actor is None


def test_it_records_a_membership_from_an_accepted_invitation(client, cast):
    from accounts.models import Invitation  # noqa: PLC0415 - the accounts app's, only for this test
    from accounts.tokens import invitation_token  # noqa: PLC0415

    cast.outsider.email = "out@example.com"
    cast.outsider.save()
    verified(cast.outsider)
    invitation = Invitation.objects.create(
        organization=cast.organization, email="out@example.com", role="assessor", invited_by=cast.owner
    )
    client.force_login(cast.outsider)

    client.post(f"/invitations/{invitation_token(invitation.pk)}/")

    entry = entries_of("membership", organization=cast.organization)[-1]
    assert (entry.action, entry.actor, entry.changes["role"]) == (CREATE, cast.outsider, [None, "assessor"])


def test_an_answer_deleted_on_its_own_is_recorded(cast, question):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(question.key, 1)])

    with set_actor(cast.owner):
        cast.assessment.answers.get().delete()

    entry = last_of("answer")
    assert (entry.action, entry.actor, entry.assessment_id) == (DELETE, cast.owner, cast.assessment.pk)
