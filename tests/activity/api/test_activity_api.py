"""GET /api/assessments/{id}/activity/ and /api/organizations/{id}/activity/ (owners), and their CSV."""

import csv
import io
from datetime import timedelta

import pytest
from auditlog.context import set_actor
from django.utils import timezone

from assessments.services.answers import AnswerInput, answers_save
from assessments.services.organizations import membership_set
from tests.activity.conftest import token_client
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def key(cast):
    return cast.framework.questions.order_by("position").values_list("key", flat=True).first()


@pytest.fixture
def statement(cast, key):
    return cast.framework.questions.get(key=key).statement


@pytest.fixture
def changed(cast, key):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput(key, 1)])
    token_client(cast.assessor).patch(
        f"/api/assessments/{cast.assessment.pk}/answers/", [{"question": key, "value": 3}], format="json"
    )
    token_client(cast.owner).post(
        f"/api/organizations/{cast.organization.pk}/members/", {"username": "viewer", "role": "member"}, format="json"
    )


def test_it_lists_the_assessments_changes_newest_first(cast, key, statement, changed):
    body = token_client(cast.viewer).get(f"/api/assessments/{cast.assessment.pk}/activity/").json()

    newest = body["results"][0]
    assert body["count"] == 3  # started, answered, changed
    assert newest["text"] == f"assessor changed “{statement}”: started -> fully in place"
    assert {name: newest[name] for name in ("actor", "kind", "object", "question", "action", "assessment")} == {
        "actor": "assessor",
        "kind": "answer",
        "object": statement,
        "question": key,
        "action": "changed",
        "assessment": cast.assessment.pk,
    }
    assert newest["changes"] == [{"field": "value", "before": 1, "after": 3}]
    assert body["results"][-1]["text"] == "Someone started the assessment"


def test_the_owner_lists_the_organisations_changes(cast, changed):
    body = token_client(cast.owner).get(f"/api/organizations/{cast.organization.pk}/activity/?kind=membership").json()

    assert body["results"][0]["text"] == "owner made viewer a member (was viewer)"
    assert body["results"][0]["changes"] == [{"field": "role", "before": "viewer", "after": "member"}]


def test_it_filters_by_actor_kind_and_dates(cast, statement, changed):
    client = token_client(cast.owner)
    path = f"/api/organizations/{cast.organization.pk}/activity/"
    today = timezone.localdate()

    def texts(query: str) -> list[str]:
        return [entry["text"] for entry in client.get(path + query).json()["results"]]

    assert texts("?actor=assessor") == [f"assessor changed “{statement}”: started -> fully in place"]
    assert texts("?actor=nobody") == []
    assert {entry for entry in texts("?kind=answer") if "answered" not in entry and "changed" not in entry} == set()
    assert texts(f"?until={today - timedelta(days=1)}") == []
    assert len(texts(f"?since={today}&until={today}")) == len(texts(""))


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?kind=everything", "kind"),
        ("?since=yesterday", "since"),
        ("?until=2026-13-01", "until"),
        ("?actor=" + "x" * 151, "actor"),
        ("?actor=a%00b", "actor"),
    ],
)
def test_a_bad_filter_is_a_400_naming_it(cast, query, field):
    response = token_client(cast.owner).get(f"/api/assessments/{cast.assessment.pk}/activity/{query}")

    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_until_before_since_is_an_empty_interval_not_an_error(cast, changed):
    """The schema cannot say that `until` follows `since`; a request it calls valid gets the true answer."""
    response = token_client(cast.owner).get(
        f"/api/assessments/{cast.assessment.pk}/activity/?since=2026-12-02&until=2026-12-01"
    )

    assert (response.status_code, response.json()["count"]) == (200, 0)


def test_it_paginates(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    client = token_client(cast.member)

    first = client.get(f"/api/assessments/{cast.assessment.pk}/activity/").json()
    second = client.get(first["next"]).json()

    assert len(first["results"]) == 50
    assert first["results"][-1]["id"] > second["results"][0]["id"]
    assert client.get(f"/api/assessments/{cast.assessment.pk}/activity/?page=99").status_code == 404


def test_the_csv_has_every_filtered_change_in_words(cast, statement, changed):
    response = token_client(cast.owner).get(f"/api/organizations/{cast.organization.pk}/activity.csv?kind=answer")

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    title = cast.assessment.title
    assert response["Content-Disposition"].endswith('activity.csv"')
    assert rows[0][:7] == ["timestamp", "actor", "assessment", "kind", "object", "action", "description"]
    assert [row[1:] for row in rows[1:]] == [
        [
            "assessor",
            title,
            "answer",
            statement,
            "changed",
            f"assessor changed “{statement}”: started -> fully in place",
            "answer",
            "started",
            "fully in place",
        ],
        [
            "member",
            title,
            "answer",
            statement,
            "created",
            f"member answered “{statement}”: started",
            "answer",
            "",
            "started",
        ],
    ]


def test_a_bad_filter_of_the_csv_is_a_400(cast):
    response = token_client(cast.owner).get(f"/api/assessments/{cast.assessment.pk}/activity.csv?kind=x")

    assert (response.status_code, list(response.json())) == (400, ["kind"])


@pytest.mark.parametrize("role", ["assessor", "member", "viewer"])
def test_only_owners_read_the_organisations_log(cast, role):
    client = token_client(cast.users[role])

    for path in ("activity/", "activity.csv"):
        response = client.get(f"/api/organizations/{cast.organization.pk}/{path}")
        assert response.status_code == 403
        assert response.json()["detail"] == "Only owners read the organisation's activity log."


def test_another_organisations_activity_is_not_found(cast, changed):
    client = token_client(cast.outsider)

    for path in (
        f"/api/assessments/{cast.assessment.pk}/activity/",
        f"/api/assessments/{cast.assessment.pk}/activity.csv",
        f"/api/organizations/{cast.organization.pk}/activity/",
        f"/api/organizations/{cast.organization.pk}/activity.csv",
    ):
        assert token_client(cast.outsider).get(path).status_code == 404
    assert client.get("/api/organizations/").json()["count"] == 1


@pytest.mark.parametrize("path", ["/api/assessments/{a}/activity/", "/api/organizations/{o}/activity/"])
def test_a_page_is_a_fixed_number_of_queries(cast, key, changed, path, django_assert_max_num_queries):
    """One entry of each kind of name (a question, a member, an assessment) to start with; then many more."""
    path = path.format(a=cast.assessment.pk, o=cast.organization.pk)
    client = token_client(cast.owner)
    with django_assert_max_num_queries(10) as few:
        client.get(path)

    for value in (1, 2, 3):
        answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework, value))
    for role in ("viewer", "member", "viewer"):
        with set_actor(cast.owner):
            membership_set(organization=cast.organization, user=cast.viewer, role=role)

    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(client.get(path).json()["results"]) == 50


def test_the_first_and_last_days_there_are_filter_nothing(cast, changed):
    response = token_client(cast.owner).get(
        f"/api/assessments/{cast.assessment.pk}/activity/?since=0001-01-01&until=9999-12-31"
    )

    assert (response.status_code, response.json()["count"]) == (200, 3)


def test_empty_filters_filter_nothing(cast, changed):
    response = token_client(cast.owner).get(
        f"/api/assessments/{cast.assessment.pk}/activity/?actor=&kind=&since=&until="
    )

    assert (response.status_code, response.json()["count"]) == (200, 3)
