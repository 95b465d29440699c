"""The assessment's activity page (every member) and the organisation's log (owners), with their filters,
pages and CSV."""

import csv
import io
from datetime import timedelta

import pytest
from auditlog.context import set_actor
from django.utils import timezone
from django.utils.html import escape

from activity.models import ActivityEntry
from assessments.models import Respondent, RespondentAnswer
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.organizations import membership_set
from tests.conftest import complete_answers
from tests.factories import AssessmentFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def keys(cast):
    return list(cast.framework.questions.order_by("position").values_list("key", flat=True)[:3])


@pytest.fixture
def statements(cast, keys):
    """The questions as the activity names them, quoted."""
    return [f"“{cast.framework.questions.get(key=key).statement}”" for key in keys]


@pytest.fixture
def changed(cast, keys):
    """The member answers two questions; the assessor changes one of them; the owner makes the viewer a member."""
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(keys[0], 1), AnswerInput(keys[1], 2)])
    answers_save(assessment=cast.assessment, user=cast.assessor, items=[AnswerInput(keys[0], 3)])
    with set_actor(cast.owner):
        membership_set(organization=cast.organization, user=cast.viewer, role="member")


def page_text(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_every_member_reads_the_assessments_activity(client, cast, statements, changed):
    client.force_login(cast.viewer)

    text = page_text(client, f"/assessments/{cast.assessment.pk}/activity/")

    assert escape(f"assessor changed {statements[0]}: started -> fully in place") in text
    assert escape(f"member answered {statements[1]}: mostly in place") in text
    assert "made viewer a member" not in text  # the organisation's, not the assessment's


def test_it_filters_by_who_what_and_when(client, cast, keys, changed):
    client.force_login(cast.owner)
    path = f"/assessments/{cast.assessment.pk}/activity/"
    today = timezone.localdate()

    by_assessor = page_text(client, f"{path}?actor=assessor")
    assessment_only = page_text(client, f"{path}?kind=assessment")
    yesterday = page_text(client, f"{path}?until={today - timedelta(days=1)}")
    today_on = page_text(client, f"{path}?since={today}&until={today}")

    assert "assessor changed" in by_assessor
    assert "member answered" not in by_assessor
    assert "started the assessment" in assessment_only
    assert "answered" not in assessment_only
    assert "No change matches the filter." in yesterday
    assert "member answered" in today_on


def test_a_bad_filter_says_which_field_and_filters_nothing_by_it(client, cast, changed):
    client.force_login(cast.owner)
    today = timezone.localdate()

    text = page_text(
        client, f"/assessments/{cast.assessment.pk}/activity/?since={today}&until={today - timedelta(days=1)}&kind=x"
    )

    assert "Must be on or after the From date." in text
    assert "Select a valid choice" in text
    assert "member answered" in text


def test_it_pages_newest_first(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework, value=1))
    client.force_login(cast.member)
    path = f"/assessments/{cast.assessment.pk}/activity/"

    first, second = page_text(client, path), page_text(client, f"{path}?page=2")

    total = ActivityEntry.objects.filter(assessment_id=cast.assessment.pk).count()
    assert f"{total} changes" in first
    assert "Older →" in first
    assert "started the assessment" not in first
    assert "← Newer" in second


def test_the_csv_has_the_filtered_changes_in_words(client, cast, statements, changed):
    client.force_login(cast.member)

    response = client.get(f"/assessments/{cast.assessment.pk}/activity.csv?actor=assessor")

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "timestamp",
        "actor",
        "assessment",
        "kind",
        "object",
        "action",
        "description",
        "field",
        "before",
        "after",
    ]
    assert [row[1:] for row in rows[1:]] == [
        [
            "assessor",
            cast.assessment.title,
            "answer",
            statements[0].strip("“”"),
            "changed",
            f"assessor changed {statements[0]}: started -> fully in place",
            "answer",
            "started",
            "fully in place",
        ]
    ]


def test_the_csv_neutralises_formulas(client, cast, keys):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(keys[0], 1, "=HYPERLINK(1)")])
    client.force_login(cast.member)

    text = client.get(f"/assessments/{cast.assessment.pk}/activity.csv?kind=answer").content.decode()

    assert "'=HYPERLINK(1)" in text


def test_the_owner_reads_the_organisations_log(client, cast, statements, changed):
    client.force_login(cast.owner)

    text = page_text(client, f"/organizations/{cast.organization.pk}/activity/")

    assert "owner made viewer a member (was viewer)" in text
    assert escape(f"assessor changed {statements[0]}") in text
    assert escape(cast.assessment.title) in text
    assert f'href="/assessments/{cast.assessment.pk}/activity/"' in text


@pytest.mark.parametrize("role", ["assessor", "member", "viewer"])
def test_no_one_else_reads_the_organisations_log(client, cast, changed, role):
    client.force_login(cast.users[role])

    for path in ("activity/", "activity.csv"):
        assert client.get(f"/organizations/{cast.organization.pk}/{path}").status_code == 403


def test_another_organisations_activity_is_not_found(client, cast, changed):
    client.force_login(cast.outsider)

    for path in (
        f"/assessments/{cast.assessment.pk}/activity/",
        f"/assessments/{cast.assessment.pk}/activity.csv",
        f"/organizations/{cast.organization.pk}/activity/",
        f"/organizations/{cast.organization.pk}/activity.csv",
    ):
        assert client.get(path).status_code == 404


def test_the_organisations_log_shows_none_of_another_organisation(client, cast):
    outsiders = cast.outsider.memberships.get().organization
    other = AssessmentFactory(
        team=TeamFactory(organization=outsiders), framework=cast.framework, created_by=cast.outsider
    )
    answers_save(assessment=other, user=cast.outsider, items=complete_answers(cast.framework))
    client.force_login(cast.owner)

    text = page_text(client, f"/organizations/{cast.organization.pk}/activity/?actor=outsider")

    assert "Select a valid choice" in text  # not one of this organisation's members
    assert "outsider" not in page_text(client, f"/organizations/{cast.organization.pk}/activity/").split("<main")[1]


def test_the_pages_link_to_the_activity(client, cast):
    client.force_login(cast.owner)

    summary = page_text(client, f"/assessments/{cast.assessment.pk}/summary/")
    organization = page_text(client, f"/organizations/{cast.organization.pk}/")
    team = page_text(client, f"/teams/{cast.team.pk}/")

    assert f'href="/assessments/{cast.assessment.pk}/activity/"' in summary
    assert f'href="/assessments/{cast.assessment.pk}/activity/"' in team
    assert f'href="/organizations/{cast.organization.pk}/activity/"' in organization


def test_only_owners_see_the_link_to_the_organisations_log(client, cast):
    client.force_login(cast.assessor)

    assert "/activity/" not in page_text(client, f"/organizations/{cast.organization.pk}/")


@pytest.mark.parametrize("path", ["/assessments/{a}/activity/", "/organizations/{o}/activity/"])
def test_a_page_is_a_fixed_number_of_queries(client, cast, path, django_assert_max_num_queries):
    path = path.format(a=cast.assessment.pk, o=cast.organization.pk)
    client.force_login(cast.owner)
    keys = list(cast.framework.questions.values_list("key", flat=True))
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(keys[0], 1)])
    with django_assert_max_num_queries(12) as few:
        client.get(path)

    for value in (1, 2, 3):
        answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework, value))
    for user in (cast.viewer, cast.assessor):
        with set_actor(user):
            membership_set(organization=cast.organization, user=cast.viewer, role="member")

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(path)


def test_a_respondents_own_values_are_not_shown(client, cast, keys, statements):
    respondent = Respondent.objects.create(assessment=cast.assessment, user=cast.member, added_by=cast.owner)
    with set_actor(cast.member):
        RespondentAnswer.objects.create(
            respondent=respondent,
            question_id=cast.framework.questions.get(key=keys[0]).pk,
            value=3,
            comment="secret reasons",
            updated_at=timezone.now(),
        )
    client.force_login(cast.viewer)

    text = page_text(client, f"/assessments/{cast.assessment.pk}/activity/?kind=respondent")
    csv_text = client.get(f"/assessments/{cast.assessment.pk}/activity.csv?kind=respondent").content.decode()

    assert escape(f"member answered {statements[0]} in the survey") in text
    assert "secret reasons" not in text
    assert "secret reasons" not in csv_text
