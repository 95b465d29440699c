"""The respondents page of the facilitator: a picker of the organisation's members, "add the whole team", the
deadline, a confirmation before removing someone; and a facilitator who answers too is led to their answers first."""

from datetime import timedelta

import pytest
from django.utils import dateformat, timezone

from assessments.models import Respondent, Role
from assessments.services.surveys import respondent_add
from tests.assessments.surveys.conftest import first_keys, member, responded
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def url(survey) -> str:
    return f"/assessments/{survey.pk}/respondents/"


def in_days(count: int):
    return timezone.localdate() + timedelta(days=count)


def respondents(survey) -> list[str]:
    return sorted(survey.respondents.values_list("user__username", flat=True), key=str)


def test_the_picker_offers_the_members_who_are_not_respondents_yet(client, cast, survey):
    respondent_add(assessment=survey, added_by=cast.owner, username="viewer")
    client.force_login(cast.owner)

    response = client.get(url(survey))

    offered = [member.user.username for member, _, _ in response.context["candidates"]]
    assert offered == ["assessor", "member", "owner"]
    assert "owner (you)" in response.content.decode()


def test_it_adds_the_members_ticked_and_the_address_typed_with_the_deadline(client, cast, survey, smtp):
    client.force_login(cast.owner)
    deadline = in_days(4)

    page = client.post(
        url(survey),
        {"members": ["member", "viewer"], "respondent": "grace@example.com", "deadline": deadline.isoformat()},
        follow=True,
    ).content.decode()

    assert "Added 3 respondents: member, viewer and grace@example.com." in page
    assert f"Each is asked by mail to answer by {dateformat.format(deadline, 'l j F')}." in page
    assert "Addresses not in Acme yet are invited to join it first." in page
    assert f"Answers are asked by {dateformat.format(deadline, 'l j F Y')}." in page
    assert respondents(survey) == [None, "member", "viewer"]


def test_the_whole_team_button_names_whom_it_adds_and_adds_them(client, cast, survey):
    client.force_login(cast.assessor)

    shown = client.get(url(survey))
    added = client.post(url(survey), {"whole_team": "1", "deadline": ""}, follow=True).content.decode()

    assert shown.context["whole_team"] == ["member", "owner", "viewer"]
    assert "Add the whole team (3)" in shown.content.decode()
    assert "Added 3 respondents: member, owner and viewer." in added
    assert respondents(survey) == ["member", "owner", "viewer"]


def test_a_refused_person_adds_nobody_and_says_why(client, cast, survey):
    client.force_login(cast.owner)

    response = client.post(url(survey), {"members": ["member"], "respondent": "nobody", "deadline": in_days(3)})

    assert response.status_code == 400
    assert "nobody is not a member of this organisation." in response.content.decode()
    survey.refresh_from_db()
    assert (respondents(survey), survey.deadline) == ([], None)


def test_a_past_deadline_is_refused_beside_its_field(client, cast, survey):
    client.force_login(cast.owner)

    response = client.post(url(survey), {"members": ["member"], "deadline": in_days(-1).isoformat()})

    assert response.status_code == 400
    assert response.context["form"].errors == {"deadline": ["The deadline cannot be in the past."]}
    assert respondents(survey) == []


def test_the_form_saves_a_new_deadline_alone(client, cast, survey):
    client.force_login(cast.owner)

    saved = client.post(url(survey), {"deadline": in_days(9).isoformat()}, follow=True).content.decode()
    nothing = client.post(url(survey), {"deadline": in_days(9).isoformat()})

    assert (
        f"Saved the deadline: respondents are asked to answer by {dateformat.format(in_days(9), 'l j F Y')}." in saved
    )
    assert nothing.status_code == 400
    assert "Tick members, or enter a username or an email address." in nothing.content.decode()
    survey.refresh_from_db()
    assert survey.deadline == in_days(9)


def test_removing_someone_asks_first(client, cast, survey):
    respondent = respondent_add(assessment=survey, added_by=cast.owner, username="member")
    client.force_login(cast.owner)
    remove = f"{url(survey)}{respondent.pk}/remove/"

    listed = client.get(url(survey)).content.decode()
    confirmation = client.get(remove)

    assert f'href="{remove}"' in listed
    assert confirmation.status_code == 200
    assert "Remove member from the survey?" in confirmation.content.decode()
    assert Respondent.objects.filter(pk=respondent.pk).exists()
    assert client.post(remove).status_code == 302
    assert not Respondent.objects.filter(pk=respondent.pk).exists()


@pytest.mark.parametrize("role", ["member", "viewer"])
def test_others_see_who_answers_and_the_deadline_but_no_picker(client, cast, survey, role):
    survey.deadline = in_days(2)
    survey.save()
    client.force_login(cast.users[role])

    page = client.get(url(survey)).content.decode()

    assert "Add respondents" not in page
    assert 'name="members"' not in page
    assert f"Answers are asked by {dateformat.format(in_days(2), 'l j F Y')}." in page


def test_a_facilitator_who_answers_too_lands_on_their_answers_first(client, cast, survey):
    client.force_login(cast.owner)

    added = client.post(url(survey), {"members": ["owner"]}, follow=True).content.decode()
    opened = client.get(f"/assessments/{survey.pk}/")

    assert "You are a respondent too: give your own answers first" in added
    assert "Give your own answers first" in added
    assert f'href="/assessments/{survey.pk}/consensus/"' not in added
    assert (opened.status_code, opened.url) == (302, f"/assessments/{survey.pk}/my-answers/")


def test_once_they_submitted_the_facilitator_reads_the_consensus_again(client, cast, survey):
    responded(cast, survey, cast.owner, {first_keys(cast.framework, 1)[0]: 2})
    client.force_login(cast.owner)

    page = client.get(url(survey)).content.decode()

    assert f'href="/assessments/{survey.pk}/consensus/"' in page
    assert "Your submitted answers" in page


@pytest.mark.parametrize("extra", [0, 12])
def test_the_page_does_not_grow_with_members_and_respondents(
    client, cast, survey, django_assert_max_num_queries, extra
):
    for number in range(extra):
        user = member(cast, f"person{number}", role=Role.MEMBER if number % 2 else Role.VIEWER)
        if number % 3 == 0:
            respondent_add(assessment=survey, added_by=cast.owner, username=user.username)
    UserFactory(username="stranger")
    client.force_login(cast.owner)

    # session, user, the assessment with the role, the respondents, the candidates, the menu's portfolio check
    with django_assert_max_num_queries(6):
        client.get(url(survey))
