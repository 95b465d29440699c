from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from reports.models import Report
from reports.services import report_compute
from tests.conftest import complete_answers
from tests.factories import TeamFactory
from tests.reports.conftest import submit_answers
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
