import pytest
from django.utils.html import escape

from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from maturity.scoring import score_assessment, two_decimals
from maturity.selectors import framework_content
from reports.api.serializers import ReportOutputSerializer
from reports.builders.content import headline
from reports.models import Report
from reports.services import report_compute, report_request
from tests.api_helpers import api_as
from tests.conftest import complete_answers
from tests.documented import assert_documented
from tests.reports.conftest import submit_answers

pytestmark = pytest.mark.django_db


def test_a_ready_report_has_the_contract_fields(cast, submitted):
    report_compute(assessment_id=submitted.pk)

    body = api_as(cast.viewer).get(f"/api/assessments/{submitted.pk}/report/").json()

    assert body["status"] == "ready"
    assert set(body["overall"]) >= {"level", "score"}
    assert set(body["areas"][0]) >= {"key", "name", "level", "score"}
    assert set(body["next_steps"][0]) >= {"area", "question", "level", "value", "recommendation"}
    assert set(body["figures"]) == {"radar", "areas", "history"}
    assert body["generated_at"]


def test_a_ready_report_names_the_systems_the_assessment_covers(cast):
    cast.assessment.systems_covered = "Fraud scoring (card and ACH)"
    cast.assessment.save(update_fields=["systems_covered"])
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.member)
    report_compute(assessment_id=cast.assessment.pk)

    body = api_as(cast.viewer).get(f"/api/assessments/{cast.assessment.pk}/report/").json()

    assert body["systems_covered"] == "Fraud scoring (card and ACH)"
    assert Report.objects.get().content["systems_covered"] == "Fraud scoring (card and ACH)"


def test_a_pending_report_shows_only_its_status(cast, submitted):
    body = api_as(cast.viewer).get(f"/api/assessments/{submitted.pk}/report/").json()

    assert (body["status"], body["overall"], body["areas"], body["figures"]) == ("pending", None, [], {})


def test_a_draft_has_no_report(cast):
    assert api_as(cast.member).get(f"/api/assessments/{cast.assessment.pk}/report/").status_code == 404


def test_an_outsider_gets_404(cast, submitted):
    report_compute(assessment_id=submitted.pk)

    assert api_as(cast.outsider).get(f"/api/assessments/{submitted.pk}/report/").status_code == 404


def test_the_report_is_a_fixed_number_of_queries(cast, submitted, django_assert_max_num_queries):
    report_compute(assessment_id=submitted.pk)

    with django_assert_max_num_queries(1):  # the report with its tenancy check (force_authenticate: no token)
        api_as(cast.viewer).get(f"/api/assessments/{submitted.pk}/report/")


def test_a_ready_report_is_its_content_as_computed(cast, submitted):
    report_compute(assessment_id=submitted.pk)
    report = Report.objects.get()

    body = api_as(cast.viewer).get(f"/api/assessments/{submitted.pk}/report/").json()

    assert (body["overall"], body["areas"], body["figures"]) == (
        report.content["overall"]
        | {
            "explanation": headline(report.content).explanation,
            "strongest": [area["key"] for area in headline(report.content).strongest],
        },
        report.content["areas"],
        report.figures,
    )
    assert list(body)[:3] == ["review", "status", "scoring_rule"]


def test_a_ready_report_answers_a_conditional_get_with_304(cast, submitted):
    report_compute(assessment_id=submitted.pk)
    client = api_as(cast.viewer)
    first = client.get(f"/api/assessments/{submitted.pk}/report/")

    again = client.get(f"/api/assessments/{submitted.pk}/report/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["Cache-Control"] == "private, no-cache"
    assert (again.status_code, again.content) == (304, b"")


def test_regenerating_changes_the_etag(cast, submitted):
    report_compute(assessment_id=submitted.pk)
    client = api_as(cast.viewer)
    etag = client.get(f"/api/assessments/{submitted.pk}/report/")["ETag"]

    report_request(assessment_id=submitted.pk)
    pending = client.get(f"/api/assessments/{submitted.pk}/report/", HTTP_IF_NONE_MATCH=etag)
    report_compute(assessment_id=submitted.pk)

    assert (pending.status_code, pending["Cache-Control"]) == (200, "no-store")
    assert client.get(f"/api/assessments/{submitted.pk}/report/")["ETag"] != etag


def test_the_bodies_are_what_the_serializer_documents(cast, submitted):
    client = api_as(cast.viewer)
    pending = client.get(f"/api/assessments/{submitted.pk}/report/").json()
    report_compute(assessment_id=submitted.pk)
    ready = client.get(f"/api/assessments/{submitted.pk}/report/").json()

    assert_documented(pending, ReportOutputSerializer())
    assert_documented(ready, ReportOutputSerializer())


def test_through_the_api_a_report_carries_the_values_of_rule_3(cast):
    """Every figure of the body is the scoring rule's, rounded down to two decimals; a new target moves the
    roadmap once the worker has computed the report again."""
    client = api_as(cast.member)
    api_as(cast.owner).delete(f"/api/assessments/{cast.assessment.pk}/")  # one draft per team: this one
    draft = client.post("/api/assessments/", {"team": cast.team.pk}, format="json").json()
    keys = [q.key for q in cast.framework.questions.order_by("position")]
    answers = {key: (index * 7) % 4 for index, key in enumerate(keys)}
    client.patch(
        f"/api/assessments/{draft['id']}/answers/",
        [{"question": k, "value": v} for k, v in answers.items()],
        format="json",
    )
    assert client.post(f"/api/assessments/{draft['id']}/submit/").status_code == 202
    report_compute(assessment_id=draft["id"])

    body = client.get(f"/api/assessments/{draft['id']}/report/").json()

    expected = score_assessment(framework_content(framework=cast.framework).definition, answers)
    assert body["scoring_rule"] == 3
    words = {"level_name": "", "level_description": "", "explanation": "", "strongest": []}
    assert body["overall"] | words == words | {
        "level": expected.overall_level,
        "score": float(two_decimals(expected.overall_score)),
        "mean_score": float(two_decimals(expected.mean_score)),
        "limited_by": list(expected.limited_by),
    }
    areas = [
        (a["key"], a["level"], a["score"], a["levels_worth"], a["counts_toward_level"], a["exempt_levels"])
        for a in body["areas"]
    ]
    assert areas == [
        (
            a.key,
            a.level,
            float(two_decimals(a.score)),
            float(two_decimals(a.levels_worth)),
            a.counts_toward_level,
            list(a.exempt_levels),
        )
        for a in expected.areas
    ]
    assert [[level["coverage"] for level in a["levels"]] for a in body["areas"]] == [
        [float(two_decimals(coverage)) for coverage in a.coverages] for a in expected.areas
    ]
    steps = [(s["question"], s["kind"]) for s in body["next_steps"]]
    assert steps == [(s.question, s.kind) for s in expected.next_steps]

    last = body["roadmap"][-1]["area"]
    client.post(f"/api/teams/{cast.team.pk}/targets/", {"area": last, "level": 4}, format="json")
    assert client.get(f"/api/assessments/{draft['id']}/report/").json()["status"] == "pending"
    report_compute(assessment_id=draft["id"])
    assert client.get(f"/api/assessments/{draft['id']}/report/").json()["roadmap"][0]["area"] == last


def test_the_body_says_why_the_team_is_at_its_level_and_its_next_moves_as_the_page_does(client, cast):
    """Everything fully in place but monitoring above level 1: level 1, limited by monitoring, every other area
    at level 4 (rule 3: S = 4). Monitoring's one level-2 practice is its one step; no other area has any."""
    items = [
        AnswerInput(q.key, 3 if q.area.key != "monitoring" or q.level == 1 else 0)
        for q in cast.framework.questions.select_related("area")
    ]
    assessment = submit_answers(cast, items)
    report_compute(assessment_id=assessment.pk)
    client.force_login(cast.viewer)

    body = api_as(cast.viewer).get(f"/api/assessments/{assessment.pk}/report/").json()
    page = client.get(f"/assessments/{assessment.pk}/report/").content.decode()

    assert body["overall"]["explanation"].startswith("Limited by Monitoring and feedback, at level 1:")
    assert body["overall"]["strongest"] == ["people", "data", "experiments"]
    assert [(move["question"], move["reason"]) for move in body["next_moves"]] == [
        ("monitoring.prediction_logging", "limits_level")
    ]
    for move in body["next_moves"]:
        assert escape(move["recommendation"]) in page
    told = headline(Report.objects.get(assessment=assessment).content)
    assert body["overall"]["explanation"] == " ".join(told.sentences)
    assert all(escape(sentence) in " ".join(page.split()) for sentence in told.sentences)
