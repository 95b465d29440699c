"""Home lists the surveys waiting for the user's answers: which, where, who asks, by when and how far they are,
the nearest deadline first, each a link to their answers; nothing once they submitted or the survey closed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assessments.models import Assessment, Membership
from assessments.services.answers import AnswerInput
from assessments.services.surveys import respondent_add, respondent_answers_save, respondent_submit
from tests.factories import AssessmentFactory, TeamFactory, UserFactory
from tests.reports.views.helpers import page_text

pytestmark = pytest.mark.django_db


def survey(cast, team_name: str, *, deadline_in: int | None = None) -> Assessment:
    deadline = None if deadline_in is None else timezone.localdate() + timedelta(days=deadline_in)
    return AssessmentFactory(
        team=TeamFactory(organization=cast.organization, name=team_name),
        framework=cast.framework,
        created_by=cast.assessor,
        mode=Assessment.Mode.SURVEY,
        deadline=deadline,
    )


def ask(cast, assessment: Assessment, user) -> None:
    respondent_add(assessment=assessment, added_by=cast.assessor, username=user.username)


def waiting(client) -> list[str]:
    return [entry.title for entry in client.get("/").context["surveys_waiting"]]


def test_it_lists_what_asks_for_the_users_answers_the_nearest_deadline_first(client, cast):
    for name, deadline_in in (("Later", 9), ("None", None), ("Soon", 1)):
        ask(cast, survey(cast, name, deadline_in=deadline_in), cast.member)
    client.force_login(cast.member)

    assert waiting(client) == ["Self-assessment 1 of Soon", "Self-assessment 1 of Later", "Self-assessment 1 of None"]


def test_each_entry_says_who_asks_by_when_and_how_far_they_are_and_leads_to_their_answers(client, cast):
    asking = survey(cast, "Fraud", deadline_in=3)
    ask(cast, asking, cast.member)
    respondent = asking.respondents.get()
    key = cast.framework.questions.order_by("position").values_list("key", flat=True).first()
    respondent_answers_save(respondent=respondent, items=[AnswerInput(question=key, value=2)])
    client.force_login(cast.member)

    response = client.get("/")
    text = page_text(response)

    deadline = timezone.localdate() + timedelta(days=3)
    assert "Surveys waiting for your answers" in text
    assert f'<a href="/assessments/{asking.pk}/my-answers/">Self-assessment 1 of Fraud</a>' in text
    assert f"by {deadline:%a} {deadline.day} {deadline:%b} (in 3 days)" in text
    total = cast.framework.questions.count()
    assert f"Acme, asked by assessor: 1 of {total} questions answered" in text


def test_the_survey_is_not_listed_again_among_the_drafts(client, cast):
    asking = survey(cast, "Fraud")
    ask(cast, asking, cast.member)
    client.force_login(cast.member)

    drafts = [draft.pk for draft in client.get("/").context["drafts"]]

    assert asking.pk not in drafts
    assert cast.assessment.pk in drafts


def test_a_passed_deadline_says_so(client, cast):
    late = survey(cast, "Fraud")
    Assessment.objects.filter(pk=late.pk).update(deadline=timezone.localdate() - timedelta(days=2))
    ask(cast, late, cast.member)
    client.force_login(cast.member)

    assert "Deadline passed: by" in page_text(client.get("/"))


def test_it_leaves_out_what_the_user_submitted_what_closed_and_what_asks_others(client, cast):
    submitted, closed, archived, other = (survey(cast, name) for name in ("Done", "Closed", "Old", "Other"))
    for assessment in (submitted, closed, archived):
        ask(cast, assessment, cast.member)
    ask(cast, other, cast.viewer)
    respondent = submitted.respondents.get()
    key = cast.framework.questions.order_by("position").values_list("key", flat=True).first()
    respondent_answers_save(respondent=respondent, items=[AnswerInput(question=key, value=2)])
    respondent_submit(respondent=respondent)
    Assessment.objects.filter(pk=closed.pk).update(
        status="submitted", submitted_at=timezone.now(), submitted_by=cast.assessor
    )
    archived.team.archived_at = timezone.now()
    archived.team.save()
    client.force_login(cast.member)

    assert waiting(client) == []


def test_it_leaves_out_the_surveys_of_an_organisation_the_user_left(client, cast):
    ask(cast, survey(cast, "Fraud"), cast.member)
    Membership.objects.filter(user=cast.member, organization=cast.organization).delete()
    client.force_login(cast.member)

    assert waiting(client) == []


def test_an_outsider_sees_none_of_it(client, cast):
    ask(cast, survey(cast, "Fraud"), cast.member)
    newcomer = UserFactory(username="newcomer")
    client.force_login(newcomer)

    assert waiting(client) == []
