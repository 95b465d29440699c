"""HTML and script typed into any free-text field come back escaped in every page that shows it, and text
that a spreadsheet would run as a formula is neutralised in the CSV exports."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.models import Organization, Team
from assessments.services.answers import AnswerInput, answers_save
from reports.services import report_compute
from tests.conftest import complete_answers
from tests.factories import MembershipFactory, UserFactory
from tests.reports.conftest import submit_answers
from tests.spreadsheets import TRICKY, assert_safe_for_spreadsheets

pytestmark = pytest.mark.django_db

ATTACK = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>"
RAW = ("<script>alert(1)", "<img src=x")
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


def hostile_answers(framework, comment: str) -> list[AnswerInput]:
    return [AnswerInput(item.question, 1, comment) for item in complete_answers(framework)]


@pytest.fixture
def hostile(cast):
    """The organisation, the team and every comment are the attack; two submitted assessments with their
    reports, and the draft answered too."""
    Organization.objects.filter(pk=cast.organization.pk).update(name=f"Acme {ATTACK}")
    Team.objects.filter(pk=cast.team.pk).update(name=f"Search {ATTACK}")
    submitted = [submit_answers(cast, hostile_answers(cast.framework, ATTACK)) for _ in range(2)]
    for assessment in submitted:
        report_compute(assessment_id=assessment.pk)
    answers_save(assessment=cast.assessment, user=cast.owner, items=hostile_answers(cast.framework, ATTACK))
    return submitted


PAGES = [
    "/",
    "/organizations/{organization}/",
    "/organizations/{organization}/dashboard/",
    "/teams/{team}/",
    "/teams/{team}/dashboard/",
    "/teams/{team}/compare/?a={a}&b={b}",
    "/assessments/{draft}/areas/data/",
    "/assessments/{draft}/summary/",
    "/assessments/{b}/report/",
    "/assessments/{b}/report.html",
    "/portfolio/",
]


@pytest.mark.parametrize("page", PAGES)
def test_it_escapes_names_and_comments_in_every_page(client, cast, hostile, page):
    client.force_login(cast.assessor)
    a, b = hostile
    url = page.format(organization=cast.organization.pk, team=cast.team.pk, draft=cast.assessment.pk, a=a.pk, b=b.pk)

    html = client.get(url).content.decode()

    assert [raw for raw in RAW if raw in html] == []
    assert ESCAPED in html


def test_it_escapes_the_comments_of_the_next_steps_in_the_report(client, cast, hostile):
    client.force_login(cast.owner)

    html = client.get(f"/assessments/{hostile[1].pk}/report/").content.decode()

    assert f"Your comment: {escape(ATTACK)}" in html


def test_it_escapes_a_new_organisation_name_in_the_message_and_page(client, cast):
    client.force_login(cast.owner)

    html = client.post("/organizations/new/", {"name": ATTACK}, follow=True).content.decode()

    assert [raw for raw in RAW if raw in html] == []
    assert html.count(ESCAPED) >= 2  # the "Created" message and the heading


def test_it_escapes_a_new_team_name_in_the_message_and_page(client, cast):
    client.force_login(cast.owner)

    html = client.post(f"/organizations/{cast.organization.pk}/teams/", {"name": ATTACK}, follow=True).content.decode()

    assert [raw for raw in RAW if raw in html] == []
    assert html.count(ESCAPED) >= 2


def test_it_escapes_an_unknown_username_given_to_add_a_member(client, cast):
    client.force_login(cast.owner)

    html = client.post(f"/organizations/{cast.organization.pk}/members/", {"user": ATTACK, "role": "member"}).content
    html = html.decode()

    assert "No account has this username." in html
    assert [raw for raw in RAW if raw in html] == []


def test_it_answers_an_unknown_username_over_the_api_in_json(client, cast):
    client.force_login(cast.owner)

    response = client.post(
        f"/api/organizations/{cast.organization.pk}/members/",
        {"username": ATTACK, "role": "member"},
        "application/json",
    )

    assert (response.status_code, response["Content-Type"]) == (400, "application/json")


def test_it_escapes_a_comment_that_was_refused(client, cast):
    client.force_login(cast.owner)
    key = cast.framework.questions.first().key

    html = client.post(f"/assessments/{cast.assessment.pk}/answers/{key}/", {"value": "9", "comment": ATTACK}).content
    html = html.decode()

    assert [raw for raw in RAW if raw in html] == []
    assert ESCAPED in html


def test_it_refuses_html_in_a_username_at_sign_up(client):
    data = {
        "username": "<script>",
        "email": "x@example.com",
        "password1": "correct-horse-battery",
        "password2": "correct-horse-battery",
        "organization_name": "Initech",
    }

    client.post("/signup/", data)

    assert not get_user_model().objects.exists()


def rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@pytest.fixture
def formulas(cast):
    """An assessment whose comments start with every formula prefix, answered by a user named like a
    formula, of a team and an organisation named like formulas."""
    Organization.objects.filter(pk=cast.organization.pk).update(name="+cmd|' /C calc'!A0")
    Team.objects.filter(pk=cast.team.pk).update(name="=1+2")
    items = [
        AnswerInput(item.question, 2, FORMULAS[index % len(FORMULAS)])
        for index, item in enumerate(complete_answers(cast.framework))
    ]
    assessment = submit_answers(cast, items)
    report_compute(assessment_id=assessment.pk)
    risky = UserFactory(username="-risky")
    MembershipFactory(user=risky, organization=cast.organization, role="member")
    answers_save(assessment=cast.assessment, user=risky, items=items[:1])
    return assessment


def test_it_neutralises_formulas_in_the_comments_of_the_export(client, cast, formulas):
    client.force_login(cast.viewer)

    comments = {row["comment"] for row in rows(client.get(f"/api/assessments/{formulas.pk}/export.csv"))}

    # A tab or a carriage return is a separator too: what follows it is a part of its own, quoted as well.
    assert comments == {"'" + formula.replace("\t=", "\t'=").replace("\r=", "\r'=") for formula in FORMULAS}


def test_it_neutralises_a_username_like_a_formula_in_the_export(client, cast, formulas):
    client.force_login(cast.viewer)

    row = rows(client.get(f"/api/assessments/{cast.assessment.pk}/export.csv"))[0]

    assert row["answered_by"] == "'-risky"


def test_it_neutralises_team_and_organisation_names_in_the_history(client, cast, formulas):
    client.force_login(cast.viewer)

    row = rows(client.get(f"/api/teams/{cast.team.pk}/history.csv"))[0]

    assert (row["team"], row["organization"]) == ("'=1+2", "'+cmd|' /C calc'!A0")


# Formulas after a separator that a spreadsheet set to another one than ours splits a cell at.
SPLIT_FORMULAS = ["x;=cmd|' /C calc'!A0", "a,+1+1", "ok|@SUM(A1:A2)", "one\n-2+3", "tab\t=1", "b; =1"]


@pytest.fixture
def split_formulas(cast):
    """As `formulas`, with every formula after a separator, in the comments, the names and the username."""
    Organization.objects.filter(pk=cast.organization.pk).update(name="Acme;=cmd|' /C calc'!A0")
    Team.objects.filter(pk=cast.team.pk).update(name="Search,@SUM(1)")
    items = [
        AnswerInput(item.question, 2, SPLIT_FORMULAS[index % len(SPLIT_FORMULAS)])
        for index, item in enumerate(complete_answers(cast.framework))
    ]
    assessment = submit_answers(cast, items)
    report_compute(assessment_id=assessment.pk)
    risky = UserFactory(username="ok;-risky")
    MembershipFactory(user=risky, organization=cast.organization, role="member")
    answers_save(assessment=cast.assessment, user=risky, items=items)
    return assessment


def every_csv_export(cast, submitted) -> list[str]:
    return [
        f"/api/assessments/{submitted.pk}/export.csv",
        f"/api/assessments/{cast.assessment.pk}/export.csv",
        f"/api/teams/{cast.team.pk}/history.csv",
        f"/api/assessments/{cast.assessment.pk}/activity.csv",
        f"/api/organizations/{cast.organization.pk}/activity.csv",
        f"/assessments/{cast.assessment.pk}/activity.csv",
        f"/organizations/{cast.organization.pk}/activity.csv",
    ]


def test_every_export_quotes_every_field_and_neutralises_formulas_after_a_separator(client, cast, split_formulas):
    client.force_login(cast.owner)

    for url in every_csv_export(cast, split_formulas):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_safe_for_spreadsheets(response.content.decode())


def test_it_prefixes_the_formula_after_the_separator_in_the_export(client, cast, split_formulas):
    client.force_login(cast.viewer)

    comments = {row["comment"] for row in rows(client.get(f"/api/assessments/{split_formulas.pk}/export.csv"))}

    assert "x;'=cmd|' /C calc'!A0" in comments


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(comment=st.text(alphabet=TRICKY, max_size=16), team_name=st.text(alphabet=TRICKY, min_size=1, max_size=16))
def test_no_export_holds_a_formula_whatever_is_written(client, cast, comment, team_name):
    Team.objects.filter(pk=cast.team.pk).update(name=team_name)
    key = cast.framework.questions.order_by("pk").values_list("key", flat=True).first()
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(key, 1, comment)])
    client.force_login(cast.owner)

    for url in every_csv_export(cast, cast.assessment):
        assert_safe_for_spreadsheets(client.get(url).content.decode())


def test_it_keeps_html_in_the_export_as_the_text_it_is_and_never_lets_a_browser_render_it(client, cast, hostile):
    client.force_login(cast.viewer)

    response = client.get(f"/api/assessments/{hostile[0].pk}/export.csv")

    assert {row["comment"] for row in rows(response)} == {ATTACK}
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_downloads_the_standalone_report_of_a_team_named_like_a_header(client, cast, hostile):
    Team.objects.filter(pk=cast.team.pk).update(name='Search\r\nSet-Cookie: stolen=1; "数据"')
    client.force_login(cast.owner)

    response = client.get(f"/assessments/{hostile[0].pk}/report.html?download=1")

    assert response.status_code == 200
    filename = 'attachment; filename="maturity-report-search-set-cookie-stolen1-'  # a slug: no header can hide
    assert response["Content-Disposition"].startswith(filename)
    assert "stolen" not in response.cookies
