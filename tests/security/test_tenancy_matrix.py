"""Every URL of the URLconf, for each role of the organisation (design section 4) and an outsider: the
outsider gets 404 for everything inside the organisation, files included; every other role gets the exact
status its role earns, each URL given the state in which an allowed request succeeds (a survey's URLs a
survey, a review's an assessment in review, a report's a submitted assessment), so that a success shows.

A URL that is neither in ENDPOINTS nor in EXEMPT fails test_it_covers_every_url: a new endpoint must be
added to one of them.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from assessments.models import Assessment
from assessments.selectors.answers import provisional
from assessments.selectors.surveys import respondent_answer_rows
from tests.security.conftest import World

pytestmark = pytest.mark.django_db

ROLES = ("owner", "assessor", "member", "viewer")
OWNER = frozenset({"owner"})  # manage members and teams
ANSWERING = frozenset({"owner", "assessor", "member"})  # start, answer and submit assessments, set targets
FACILITATING = frozenset({"owner", "assessor"})  # discard, review, survey mode: respondents and the consensus
RESPONDENT = frozenset({"viewer"})  # survey mode: the survey's respondent, on their own answers (others: 403)
METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Write:
    """A request that `allowed` roles make with `status`, and every other role of the organisation is
    refused with 403."""

    allowed: frozenset[str]
    status: int
    data: Callable[[World], object] = lambda world: {}


@dataclass(frozen=True)
class Endpoint:
    route: str
    read: int | None = 200  # the status of a GET for every role; None: its GET is in `writes` (or 405)
    writes: dict[str, Write] = field(default_factory=dict)
    state: str = "draft"  # what assessment_id (and team_id) name: one of the states of url()
    query: str = ""  # formatted with organization, team, a, b
    collection: bool = False  # a list filtered by `query`: an outsider reads it, and finds it empty

    @property
    def reads(self) -> bool:
        return self.read is not None

    @property
    def api(self) -> bool:
        return self.route.startswith("api/")

    def __str__(self) -> str:
        return self.route + self.query


def required_blank(survey: Assessment) -> int:
    """How many required questions its one respondent leaves blank: the count they confirm to submit."""
    respondent = survey.respondents.get()
    rows = respondent_answer_rows(assessment=survey, respondent=respondent)
    return len(provisional(assessment=survey, rows=rows).required)


ENDPOINTS = [
    # --- Pages ---
    Endpoint("organizations/<int:organization_id>/"),
    Endpoint(
        "organizations/<int:organization_id>/members/",
        read=None,
        writes={"post": Write(OWNER, 302, lambda w: {"user": "viewer", "role": "member"})},
    ),
    Endpoint(
        "organizations/<int:organization_id>/teams/",
        read=None,
        writes={"post": Write(OWNER, 302, lambda w: {"name": "Ranking"})},
    ),
    Endpoint(
        "organizations/<int:organization_id>/rename/",
        read=None,
        writes={"post": Write(OWNER, 302, lambda w: {"rename-name": "Acme Ltd"})},
    ),
    # GET: the confirmation page, which only an owner may see through
    Endpoint(
        "organizations/<int:organization_id>/archive/",
        read=None,
        writes={"get": Write(OWNER, 200), "post": Write(OWNER, 302)},
    ),
    Endpoint("organizations/<int:organization_id>/restore/", read=None, writes={"post": Write(OWNER, 302)}),
    Endpoint("organizations/<int:organization_id>/dashboard/"),
    # owners only: invitations show the addresses of others
    Endpoint(
        "organizations/<int:organization_id>/invitations/",
        read=None,
        writes={
            "get": Write(OWNER, 200),
            "post": Write(OWNER, 302, lambda w: {"email": "new@example.com", "role": "member"}),
        },
    ),
    Endpoint("teams/<int:team_id>/"),
    Endpoint(
        "teams/<int:team_id>/rename/",
        read=None,
        writes={"post": Write(OWNER, 302, lambda w: {"rename-name": "Ranking"})},
    ),
    Endpoint("teams/<int:team_id>/archive/", read=None, writes={"get": Write(OWNER, 200), "post": Write(OWNER, 302)}),
    Endpoint("teams/<int:team_id>/restore/", read=None, writes={"post": Write(OWNER, 302)}),
    # team_id: a team with no draft, where one can be started
    Endpoint(
        "teams/<int:team_id>/assessments/",
        read=None,
        state="free_team",
        writes={"post": Write(ANSWERING, 302, lambda w: {"start": "blank"})},
    ),
    Endpoint(
        "teams/<int:team_id>/targets/",
        read=None,
        writes={"post": Write(ANSWERING, 302, lambda w: {"data": "3"})},
    ),
    Endpoint("teams/<int:team_id>/dashboard/"),
    Endpoint("teams/<int:team_id>/compare/", query="?a={a}&b={b}"),
    Endpoint("assessments/<int:assessment_id>/", read=302),  # to its first area
    Endpoint("assessments/<int:assessment_id>/areas/<slug:area_key>/"),
    Endpoint(
        "assessments/<int:assessment_id>/answers/<str:question_key>/",
        read=None,
        writes={"post": Write(ANSWERING, 302, lambda w: {"value": "2", "comment": "yes"})},
    ),
    Endpoint("assessments/<int:assessment_id>/summary/"),
    Endpoint(
        "assessments/<int:assessment_id>/scope/",
        read=None,
        state="scoped",
        writes={"post": Write(ANSWERING, 302, lambda w: {"regulated": "yes"})},
    ),
    Endpoint(
        "assessments/<int:assessment_id>/systems/",
        read=None,
        writes={"post": Write(ANSWERING, 302, lambda w: {"systems_covered": "Fraud scoring"})},
    ),
    Endpoint("assessments/<int:assessment_id>/review/"),
    Endpoint(
        "assessments/<int:assessment_id>/submit/",
        read=None,
        writes={"post": Write(ANSWERING, 302, lambda w: {"confirm": "on"})},
    ),
    # GET: the confirmation page, for the roles that may discard (owners and assessors, not members)
    Endpoint(
        "assessments/<int:assessment_id>/discard/",
        read=None,
        writes={"get": Write(FACILITATING, 200), "post": Write(FACILITATING, 302)},
    ),
    # GET: the reviewer's page; the assessment in review was submitted by the member, who may not review it
    Endpoint(
        "assessments/<int:assessment_id>/signoff/",
        read=None,
        state="in_review",
        writes={"get": Write(FACILITATING, 200), "post": Write(FACILITATING, 302, lambda w: {"decision": "accept"})},
    ),
    Endpoint(
        "organizations/<int:organization_id>/review-setting/",
        read=None,
        writes={"post": Write(OWNER, 302, lambda w: {"review_required": "on"})},
    ),
    Endpoint("assessments/<int:assessment_id>/report/", state="submitted"),
    Endpoint("assessments/<int:assessment_id>/report/status/", state="submitted"),
    Endpoint(
        "assessments/<int:assessment_id>/report/retry/",
        read=None,
        state="submitted",
        writes={"post": Write(ANSWERING, 302)},
    ),
    Endpoint("assessments/<int:assessment_id>/report.html", state="submitted"),
    Endpoint(
        "assessments/<int:assessment_id>/respondents/",
        state="survey",
        writes={"post": Write(FACILITATING, 302, lambda w: {"respondent": "member"})},
    ),
    # GET: the confirmation before removing someone, for those who run the survey
    Endpoint(
        "assessments/<int:assessment_id>/respondents/<int:respondent_id>/remove/",
        read=None,
        state="survey",
        writes={"get": Write(FACILITATING, 200), "post": Write(FACILITATING, 302)},
    ),
    # a respondent's own answers: only theirs (the viewer is the survey's respondent), 403 for other members
    Endpoint(
        "assessments/<int:assessment_id>/my-answers/",
        read=None,
        state="survey",
        writes={"get": Write(RESPONDENT, 302)},  # to the first area
    ),
    Endpoint(
        "assessments/<int:assessment_id>/my-answers/<slug:area_key>/",
        read=None,
        state="survey",
        writes={"get": Write(RESPONDENT, 200)},
    ),
    Endpoint(
        "assessments/<int:assessment_id>/my-answers/answers/<str:question_key>/",
        read=None,
        state="survey",
        writes={"post": Write(RESPONDENT, 302, lambda w: {"value": "2"})},
    ),
    Endpoint(
        "assessments/<int:assessment_id>/my-answers/submit/",
        read=None,
        state="survey",
        writes={"post": Write(RESPONDENT, 302, lambda w: {"leave_blank": str(required_blank(w.survey))})},
    ),
    # GET: the facilitator's, and a respondent's once submitted (the survey's has not)
    Endpoint(
        "assessments/<int:assessment_id>/consensus/",
        read=None,
        state="survey",
        writes={
            "get": Write(FACILITATING, 200),
            "post": Write(FACILITATING, 302, lambda w: {"question": w.question_key, "value": "2"}),
        },
    ),
    Endpoint(
        "assessments/<int:assessment_id>/consensus/medians/",
        read=None,
        state="survey",
        writes={"post": Write(FACILITATING, 302)},
    ),
    Endpoint("assessments/<int:assessment_id>/activity/"),
    Endpoint("assessments/<int:assessment_id>/activity.csv"),
    # GET: the organisation's activity log, which only owners read
    Endpoint("organizations/<int:organization_id>/activity/", read=None, writes={"get": Write(OWNER, 200)}),
    Endpoint("organizations/<int:organization_id>/activity.csv", read=None, writes={"get": Write(OWNER, 200)}),
    Endpoint(
        "assessments/<int:assessment_id>/evidence/<str:question_key>/",
        read=None,
        writes={"post": Write(ANSWERING, 302, lambda w: {"url": "https://ci.example.com/runs/1"})},
    ),
    Endpoint(
        "assessments/<int:assessment_id>/evidence-required/",
        read=None,
        writes={"post": Write(FACILITATING, 302, lambda w: {"evidence_required": "on"})},
    ),
    # the owner's file: a member removes only what they added
    Endpoint("evidence/<int:evidence_id>/remove/", read=None, writes={"post": Write(FACILITATING, 302)}),
    Endpoint("evidence/<int:evidence_id>/download/"),  # a file: an outsider gets 404, never the bytes
    Endpoint("dashboards/progress/", query="?team={team}"),
    Endpoint("dashboards/progress/", query="?organization={organization}"),
    # --- API ---
    Endpoint(
        "api/organizations/<int:organization_id>/",
        writes={"patch": Write(OWNER, 200, lambda w: {"name": "Acme Ltd", "archived": True})},
    ),
    Endpoint(
        "api/organizations/<int:organization_id>/members/",
        writes={"post": Write(OWNER, 201, lambda w: {"username": "viewer", "role": "member"})},
    ),
    Endpoint("api/organizations/<int:organization_id>/dashboard/"),
    # owners only: invitations show the addresses of others
    Endpoint(
        "api/organizations/<int:organization_id>/invitations/",
        read=None,
        writes={
            "get": Write(OWNER, 200),
            "post": Write(OWNER, 201, lambda w: {"email": "new@example.com", "role": "member"}),
        },
    ),
    Endpoint(
        "api/teams/",
        query="?organization={organization}",
        collection=True,
        writes={"post": Write(OWNER, 201, lambda w: {"organization": w.cast.organization.pk, "name": "Ranking"})},
    ),
    Endpoint("api/teams/<int:team_id>/", writes={"patch": Write(OWNER, 200, lambda w: {"name": "Ranking"})}),
    Endpoint(
        "api/teams/<int:team_id>/targets/",
        writes={"post": Write(ANSWERING, 201, lambda w: {"area": "data", "level": 3})},
    ),
    Endpoint("api/teams/<int:team_id>/history/"),
    Endpoint("api/teams/<int:team_id>/history.csv"),
    # POST: on a team with no draft, where one can be started
    Endpoint(
        "api/assessments/",
        query="?team={team}",
        collection=True,
        writes={"post": Write(ANSWERING, 201, lambda w: {"team": w.free_team.pk})},
    ),
    Endpoint(
        "api/assessments/<int:assessment_id>/",
        writes={
            "delete": Write(FACILITATING, 204),
            "patch": Write(ANSWERING, 200, lambda w: {"systems_covered": "Fraud scoring"}),
        },
    ),
    Endpoint(
        "api/assessments/<int:assessment_id>/answers/",
        read=None,
        writes={"patch": Write(ANSWERING, 200, lambda w: [{"question": w.question_key, "value": 2}])},
    ),
    Endpoint(
        "api/assessments/<int:assessment_id>/scope/",
        read=None,
        state="scoped",
        writes={"patch": Write(ANSWERING, 200, lambda w: {"regulated": True})},
    ),
    Endpoint("api/assessments/<int:assessment_id>/submit/", read=None, writes={"post": Write(ANSWERING, 202)}),
    Endpoint(
        "api/assessments/<int:assessment_id>/evidence/",
        writes={"post": Write(ANSWERING, 201, lambda w: {"question": w.question_key, "url": "https://x.example"})},
    ),
    Endpoint(
        "api/assessments/<int:assessment_id>/settings/",
        read=None,
        writes={"patch": Write(FACILITATING, 200, lambda w: {"evidence_required": True})},
    ),
    # the owner's file: a member removes only what they added
    Endpoint("api/evidence/<int:evidence_id>/", writes={"delete": Write(FACILITATING, 204)}),
    Endpoint("api/evidence/<int:evidence_id>/download/"),
    Endpoint("api/assessments/<int:assessment_id>/report/", state="submitted"),
    Endpoint(
        "api/assessments/<int:assessment_id>/respondents/",
        state="survey",
        writes={"post": Write(FACILITATING, 201, lambda w: {"username": "member"})},
    ),
    # the whole team: the members who are not respondents yet (the owner and the member for the assessor)
    Endpoint(
        "api/assessments/<int:assessment_id>/respondents/team/",
        read=None,
        state="survey",
        writes={"post": Write(FACILITATING, 201)},
    ),
    Endpoint(
        "api/assessments/<int:assessment_id>/survey/",
        state="survey",
        writes={"patch": Write(FACILITATING, 200, lambda w: {"deadline": "2999-12-31"})},
    ),
    Endpoint(
        "api/assessments/<int:assessment_id>/respondents/<int:respondent_id>/",
        read=None,
        state="survey",
        writes={"delete": Write(FACILITATING, 204)},
    ),
    Endpoint(
        "api/assessments/<int:assessment_id>/my-answers/",
        read=None,
        state="survey",
        writes={
            "get": Write(RESPONDENT, 200),
            "patch": Write(RESPONDENT, 200, lambda w: [{"question": w.question_key, "value": 2}]),
        },
    ),
    Endpoint(
        "api/assessments/<int:assessment_id>/my-answers/submit/",
        read=None,
        state="survey",
        writes={"post": Write(RESPONDENT, 200)},
    ),
    Endpoint(
        "api/assessments/<int:assessment_id>/consensus/",
        read=None,
        state="survey",
        writes={"get": Write(FACILITATING, 200)},
    ),
    Endpoint(
        "api/assessments/<int:assessment_id>/consensus/medians/",
        read=None,
        state="survey",
        writes={"post": Write(FACILITATING, 200)},
    ),
    # submitted by the member, who may not review it (the submitter rule: tests/assessments/reviews/test_api.py)
    Endpoint(
        "api/assessments/<int:assessment_id>/accept/",
        read=None,
        state="in_review",
        writes={"post": Write(FACILITATING, 201)},
    ),
    Endpoint(
        "api/assessments/<int:assessment_id>/return/",
        read=None,
        state="in_review",
        writes={"post": Write(FACILITATING, 201, lambda w: {"comment": "Redo the data area."})},
    ),
    Endpoint("api/assessments/<int:assessment_id>/reviews/", state="in_review"),
    Endpoint("api/assessments/<int:assessment_id>/export.csv"),
    Endpoint("api/assessments/<int:assessment_id>/activity/"),
    Endpoint("api/assessments/<int:assessment_id>/activity.csv"),
    Endpoint("api/organizations/<int:organization_id>/activity/", read=None, writes={"get": Write(OWNER, 200)}),
    Endpoint("api/organizations/<int:organization_id>/activity.csv", read=None, writes={"get": Write(OWNER, 200)}),
]

EXEMPT = {
    "": "home: lists only the user's own organisations (test_it_shows_an_outsider_none_of_it_at_home)",
    "signup/": "creates an account and a new organisation",
    "login/": "anonymous by design",
    "logout/": "ends the user's own session",
    "organizations/new/": "creates a new organisation that the user owns",
    "invitations/<str:token>/": "the signed link is the credential (tests/accounts/test_invitations.py)",
    "account/preferences/": "the user's own preferences",
    "account/tokens/": "the user's own API tokens (tests/accounts/test_api_tokens_page.py)",
    "account/tokens/<int:token_id>/revoke/": "the user's own tokens: another's is a 404 (test_api_tokens_page.py)",
    "account/email/verify/": "sends the user's own address its verification link",
    "account/password/reset/": "anonymous; answers alike for every address (tests/accounts/test_password_reset.py)",
    "account/password/reset/done/": "anonymous by design: a fixed message",
    "^account/password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": "the emailed key is the credential",
    "account/password/reset/key/done/": "anonymous by design: a fixed message",
    "^account/confirm-email/(?P<key>[-:\\w]+)/$": "the emailed key is the credential",
    "portfolio/": "only organisations where the user is an assessor (tests/reports/views/test_tenancy_dashboards.py)",
    "healthz": "the load balancer's probe: no data",
    "api/auth/token/": "exchanges the user's own credentials for a token",
    "api/auth/tokens/": "the user's own API tokens (tests/accounts/api/test_tokens.py)",
    "api/auth/tokens/<int:token_id>/": "the user's own tokens: another's is a 404 (tests/accounts/api/test_tokens.py)",
    "api/schema/": "the OpenAPI document: no data",
    "api/docs/": "Swagger UI: no data",
    "api/": "any other path under /api/: the API's JSON 404, no data",
    "api/frameworks/": "the questionnaire, the same for everyone",
    "api/frameworks/<slug:slug>/": "the questionnaire, the same for everyone",
    "api/organizations/": "lists only the user's own organisations (test_it_lists_an_outsider_none_of_it)",
}
# Pages of no organisation, for anyone, signed in or not (the model holds no customer data; the sample report's
# team is made up): the same status for every role, an outsider and an anonymous visitor.
PUBLIC = {
    "frameworks/": 302,  # to the default framework
    "frameworks/<slug:slug>/": 200,
    "frameworks/<slug:slug>/sources/": 200,
    "sample-report/": 200,
}
EXEMPT_PREFIXES = {
    "admin/": "Django's admin: staff only, with its own login and permissions",
}
USERS = (*ROLES, "outsider")


def routes(patterns=None, prefix: str = "") -> list[str]:
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            found += routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            found.append(prefix + str(pattern.pattern))
    return found


def url(world: World, endpoint: Endpoint) -> str:
    cast = world.cast
    assessment = {
        "draft": lambda: world.draft,
        "free_team": lambda: world.draft,
        "scoped": lambda: world.scoped,
        "survey": lambda: world.survey,
        "in_review": lambda: world.in_review,
        "submitted": lambda: world.latest,
    }[endpoint.state]
    values = {
        "organization_id": lambda: cast.organization.pk,
        "team_id": lambda: (world.free_team if endpoint.state == "free_team" else cast.team).pk,
        "assessment_id": lambda: assessment().pk,
        "question_key": lambda: world.question_key,
        "respondent_id": lambda: world.respondent_id,
        "evidence_id": lambda: world.evidence.pk,
        "area_key": lambda: "data",
        "slug": lambda: "mlops",
    }
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda match: str(values[match.group(1)]()), endpoint.route)
    if "{a}" in endpoint.query:
        query = endpoint.query.format(a=world.earlier.pk, b=world.latest.pk)
    else:
        query = endpoint.query.format(organization=cast.organization.pk, team=cast.team.pk)
    return f"/{path}{query}"


def send(client, world: World, endpoint: Endpoint, method: str):
    if method == "get":
        return client.get(url(world, endpoint))
    data = endpoint.writes[method].data(world) if method in endpoint.writes else {}
    if endpoint.api:
        return getattr(client, method)(url(world, endpoint), data, content_type="application/json")
    return getattr(client, method)(url(world, endpoint), data)


def cases(users=USERS, *, reads: bool = True, writes: bool = True) -> list:
    """(endpoint, method, user) for every GET (reads) and every write (writes) of ENDPOINTS."""
    found = []
    for endpoint in ENDPOINTS:
        methods = (["get"] if reads and endpoint.reads else []) + (list(endpoint.writes) if writes else [])
        for method in methods:
            found += [pytest.param(endpoint, method, user, id=f"{user}-{method}-{endpoint}") for user in users]
    return found


def test_it_covers_every_url():
    covered = {endpoint.route for endpoint in ENDPOINTS} | set(PUBLIC)
    exempt = [route for route in routes() if route in EXEMPT or route.startswith(tuple(EXEMPT_PREFIXES))]

    assert sorted(set(routes()) - covered - set(exempt)) == [], "add these URLs to ENDPOINTS, PUBLIC or EXEMPT"
    assert sorted((covered | set(EXEMPT)) - set(routes())) == [], "these URLs are gone: remove them here"


@pytest.mark.parametrize(("route", "user"), [(route, user) for route in PUBLIC for user in (*USERS, "anonymous")])
def test_it_shows_a_public_page_alike_to_everyone(client, world, route, user):
    if user != "anonymous":
        client.force_login(world.cast.users[user])

    assert client.get(url(world, Endpoint(route))).status_code == PUBLIC[route]


@pytest.mark.parametrize("route", PUBLIC)
def test_a_public_page_only_reads(client, world, route):
    statuses = {method: getattr(client, method)(url(world, Endpoint(route))).status_code for method in METHODS[1:]}

    assert set(statuses.values()) == {405}, statuses


@pytest.mark.parametrize(("endpoint", "method", "user"), cases(["outsider"]))
def test_it_gives_an_outsider_404(client, world, endpoint, method, user):
    client.force_login(world.cast.users[user])

    response = send(client, world, endpoint, method)

    if endpoint.collection and method == "get":
        assert (response.status_code, response.json()["results"]) == (200, [])
    else:
        assert response.status_code == 404


@pytest.mark.parametrize(("endpoint", "method", "user"), cases(ROLES, writes=False))
def test_it_lets_every_role_read(client, world, endpoint, method, user):
    client.force_login(world.cast.users[user])

    assert send(client, world, endpoint, method).status_code == endpoint.read


@pytest.mark.parametrize(("endpoint", "method", "user"), cases(ROLES, reads=False))
def test_it_lets_only_the_right_roles_write(client, world, endpoint, method, user):
    client.force_login(world.cast.users[user])
    write = endpoint.writes[method]

    response = send(client, world, endpoint, method)

    assert response.status_code == (write.status if user in write.allowed else 403)


@pytest.mark.parametrize(("endpoint", "method", "user"), cases(["anonymous"]))
def test_it_sends_anonymous_visitors_to_log_in(client, world, endpoint, method, user):
    response = send(client, world, endpoint, method)

    if endpoint.api:
        assert response.status_code == 401
    else:
        assert response.url.startswith("/login/?next=")


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_it_knows_every_method_of_every_url(client, world, endpoint):
    """A method that is not in ENDPOINTS answers 405, so that no write escapes the matrix."""
    client.force_login(world.cast.owner)
    declared = {"get"} if endpoint.reads else set()
    declared |= set(endpoint.writes)

    undeclared = {method: send(client, world, endpoint, method).status_code for method in set(METHODS) - declared}

    assert set(undeclared.values()) <= {405}, undeclared


def test_it_shows_an_outsider_none_of_it_at_home(client, world):
    client.force_login(world.cast.outsider)

    assert "Acme" not in client.get("/").content.decode()


def test_it_lists_an_outsider_none_of_it(client, world):
    client.force_login(world.cast.outsider)

    names = [organization["name"] for organization in client.get("/api/organizations/").json()["results"]]

    assert "Acme" not in names
    assert len(names) == 1
