"""API fuzzing: schemathesis over /api/schema/, in process against the WSGI application, as a user who
owns data (an organisation with a team, two submitted assessments whose reports are ready, one whose
report is pending, a draft), is a viewer of a second organisation and a stranger to a third.

Every operation of the schema, three times: with requests valid for the schema, with invalid ones, and with
the boundary cases of the coverage phase; a bounded
number of examples each, generated deterministically (same seed, same cases, every run): about three
minutes for the whole schema at most (about a minute and a half on a quiet machine). Every default check of
schemathesis: each response must not be a server error, must have a status code, a content type and headers
the schema documents for the operation, and must match the schema documented for that status code; a request
valid by the schema must not be refused (but see REFUSES_VALID_LOOKING_REQUESTS) and an invalid one must be.

Generated ids would almost never name a row; the hooks below swap, as often as not, ids and keys in the
path, query and body of valid requests for those of the rows the fixture made (owned, viewed and foreign
ones), so that the requests reach the code behind the 404s too; in invalid requests, only path ids.
"""

import pytest
import schemathesis
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts.services import api_token_create
from assessments.models import Role
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_start, assessment_submit
from assessments.services.evidence import evidence_file_add, evidence_link_add
from config.wsgi import application
from maturity.selectors import framework_for_new_assessment
from reports.services import report_compute
from tests.api_helpers import token_for
from tests.conftest import complete_answers
from tests.factories import MembershipFactory, OrganizationFactory, TeamFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

MAX_EXAMPLES = 25
# Every default check of schemathesis: the response against the schema, and what requests are accepted
# (a request valid by the schema is not refused, an invalid one is).
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    positive_data_acceptance,
    negative_data_rejection,
]
# Where a request valid by the schema still gets a 400, by design.md section 5 or because no schema can say it:
# which names exist (a username, a question or area key of the assessment's own framework version, a scope
# key), which values are taken (a team's name), what state allows it (a required question unanswered, the
# review's rules) and which password is right. Each operation here may answer 400 to a schema-valid request.
REFUSES_VALID_LOOKING_REQUESTS = {
    "POST /api/assessments/": "a framework slug not loaded, a scope key not in the framework",
    "GET /api/teams/{team_id}/targets/": "a framework slug not loaded",
    "GET /api/teams/{team_id}/history/": "a framework slug not loaded",
    "GET /api/teams/{team_id}/history.csv": "a framework slug not loaded",
    "GET /api/organizations/{organization_id}/dashboard/": "a framework slug not loaded",
    "POST /api/auth/token/": "a wrong username or password",
    "POST /api/teams/": "a team name the organisation already has",
    "PATCH /api/teams/{team_id}/": "a team name the organisation already has",
    "POST /api/teams/{team_id}/targets/": "a framework slug not loaded, an area key not in the framework",
    "PATCH /api/assessments/{assessment_id}/answers/": "a question key not in the version (section 5)",
    "PATCH /api/assessments/{assessment_id}/my-answers/": "a question key not in the version (section 5)",
    "PATCH /api/assessments/{assessment_id}/scope/": "a scope key not in the framework (section 5)",
    "POST /api/assessments/{assessment_id}/submit/": "a required question unanswered (section 5)",
    "POST /api/assessments/{assessment_id}/return/": "a question key not in the version, or no comment at all",
    "POST /api/assessments/{assessment_id}/evidence/": "a question key not in the version",
    "POST /api/assessments/{assessment_id}/respondents/": "a username that is no member; not exactly one field",
    "POST /api/assessments/{assessment_id}/respondents/team/": "a new deadline in the past",
    "PATCH /api/assessments/{assessment_id}/survey/": "a new deadline in the past",
    "POST /api/organizations/{organization_id}/members/": "a username with no account; not exactly one field",
    "POST /api/organizations/{organization_id}/invitations/": "an address Django refuses (a one-letter TLD)",
}
_POSITIVE_STATUSES = ["2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"]
OPERATIONS_CONFIG = [
    {"include-name": label, "checks": {"positive_data_acceptance": {"expected-statuses": _POSITIVE_STATUSES}}}
    for label in REFUSES_VALID_LOOKING_REQUESTS
]


def load_schema(mode: str, phases: tuple[str, ...] = ("examples", "fuzzing")) -> schemathesis.BaseSchema:
    config = schemathesis.Config.from_dict(
        {
            "seed": 20260101,
            "phases": {phase: {"enabled": phase in phases} for phase in ("examples", "coverage", "fuzzing")},
            "operations": OPERATIONS_CONFIG,
            "generation": {
                "mode": mode,
                "max-examples": MAX_EXAMPLES,
                "deterministic": True,
                # We authenticate every request with the token; no random Authorization headers or cookies.
                "with-security-parameters": False,
            },
        }
    )
    return schemathesis.openapi.from_wsgi("/api/schema/?format=json", application, config=config)


valid_requests = load_schema("positive")
invalid_requests = load_schema("negative")
# The coverage phase: boundary and missing values for every parameter and field, valid and invalid, which
# random generation seldom reaches (it found a PATCH body outside its documented schema).
boundary_requests = load_schema("all", phases=("coverage",))

# Parameter or body field name -> values naming rows that the `owner` fixture made.
REAL_VALUES: dict[str, list] = {}
# Operation label -> whole bodies that the operation accepts for some of those rows.
REAL_BODIES: dict[str, list] = {}


def with_real_values(values):
    """The generated values, or (as likely) the same with some of them replaced by real ids and keys."""
    if isinstance(values, list):
        return st.tuples(*(with_real_values(item) for item in values)).map(list) if values else st.just(values)
    names = [name for name in REAL_VALUES if isinstance(values, dict) and name in values]
    if not names:
        return st.just(values)
    picks = {name: st.one_of(st.just(values[name]), st.sampled_from(REAL_VALUES[name])) for name in names}
    return st.fixed_dictionaries(picks).map(lambda picked: {**values, **picked})


def with_real_body(context, body):
    """As with_real_values; for an operation whose valid bodies are rare by chance, also a whole real one."""
    strategy = with_real_values(body)
    if context.operation is not None and context.operation.label in REAL_BODIES:
        strategy = st.one_of(strategy, st.sampled_from(REAL_BODIES[context.operation.label]))
    return strategy


def with_real_ids_in_path(values):
    """For invalid requests: only a path id or slug that is valid already (of the real values' type) may become
    a real one, so that the request reaches the code behind the 404 and stays as invalid as it was made; a
    swap in the query or body, or of an invalid path value, could make it valid (negative_data_rejection)."""
    if not isinstance(values, dict):
        return st.just(values)
    names = [name for name in REAL_VALUES if type(values.get(name)) is type(REAL_VALUES[name][0])]
    picks = {name: st.one_of(st.just(values[name]), st.sampled_from(REAL_VALUES[name])) for name in names}
    return st.fixed_dictionaries(picks).map(lambda picked: {**values, **picked})


for _hook in ("flatmap_path_parameters", "flatmap_query"):
    valid_requests.hook(_hook)(lambda context, values: with_real_values(values))
valid_requests.hook("flatmap_body")(with_real_body)
invalid_requests.hook("flatmap_path_parameters")(lambda context, values: with_real_ids_in_path(values))


@pytest.fixture
def in_process_requests():
    """What Django's test client does: the WSGI handler would otherwise close the database connection
    after each request, and with it the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def submitted_assessment(team, user, framework, value: int, *, compute: bool):
    assessment = assessment_start(framework=framework_for_new_assessment(), team=team, user=user)
    answers_save(assessment=assessment, user=user, items=complete_answers(framework, value=value))
    assessment_submit(assessment=assessment, user=user)  # on_commit never fires here: nothing is enqueued
    if compute:
        report_compute(assessment_id=assessment.pk)
    return assessment


@pytest.fixture
def owner(mlops_framework, in_process_requests):
    owner = UserFactory(username="fuzz-owner")
    organization = OrganizationFactory(name="Fuzz organisation")
    MembershipFactory(user=owner, organization=organization, role=Role.OWNER)
    team = TeamFactory(organization=organization, name="Fuzz team")
    ready = [submitted_assessment(team, owner, mlops_framework, value, compute=True) for value in (1, 2)]
    pending = submitted_assessment(team, owner, mlops_framework, 3, compute=False)
    draft = assessment_start(framework=framework_for_new_assessment(), team=team, user=owner)
    answers_save(assessment=draft, user=owner, items=complete_answers(mlops_framework)[:5])
    second_team = TeamFactory(organization=organization, name="Fuzz team 2")  # one draft per team
    complete_draft = assessment_start(framework=framework_for_new_assessment(), team=second_team, user=owner)
    answers_save(assessment=complete_draft, user=owner, items=complete_answers(mlops_framework))

    stranger = UserFactory(username="fuzz-stranger")
    foreign = OrganizationFactory(name="Foreign organisation")
    MembershipFactory(user=stranger, organization=foreign, role=Role.OWNER)
    foreign_team = TeamFactory(organization=foreign, name="Foreign team")
    foreign_draft = assessment_start(framework=framework_for_new_assessment(), team=foreign_team, user=stranger)

    viewed = OrganizationFactory(name="Viewed organisation")
    MembershipFactory(user=stranger, organization=viewed, role=Role.OWNER)
    MembershipFactory(user=owner, organization=viewed, role=Role.VIEWER)
    viewed_team = TeamFactory(organization=viewed, name="Viewed team")
    viewed_draft = assessment_start(framework=framework_for_new_assessment(), team=viewed_team, user=stranger)

    questions = list(mlops_framework.questions.order_by("pk").values_list("key", flat=True)[:8])
    evidence = [
        evidence_link_add(assessment=draft, user=owner, question=questions[0], url="https://ci.example.com/1"),
        evidence_file_add(
            assessment=draft, user=owner, question=questions[1], upload=SimpleUploadedFile("r.pdf", b"%PDF-1.4\n")
        ),
        evidence_link_add(assessment=foreign_draft, user=stranger, question=questions[0], url="https://x.example"),
    ]

    tokens = [api_token_create(user=user)[0].pk for user in (owner, stranger)]

    organizations = [organization.pk, viewed.pk, foreign.pk]
    teams = [team.pk, second_team.pk, viewed_team.pk, foreign_team.pk]
    REAL_VALUES.clear()
    REAL_VALUES.update(
        {
            "organization_id": organizations,
            "organization": organizations,
            "team_id": teams,
            "team": teams,
            "assessment_id": [a.pk for a in (*ready, pending, draft, complete_draft, viewed_draft, foreign_draft)],
            "slug": [mlops_framework.slug],
            "question": questions,
            "evidence_id": [item.pk for item in evidence],
            "area": list(mlops_framework.areas.values_list("key", flat=True)[:2]),
            "username": [stranger.username],
            "token_id": tokens,
        }
    )
    REAL_BODIES.clear()
    REAL_BODIES["PATCH /api/assessments/{assessment_id}/answers/"] = [
        [{"question": questions[0], "value": 2}],
        [{"question": questions[1], "value": 3}, {"question": questions[2], "value": "na", "comment": "No models."}],
    ]
    return owner


def authorization(user) -> dict[str, str]:
    """A new token for every request: an example may have revoked the one before (`DELETE /api/auth/tokens/{id}/`)."""
    return {"Authorization": f"Token {token_for(user)}"}


FUZZ_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,  # nothing written under .hypothesis/
    # No shrinking: a failure is reported as found, so that a failing run takes as long as a passing one.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    # The fixture's rows are made once per operation and shared by its examples, on purpose.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@FUZZ_SETTINGS
@valid_requests.parametrize()
def test_valid_requests(case, owner):
    case.call_and_validate(headers=authorization(owner), checks=CHECKS)


@FUZZ_SETTINGS
@invalid_requests.parametrize()
def test_invalid_requests(case, owner):
    case.call_and_validate(headers=authorization(owner), checks=CHECKS)


def with_real_ids(case) -> None:
    """The coverage phase's cases are fixed, not drawn, so the hooks above never see them: an id in the path
    that is a number becomes one of the fixture's rows (which one follows the number), so that the boundary
    bodies reach the code behind the 404 (they found a 400 body outside its schema there)."""
    for name, value in (case.path_parameters or {}).items():
        if name in REAL_VALUES and str(value).isdigit():
            case.path_parameters[name] = REAL_VALUES[name][int(value) % len(REAL_VALUES[name])]


@FUZZ_SETTINGS
@boundary_requests.parametrize()
def test_boundary_requests(case, owner):
    with_real_ids(case)
    case.call_and_validate(headers=authorization(owner), checks=CHECKS)
