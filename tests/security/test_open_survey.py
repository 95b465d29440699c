"""The shared answers of an open survey (the agreed answers, their trail, the facilitator's evidence) are the
facilitator's: every GET of the URLconf (the tenancy matrix's ENDPOINTS, which must list every URL) is walked
as a respondent who has submitted, a respondent who has not, and a viewer who is no respondent. Each is
refused (403) or answered without any of it, so a new endpoint that shows it is caught here."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.models import Assessment, Role
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.evidence import evidence_file_add, evidence_link_add
from assessments.services.surveys import respondent_add, respondent_answers_save, respondent_submit
from tests.factories import MembershipFactory, UserFactory
from tests.security.test_tenancy_matrix import ENDPOINTS, url

pytestmark = pytest.mark.django_db

AGREED = "agreed-by-the-facilitator"
EVIDENCE = "evidence-of-the-facilitator"
FILE_BYTES = b"%PDF-1.4\n% file-of-the-facilitator\n%%EOF\n"
SECRETS = (AGREED, EVIDENCE, "file-of-the-facilitator")
READERS = ("submitted", "not_submitted", "viewer")
GETS = [endpoint for endpoint in ENDPOINTS if endpoint.reads or "get" in endpoint.writes]
# The status of each GET for the readers (submitted, not_submitted, viewer) where it is not 403: what shows none
# of the shared answers (the organisation, reports of submitted assessments, the survey's respondents and its
# deadline) or only the reader's own (their answers, the consensus once they have submitted).
ANSWERED = {
    "organizations/<int:organization_id>/": (200, 200, 200),
    "organizations/<int:organization_id>/dashboard/": (200, 200, 200),
    "teams/<int:team_id>/": (200, 200, 200),
    "teams/<int:team_id>/dashboard/": (200, 200, 200),
    "teams/<int:team_id>/compare/?a={a}&b={b}": (200, 200, 200),
    "assessments/<int:assessment_id>/": (302, 302, 302),
    "assessments/<int:assessment_id>/report/": (200, 200, 200),
    "assessments/<int:assessment_id>/report/status/": (200, 200, 200),
    "assessments/<int:assessment_id>/report.html": (200, 200, 200),
    "assessments/<int:assessment_id>/respondents/": (200, 200, 200),
    "assessments/<int:assessment_id>/my-answers/": (302, 302, 403),
    "assessments/<int:assessment_id>/my-answers/<slug:area_key>/": (200, 200, 403),
    "assessments/<int:assessment_id>/consensus/": (200, 403, 403),
    "dashboards/progress/?team={team}": (200, 200, 200),
    "dashboards/progress/?organization={organization}": (200, 200, 200),
    "api/organizations/<int:organization_id>/": (200, 200, 200),
    "api/organizations/<int:organization_id>/members/": (200, 200, 200),
    "api/organizations/<int:organization_id>/dashboard/": (200, 200, 200),
    "api/teams/?organization={organization}": (200, 200, 200),
    "api/teams/<int:team_id>/": (200, 200, 200),
    "api/teams/<int:team_id>/targets/": (200, 200, 200),
    "api/teams/<int:team_id>/history/": (200, 200, 200),
    "api/teams/<int:team_id>/history.csv": (200, 200, 200),
    "api/assessments/?team={team}": (200, 200, 200),
    "api/assessments/<int:assessment_id>/report/": (200, 200, 200),
    "api/assessments/<int:assessment_id>/respondents/": (200, 200, 200),
    "api/assessments/<int:assessment_id>/survey/": (200, 200, 200),
    "api/assessments/<int:assessment_id>/my-answers/": (200, 200, 403),
    "api/assessments/<int:assessment_id>/consensus/": (200, 403, 403),
    "api/assessments/<int:assessment_id>/reviews/": (200, 200, 200),
}


@pytest.fixture
def open_survey(world):
    """The world's draft as an open survey: Ada submitted, Bob (a member) has not, Vera is a viewer and no
    respondent; the facilitator recorded an agreed answer and added a link and a file behind it."""
    cast = world.cast
    draft = cast.assessment
    draft.mode = Assessment.Mode.SURVEY
    draft.save(update_fields=["mode"])
    readers = {}
    for name, role in (("submitted", Role.MEMBER), ("not_submitted", Role.MEMBER), ("viewer", Role.VIEWER)):
        readers[name] = UserFactory(username=f"reader-{name}")
        MembershipFactory(user=readers[name], organization=cast.organization, role=role)
    for name in ("submitted", "not_submitted"):
        respondent = respondent_add(assessment=draft, added_by=cast.owner, username=readers[name].username)
        respondent_answers_save(respondent=respondent, items=[AnswerInput(world.question_key, 1, "")])
        if name == "submitted":
            respondent_submit(respondent=respondent)
    answers_save(assessment=draft, user=cast.owner, items=[AnswerInput(world.question_key, 1, AGREED)])
    evidence_link_add(
        assessment=draft, user=cast.owner, question=world.question_key, url="https://ci.example", description=EVIDENCE
    )
    upload = SimpleUploadedFile(f"{EVIDENCE}.pdf", FILE_BYTES)
    evidence = evidence_file_add(assessment=draft, user=cast.owner, question=world.question_key, upload=upload)
    # every URL of the matrix that names an assessment names this survey, except a report's (a submitted one)
    world.draft = world.scoped = world.survey = world.in_review = draft
    world.evidence = evidence
    return world, readers


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("endpoint", GETS, ids=str)
def test_it_shows_the_shared_answers_of_an_open_survey_to_nobody_but_the_facilitator(
    client, open_survey, endpoint, reader
):
    world, readers = open_survey
    client.force_login(readers[reader])

    response = client.get(url(world, endpoint))

    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == ANSWERED.get(str(endpoint), (403, 403, 403))[READERS.index(reader)], body[:300]
    assert [secret for secret in SECRETS if secret.encode() in body] == [], response.status_code


# The facilitator's answers and evidence of a survey still open, as files and API bodies.
FACILITATORS_UNTIL_SUBMITTED = [
    "/api/assessments/{a}/export.csv",
    "/api/assessments/{a}/evidence/",
    "/api/evidence/{e}/",
    "/api/evidence/{e}/download/",
    "/evidence/{e}/download/",
]


@pytest.mark.parametrize("path", FACILITATORS_UNTIL_SUBMITTED)
@pytest.mark.parametrize("reader", ["not_submitted", "viewer"])
def test_it_refuses_the_facilitators_answers_and_evidence_of_an_open_survey(client, open_survey, path, reader):
    world, readers = open_survey
    client.force_login(readers[reader])

    response = client.get(path.format(a=world.cast.assessment.pk, e=world.evidence.pk))

    assert response.status_code == 403
    assert "agreed answers" in response.content.decode()


@pytest.mark.parametrize("path", FACILITATORS_UNTIL_SUBMITTED)
def test_the_facilitator_reads_their_answers_and_evidence(client, open_survey, path):
    world, _ = open_survey
    client.force_login(world.cast.assessor)

    response = client.get(path.format(a=world.cast.assessment.pk, e=world.evidence.pk))

    assert response.status_code == 200
