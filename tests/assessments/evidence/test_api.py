"""Evidence through the API: links as JSON, files as multipart, download to members only; 400s name the bad
field, another organisation's evidence is a 404, not a draft 409."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from assessments.models import Assessment, Evidence
from tests.api_helpers import api_as
from tests.assessments.evidence.conftest import EXE, PDF, PNG, add_file, add_link, stored_files, upload
from tests.factories import AssessmentFactory, MembershipFactory, TeamFactory

pytestmark = pytest.mark.django_db

LIST_QUERIES = 5  # the assessment with the role, its evidence with the question and who added it, the count, spares


def evidence_url(cast) -> str:
    return f"/api/assessments/{cast.assessment.pk}/evidence/"


def post_link(client, cast, **data):
    return client.post(evidence_url(cast), data, format="json")


def post_file(client, cast, question_key, file, **data):
    return client.post(evidence_url(cast), {"question": question_key, "file": file, **data}, format="multipart")


def test_it_adds_a_link(cast, question_key):
    response = post_link(
        api_as(cast.member),
        cast,
        question=question_key,
        url="https://ci.example.com/runs/7",
        description="Nightly run",
        valid_until="2027-01-31",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["id"] == Evidence.objects.get().pk
    assert {key: body[key] for key in ("question", "kind", "url", "valid_until", "added_by", "download")} == {
        "question": question_key,
        "kind": "link",
        "url": "https://ci.example.com/runs/7",
        "valid_until": "2027-01-31",
        "added_by": "member",
        "download": None,
    }


def test_it_adds_a_file_as_multipart(cast, question_key, evidence_storage):
    response = post_file(api_as(cast.assessor), cast, question_key, upload("Lineage.pdf", PDF), description="Graph")

    assert response.status_code == 201
    body = response.json()
    assert (body["kind"], body["file_name"], body["content_type"], body["size"]) == (
        "file",
        "Lineage.pdf",
        "application/pdf",
        len(PDF),
    )
    assert body["download"] == f"http://testserver/api/evidence/{body['id']}/download/"
    assert len(stored_files(evidence_storage)) == 1


@pytest.mark.parametrize(
    ("data", "fields"),
    [
        ({"url": "ftp://x.example/report"}, ["url"]),
        ({"url": "javascript:alert(1)"}, ["url"]),
        ({"question": "no.such", "url": "https://x.example"}, ["question"]),
        ({"url": "https://x.example", "valid_until": "soon"}, ["valid_until"]),
        ({"url": "https://x.example", "description": "x" * 501}, ["description"]),
        ({}, ["url"]),
    ],
)
def test_a_bad_link_is_a_400_naming_each_bad_field(cast, question_key, data, fields):
    response = post_link(api_as(cast.member), cast, **{"question": question_key, **data})

    assert response.status_code == 400
    assert sorted(response.json()) == fields
    assert not Evidence.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("report.pdf", PNG, "The name ends in .pdf but the content is PNG image"),
        ("setup.pdf", EXE, "Windows program (application/x-msdownload), which is not accepted"),
    ],
)
def test_a_mistyped_file_is_a_400_naming_file(cast, question_key, evidence_storage, name, data, message):
    response = post_file(api_as(cast.member), cast, question_key, upload(name, data, "application/pdf"))

    assert response.status_code == 400
    assert list(response.json()) == ["file"]
    assert message in response.json()["file"][0]
    assert not Evidence.objects.exists()
    assert stored_files(evidence_storage) == []


def test_an_oversized_file_is_a_400_naming_file_not_a_413(cast, question_key, settings, evidence_storage):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096
    settings.EVIDENCE_MAX_BYTES = 8192

    response = post_file(api_as(cast.member), cast, question_key, upload("big.txt", b"a" * 9000))

    assert response.status_code == 400
    assert response.json() == {"file": ["The file is larger than the 8 kB limit (9 kB)."]}
    assert stored_files(evidence_storage) == []


def test_other_endpoints_keep_the_413(cast, question_key, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096
    body = [{"question": question_key, "value": 2, "comment": "x" * 5000}]

    response = api_as(cast.member).patch(f"/api/assessments/{cast.assessment.pk}/answers/", body, format="json")

    assert response.status_code == 413


def test_a_form_body_is_refused_unless_it_carries_a_file(cast, question_key):
    response = api_as(cast.member).post(evidence_url(cast), {"question": question_key}, format="multipart")

    assert response.status_code == 400
    assert list(response.json()) == ["file"]


def test_a_viewer_gets_403_and_nothing_changes(cast, question_key, evidence_storage):
    response = post_file(api_as(cast.viewer), cast, question_key, upload("report.pdf", PDF))

    assert response.status_code == 403
    assert not Evidence.objects.exists()
    assert stored_files(evidence_storage) == []


def test_nothing_is_added_to_a_submitted_assessment(cast, question_key, evidence_storage):
    Assessment.objects.filter(pk=cast.assessment.pk).update(
        status=Assessment.Status.SUBMITTED, submitted_by=cast.owner, submitted_at=timezone.now()
    )

    file = post_file(api_as(cast.member), cast, question_key, upload("report.pdf", PDF))
    link = post_link(api_as(cast.member), cast, question=question_key, url="https://x.example")

    assert (file.status_code, link.status_code) == (409, 409)
    assert not Evidence.objects.exists()
    assert stored_files(evidence_storage) == []


def test_it_lists_the_evidence_of_one_question_or_all(cast, question_key):
    other = cast.framework.questions.exclude(key=question_key).values_list("key", flat=True).first()
    add_link(cast, question_key, valid_until=timezone.localdate() - timedelta(days=1))
    add_link(cast, other)
    client = api_as(cast.viewer)

    everything = client.get(evidence_url(cast)).json()
    one = client.get(evidence_url(cast), {"question": question_key}).json()

    assert everything["count"] == 2
    assert [(item["question"], item["expired"]) for item in one["results"]] == [(question_key, True)]


def test_an_unknown_question_in_the_query_is_a_404(cast):
    """The schema cannot list a version's questions: a well-formed key that names none is not found."""
    response = api_as(cast.viewer).get(evidence_url(cast), {"question": "no.such"})

    assert (response.status_code, response.json()) == (
        404,
        {"detail": "No such question in this assessment's framework version."},
    )


@pytest.mark.parametrize("pieces", [1, 30])
def test_the_list_is_a_fixed_number_of_queries(cast, question_key, django_assert_max_num_queries, pieces):
    for index in range(pieces):
        add_link(cast, question_key, url=f"https://x.example/{index}")
    client = api_as(cast.member)

    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(evidence_url(cast))

    assert response.json()["count"] == pieces


def test_it_reads_and_removes_one(cast, question_key, evidence_storage, django_capture_on_commit_callbacks):
    evidence = add_file(cast, question_key)
    client = api_as(cast.member)

    read = client.get(f"/api/evidence/{evidence.pk}/")
    with django_capture_on_commit_callbacks(execute=True):
        removed = client.delete(f"/api/evidence/{evidence.pk}/")

    assert (read.status_code, read.json()["file_name"]) == (200, "report.pdf")
    assert removed.status_code == 204
    assert not Evidence.objects.exists()
    assert stored_files(evidence_storage) == []


def test_it_downloads_a_file_to_a_member(cast, question_key):
    evidence = add_file(cast, question_key, name="evidence.png", data=PNG)

    response = api_as(cast.viewer).get(f"/api/evidence/{evidence.pk}/download/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="evidence.png"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_link_has_no_download(cast, question_key):
    evidence = add_link(cast, question_key)

    assert api_as(cast.member).get(f"/api/evidence/{evidence.pk}/download/").status_code == 404


def test_another_organisations_evidence_is_not_found(cast, question_key, evidence_storage):
    evidence = add_file(cast, question_key)
    client = api_as(cast.outsider)

    statuses = [
        client.get(f"/api/evidence/{evidence.pk}/").status_code,
        client.get(f"/api/evidence/{evidence.pk}/download/").status_code,
        client.delete(f"/api/evidence/{evidence.pk}/").status_code,
        client.get(evidence_url(cast)).status_code,
        post_link(client, cast, question=question_key, url="https://x.example").status_code,
        post_file(client, cast, question_key, upload("report.pdf", PDF)).status_code,
    ]

    assert statuses == [404] * 6
    assert list(Evidence.objects.all()) == [evidence]
    assert stored_files(evidence_storage) == [evidence.file.name]


def test_a_member_of_another_organisation_cannot_attach_to_this_one(cast, question_key):
    """The outsider's own assessment is theirs; this organisation's is a 404 whatever their role elsewhere."""
    theirs = AssessmentFactory(team=TeamFactory(), framework=cast.framework, created_by=cast.outsider)
    MembershipFactory(user=cast.outsider, organization=theirs.team.organization, role="owner")

    response = api_as(cast.outsider).post(
        f"/api/assessments/{cast.assessment.pk}/evidence/",
        {"question": question_key, "url": "https://x.example"},
        format="json",
    )
    own = api_as(cast.outsider).post(
        f"/api/assessments/{theirs.pk}/evidence/", {"question": question_key, "url": "https://x.example"}, format="json"
    )

    assert (response.status_code, own.status_code) == (404, 201)
    assert list(Evidence.objects.values_list("assessment_id", flat=True)) == [theirs.pk]


def test_the_facilitator_makes_evidence_required(cast):
    response = api_as(cast.assessor).patch(
        f"/api/assessments/{cast.assessment.pk}/settings/", {"evidence_required": True}, format="json"
    )

    assert (response.status_code, response.json()["evidence_required"]) == (200, True)
    cast.assessment.refresh_from_db()
    assert cast.assessment.evidence_required


@pytest.mark.parametrize(("user", "status"), [("member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_a_facilitator_changes_the_settings(cast, user, status):
    response = api_as(cast.users[user]).patch(
        f"/api/assessments/{cast.assessment.pk}/settings/", {"evidence_required": True}, format="json"
    )

    assert response.status_code == status
    cast.assessment.refresh_from_db()
    assert not cast.assessment.evidence_required


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"evidence_required": "maybe"}, ["evidence_required"]),
        ({"evidence_required": True, "colour": "red"}, ["colour"]),
        ({}, ["detail"]),
    ],
)
def test_bad_settings_are_a_400_naming_the_field(cast, body, fields):
    response = api_as(cast.owner).patch(f"/api/assessments/{cast.assessment.pk}/settings/", body, format="json")

    assert (response.status_code, sorted(response.json())) == (400, fields)


def test_an_assessment_can_start_with_evidence_required(cast):
    team = TeamFactory(organization=cast.organization)

    response = api_as(cast.assessor).post(
        "/api/assessments/", {"team": team.pk, "evidence_required": True}, format="json"
    )

    assert (response.status_code, response.json()["evidence_required"]) == (201, True)


def test_a_member_cannot_start_one_with_evidence_required(cast):
    team = TeamFactory(organization=cast.organization)

    response = api_as(cast.member).post(
        "/api/assessments/", {"team": team.pk, "evidence_required": True}, format="json"
    )

    assert response.status_code == 403
    assert not Assessment.objects.filter(team=team).exists()


def test_valid_until_in_the_past_is_accepted_and_shown_expired(cast, question_key):
    response = post_link(
        api_as(cast.member), cast, question=question_key, url="https://x.example", valid_until=str(date(2020, 1, 1))
    )

    assert (response.status_code, response.json()["expired"]) == (201, True)
