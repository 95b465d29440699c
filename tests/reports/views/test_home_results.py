"""The owner's home: the teams' latest results, the reports ready lately and the targets not met, below the
organisations and drafts (reports/views/home.py composes the page)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assessments.models import Role
from assessments.services.answers import AnswerInput
from assessments.services.organizations import membership_set, team_create
from assessments.services.surveys import respondent_add, respondent_answers_save
from assessments.services.targets import target_set
from maturity.selectors import framework_for_new_assessment
from reports.models import Report
from tests.factories import AssessmentFactory, OrganizationFactory
from tests.reports.helpers import submit_and_compute
from tests.reports.views.helpers import page_text

pytestmark = pytest.mark.django_db


def test_it_shows_each_teams_latest_level_score_and_movement(client, cast):
    submit_and_compute(cast, 1)
    submit_and_compute(cast, 2)
    client.force_login(cast.owner)

    response = client.get("/")

    row = response.context["results"]["rows"][0]
    # Answered 1, then 2 everywhere: S = 4/3, then 8/3 in each area; levels 2, then 3 (thresholds 4/3, 7/3);
    # scores 4/3 + 2/3 = 2, then 8/3 + 2/3 = 10/3 (3.33).
    assert (row.team, row.level, row.score, row.movement) == ("Search", 3, 3.33, "improved")
    assert f"Up {row.change.value:.2f} since the previous assessment" in page_text(response)


def test_it_lists_reports_ready_in_the_last_two_weeks_only(client, cast):
    old = submit_and_compute(cast, 1)
    Report.objects.filter(assessment=old).update(generated_at=timezone.now() - timedelta(days=15))
    recent = submit_and_compute(cast, 2)
    client.force_login(cast.owner)

    results = client.get("/").context["results"]

    assert [report.assessment_id for report in results["recent"]] == [recent.pk]


def test_it_lists_the_targets_the_latest_report_does_not_meet(client, cast):
    target_set(team=cast.team, framework=cast.framework, area_key="data", level=4, user=cast.owner)
    assessment = submit_and_compute(cast, 1)
    client.force_login(cast.owner)

    unmet = client.get("/").context["results"]["unmet"]

    assert [(target.assessment_id, target.target) for target in unmet] == [(assessment.pk, 4)]
    assert unmet[0].gap == 4 - unmet[0].level


def test_it_leaves_organisations_where_the_user_is_assessor_to_the_portfolio(client, cast):
    client.force_login(cast.assessor)

    assert client.get("/").context["results"] is None


def test_it_shows_an_outsider_nothing_of_another_organisation(client, cast):
    submit_and_compute(cast, 2)
    client.force_login(cast.outsider)

    text = page_text(client.get("/"))

    assert "Search" not in text


def survey_asking(user, team, added_by):
    """A survey of the team that asks for the user's answers, with one of them given."""
    survey = AssessmentFactory(team=team, framework=framework_for_new_assessment(), created_by=added_by, mode="survey")
    respondent = respondent_add(assessment=survey, added_by=added_by, username=user.get_username())
    key = survey.framework.questions.order_by("position").values_list("key", flat=True).first()
    respondent_answers_save(respondent=respondent, items=[AnswerInput(question=key, value=2)])
    return survey


def test_the_query_count_does_not_grow_with_teams(client, cast, django_assert_num_queries):
    submit_and_compute(cast, 2)
    survey_asking(cast.owner, team_create(organization=cast.organization, name="Survey 0"), cast.assessor)
    client.force_login(cast.owner)
    # with the surveys waiting for the owner's answers, their archived organisations and the reviews waiting
    with django_assert_num_queries(14) as small:
        assert len(client.get("/").context["surveys_waiting"]) == 1

    organization = OrganizationFactory(name="Globex")
    membership_set(organization=organization, user=cast.owner, role=Role.OWNER)
    for number in range(5):
        team = team_create(organization=organization, name=f"Team {number}")
        submit_and_compute(cast, 1, team=team)
        survey_asking(cast.owner, team, cast.owner)
    with django_assert_num_queries(len(small.captured_queries)):
        assert len(client.get("/").context["surveys_waiting"]) == 6


def test_archived_teams_leave_the_home_and_reports_are_named_by_their_number(client, cast):
    submit_and_compute(cast, 2)
    archived = team_create(organization=cast.organization, name="Legacy")
    submit_and_compute(cast, 1, team=archived)
    archived.archived_at = timezone.now()
    archived.save(update_fields=["archived_at"])
    client.force_login(cast.owner)

    response = client.get("/")

    results = response.context["results"]
    assert [row.team for row in results["rows"]] == ["Search"]
    assert [report.title for report in results["recent"]] == ["Self-assessment 2 of Search"]
    assert "Legacy" not in page_text(response)
