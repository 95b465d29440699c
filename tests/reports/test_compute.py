"""report_compute: the worker's job, run in process here (the real worker is in test_worker.py)."""

from datetime import timedelta
from unittest import mock

import plotly.graph_objects as go
import pytest
from django.db import OperationalError
from django.utils import timezone

from assessments.services.answers import answers_save
from assessments.services.assessments import (
    assessment_discard,
    assessment_scope_set,
    assessment_start,
    assessment_submit,
)
from assessments.services.organizations import team_create
from assessments.services.targets import target_set
from reports.models import AreaScore, Report
from reports.services import report_compute, report_request, reports_requeue_stale
from tests.conftest import complete_answers
from tests.reports.conftest import submit_answers
from tests.reports.helpers import submit_and_compute

pytestmark = pytest.mark.django_db


def test_submitting_creates_a_pending_report(submitted):
    assert Report.objects.get(assessment=submitted).status == "pending"


def test_it_computes_the_scores_next_steps_and_figures(submitted, cast):
    target_set(team=cast.team, framework=cast.framework, area_key="people", level=4, user=cast.owner)

    assert report_compute(assessment_id=submitted.pk)

    # people: level 1 has shared_repository (3: 1) and documented_handover (2: 2), (3 + 4) / 15 = 7/15, and
    # levels 2-4 are at 2/3: S = 37/15 (2.47 >= 7/3 = 35/15), level 3 (rule 2: 0), gap 1 to its target 4.
    # Every other area: S = 8/3, level 3.
    report = Report.objects.get()
    people = report.content["areas"][0]
    assert (report.status, report.overall_level) == ("ready", 3)
    assert float(report.overall_score) == report.content["overall"]["score"]
    assert (people["key"], people["level"], people["target"], people["gap"]) == ("people", 3, 4, 1)
    assert report.content["next_steps"][0]["comment"] == "only some repos"
    assert set(report.figures) == {"radar", "areas", "history"}
    assert AreaScore.objects.filter(report=report).count() == 8


def test_mostly_in_place_everywhere_is_level_3_a_third_of_the_way_to_level_4(cast):
    assessment = submit_answers(cast, complete_answers(cast.framework, value=2))

    report_compute(assessment_id=assessment.pk)

    # Every level's coverage is 2/3: S = 8/3 (2.67), level 3 (7/3 <= S < 10/3), score 8/3 + 2/3 = 10/3,
    # shown 3.33.
    report = Report.objects.get(assessment=assessment)
    assert {(area["level"], area["score"], area["levels_worth"]) for area in report.content["areas"]} == {
        (3, 3.33, 2.66)
    }
    assert {(step["level"], step["kind"]) for step in report.content["next_steps"]} == {(4, "next_level")}


def test_running_it_twice_yields_one_report_with_the_same_content(submitted):
    report_compute(assessment_id=submitted.pk)
    first = Report.objects.get()

    report_request(assessment_id=submitted.pk)
    report_compute(assessment_id=submitted.pk)

    second = Report.objects.get()
    assert (second.content, second.figures) == (first.content, first.figures)
    assert AreaScore.objects.count() == 8


def test_a_report_that_is_not_pending_is_not_claimed(submitted):
    Report.objects.update(status="running")

    assert not report_compute(assessment_id=submitted.pk)
    assert Report.objects.get().status == "running"


def test_bad_data_marks_the_report_failed_with_the_error(submitted):
    with mock.patch("reports.builders.report.score_assessment", side_effect=KeyError("data.vanished")):
        report_compute(assessment_id=submitted.pk)

    report = Report.objects.get()
    assert report.status == "failed"
    assert report.error == "KeyError: 'data.vanished'"


def test_a_database_error_releases_the_claim_and_propagates_for_a_retry(submitted):
    with (
        mock.patch("reports.services.report_inputs", side_effect=OperationalError("server closed")),
        pytest.raises(OperationalError),
    ):
        report_compute(assessment_id=submitted.pk)

    assert Report.objects.get().status == "pending"


def test_the_history_figure_includes_earlier_assessments(cast, submitted):
    report_compute(assessment_id=submitted.pk)
    later = submit_answers(cast, complete_answers(cast.framework, value=3))

    report_compute(assessment_id=later.pk)

    figures = Report.objects.get(assessment=later).figures
    assert figures["history"]["data"][0]["y"][-1] == 4.0
    assert len(figures["history"]["data"][0]["y"]) == 2
    previous = next(trace for trace in figures["radar"]["data"] if trace["name"] == "Previous assessment")
    assert previous["r"][0] == Report.objects.get(assessment=submitted).content["areas"][0]["score"]


def test_an_area_out_of_scope_is_left_off_the_radar_and_the_bars(cast, scoped_framework):
    """Governance depends on the scope `regulated`, answered no: plotted, it read as a score of 0."""
    assessment_discard(assessment=cast.assessment)
    assessment = assessment_start(framework=scoped_framework, team=cast.team, user=cast.member)
    assessment_scope_set(assessment=assessment, answers={"regulated": False})
    answers_save(assessment=assessment, user=cast.member, items=complete_answers(scoped_framework, value=2))
    assessment_submit(assessment=assessment, user=cast.member)

    report_compute(assessment_id=assessment.pk)

    figures = Report.objects.get(assessment=assessment).figures
    shown = [name.replace("<br>", " ") for name in figures["radar"]["data"][0]["theta"]]
    assert "Governance, risk and responsible AI" not in shown
    assert "Governance, risk and responsible AI" not in figures["areas"]["data"][0]["y"]
    assert len(figures["areas"]["data"][0]["y"]) == len(set(shown)) == 7
    assert "Governance, risk and responsible AI" not in [trace["name"] for trace in figures["history"]["data"]]


def test_stale_reports_are_requeued(submitted):
    Report.objects.update(status="running", started_at=timezone.now() - timedelta(hours=1))

    with mock.patch("reports.services.reports_enqueue") as enqueue:
        assert reports_requeue_stale(older_than=timedelta(minutes=5)) == 1

    enqueue.assert_called_once_with(assessment_ids=[submitted.pk])
    assert Report.objects.get().status == "pending"


def test_fresh_and_settled_reports_are_left_alone(submitted):
    with mock.patch("reports.services.current_app.send_task") as send:
        assert reports_requeue_stale(older_than=timedelta(minutes=5)) == 0
        report_compute(assessment_id=submitted.pk)
        Report.objects.update(requested_at=timezone.now() - timedelta(hours=1))
        assert reports_requeue_stale(older_than=timedelta(minutes=5)) == 0

    send.assert_not_called()


def test_a_report_left_running_past_the_time_limit_is_claimed_again(submitted):
    Report.objects.update(status="running", started_at=timezone.now() - timedelta(minutes=10))

    assert report_compute(assessment_id=submitted.pk)
    assert Report.objects.get().status == "ready"


def test_the_figures_of_a_report_with_history_targets_and_other_teams_are_valid_for_plotly(cast):
    other = team_create(organization=cast.organization, name="Other")
    report_compute(assessment_id=submit_answers(cast, complete_answers(cast.framework, value=3), team=other).pk)
    target_set(team=cast.team, framework=cast.framework, area_key="data", level=2, user=cast.owner)
    for value in (1, 2):
        report_compute(assessment_id=submit_answers(cast, complete_answers(cast.framework, value=value)).pk)

    figures = Report.objects.order_by("-assessment__submitted_at").first().figures

    radar = {trace["name"] for trace in figures["radar"]["data"]}
    assert radar == {"This assessment", "Previous assessment", "Targets", "Other teams (median)"}
    for figure in figures.values():
        go.Figure(figure)  # raises ValueError on any property Plotly does not know


def test_changing_a_target_recomputes_the_latest_report_and_its_roadmap_follows(cast):
    earlier, latest = submit_and_compute(cast, 1), submit_and_compute(cast, 1)
    assert Report.objects.get(assessment=latest).content["roadmap"][0]["area"] == "people"  # all alike

    target_set(team=cast.team, framework=cast.framework, area_key="governance", level=3, user=cast.owner)

    assert dict(Report.objects.values_list("assessment_id", "status")) == {earlier.pk: "ready", latest.pk: "pending"}
    report_compute(assessment_id=latest.pk)
    content = Report.objects.get(assessment=latest).content
    governance = next(area for area in content["areas"] if area["key"] == "governance")
    # "started" everywhere: S = 4 * 1/3 = 4/3, level 2 (4/3 <= S < 7/3), so the gap to 3 is 1.
    assert (governance["target"], governance["gap"]) == (3, 1)
    assert content["roadmap"][0]["area"] == "governance"


def test_a_report_of_an_earlier_scoring_rule_is_recomputed_by_the_requeue(submitted):
    report_compute(assessment_id=submitted.pk)
    Report.objects.update(scoring_rule=1)

    assert reports_requeue_stale() == 1
    report_compute(assessment_id=submitted.pk)

    assert Report.objects.values_list("status", "scoring_rule").get() == ("ready", 3)
