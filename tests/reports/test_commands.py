from datetime import timedelta
from decimal import Decimal
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from reports.builders.history import history_payload
from reports.models import AreaScore, Report
from reports.selectors.history import team_history
from reports.services import report_compute
from tests.conftest import complete_answers
from tests.factories import TeamFactory
from tests.reports.conftest import submit_answers
from tests.reports.helpers import submit_and_compute
from tests.worker import running_worker


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_regenerate_marks_matching_reports_pending_and_enqueues_them(cast):
    mine = submit_answers(cast, complete_answers(cast.framework))
    elsewhere = submit_answers(cast, complete_answers(cast.framework), team=TeamFactory())
    for assessment in (mine, elsewhere):
        report_compute(assessment_id=assessment.pk)

    output = run("regenerate_reports", "--organisation", str(cast.organization.pk), "--no-wait")

    assert "Enqueued  [##############################] 1/1 100%" in output
    assert dict(Report.objects.values_list("assessment_id", "status")) == {mine.pk: "pending", elsewhere.pk: "ready"}


@pytest.mark.django_db
def test_regenerate_with_nothing_to_do_says_so(cast):
    assert "nothing to do" in run("regenerate_reports", "--framework", "itil")


@pytest.mark.django_db
def test_regenerate_times_out_with_a_readable_error_when_no_worker_runs(cast):
    submit_answers(cast, complete_answers(cast.framework))

    with pytest.raises(CommandError, match=r"1 report\(s\) still pending. Is a worker running\?"):
        run("regenerate_reports", "--timeout", "0")


@pytest.mark.django_db
def test_requeue_sends_stale_reports_again(cast):
    submit_answers(cast, complete_answers(cast.framework))
    Report.objects.update(requested_at=timezone.now() - timedelta(hours=1))

    assert run("requeue_reports", "--older-than", "60") == "Requeued 1 stale report(s).\n"


@pytest.mark.django_db(transaction=True)
@pytest.mark.worker
def test_regenerate_waits_for_the_worker_with_a_progress_bar(cast):
    for value in (1, 2, 3):
        submit_answers(cast, complete_answers(cast.framework, value=value))

    with running_worker():
        output = run("regenerate_reports", "--timeout", "90")

    assert "Computed  [##############################] 3/3 100%" in output
    assert "Regenerated 3 report(s)." in output
    assert set(Report.objects.values_list("status", flat=True)) == {"ready"}


def stored_under_rule_2(assessment, level: int, score: float) -> None:
    """What the report of `assessment` held under rule 2: that rule's level and score for the assessment and
    each of its areas, and `scoring_rule` 2."""
    report = Report.objects.get(assessment=assessment)
    report.content["scoring_rule"] = 2
    report.content["overall"] |= {"level": level, "score": score}
    for area in report.content["areas"]:
        area |= {"level": level, "score": score}
    Report.objects.filter(pk=report.pk).update(
        scoring_rule=2, overall_level=level, overall_score=score, content=report.content
    )
    AreaScore.objects.filter(report=report).update(level=level, score=score)


@pytest.mark.django_db
def test_recompute_brings_reports_of_rule_2_to_rule_3_with_their_area_scores_and_movement(cast):
    fully, mostly = (submit_and_compute(cast, value) for value in (3, 2))
    # Rule 2: "mostly in place" everywhere met every level, so both read level 4, score 4: unchanged.
    stored_under_rule_2(fully, 4, 4.0)
    stored_under_rule_2(mostly, 4, 4.0)
    assert [entry["movement"] for entry in history_payload(team_history(team_id=cast.team.pk))] == [None, "unchanged"]

    output = run("recompute_reports")

    # Rule 3: "mostly" everywhere is S = 4 * 2/3 = 8/3 in each area, level 3 (7/3 <= S < 10/3), score
    # 8/3 + 2/3 = 10/3 (3.33), and the headline 3 + 1/3: regressed.
    assert output == "2 reports to recompute (scoring rule 3).\nRecomputed 1 of 2 reports\nRecomputed 2 of 2 reports\n"
    report = Report.objects.get(assessment=mostly)
    assert (report.status, report.scoring_rule, report.content["scoring_rule"]) == ("ready", 3, 3)
    assert (report.overall_level, float(report.overall_score)) == (3, 3.33)
    assert set(AreaScore.objects.filter(report=report).values_list("level", "score")) == {(3, Decimal("3.33"))}
    history = history_payload(team_history(team_id=cast.team.pk))
    assert [(entry["overall"], entry["movement"]) for entry in history] == [
        ({"level": 4, "score": 4.0}, None),
        ({"level": 3, "score": 3.33}, "regressed"),
    ]


@pytest.fixture
def mostly_under_rule_2(cast):
    """An assessment answered "mostly in place" everywhere, whose report still holds rule 2's level 4."""
    assessment = submit_and_compute(cast, 2)
    stored_under_rule_2(assessment, 4, 4.0)
    return assessment


def scoring_fails():
    return mock.patch("reports.builders.report.score_assessment", side_effect=KeyError("data.vanished"))


@pytest.mark.django_db
def test_recompute_a_second_time_has_nothing_to_do(mostly_under_rule_2):
    run("recompute_reports")

    assert run("recompute_reports") == "0 reports to recompute (scoring rule 3).\n"


@pytest.mark.django_db
def test_recompute_leaves_reports_of_the_current_rule_and_unfinished_ones_alone(cast):
    current = submit_and_compute(cast, 2)
    never_computed = submit_answers(cast, complete_answers(cast.framework))
    before = Report.objects.get(assessment=current).generated_at

    assert run("recompute_reports") == "0 reports to recompute (scoring rule 3).\n"
    assert Report.objects.get(assessment=current).generated_at == before
    assert Report.objects.get(assessment=never_computed).status == "pending"


@pytest.mark.django_db
def test_recompute_fails_with_a_readable_message_and_a_non_zero_exit(mostly_under_rule_2):
    expected = rf"1 of 1 reports failed to recompute: assessment {mostly_under_rule_2.pk}: KeyError"

    with scoring_fails(), pytest.raises(CommandError, match=expected):
        run("recompute_reports")


@pytest.mark.django_db
def test_a_report_that_failed_to_recompute_is_tried_again_by_the_next_run(mostly_under_rule_2):
    with scoring_fails(), pytest.raises(CommandError):
        run("recompute_reports")

    output = run("recompute_reports")

    assert output == "1 report to recompute (scoring rule 3).\nRecomputed 1 of 1 reports\n"
    report = Report.objects.get(assessment=mostly_under_rule_2)
    assert (report.status, report.scoring_rule) == ("ready", 3)
