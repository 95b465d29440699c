"""Real processes and real failures: nothing submitted is lost, nothing is computed twice."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.request
from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import OperationalError, close_old_connections, connection, transaction

from assessments.models import Answer, Assessment
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_start
from reports.models import Report
from tests.api_helpers import api_as, token_for
from tests.conftest import complete_answers
from tests.factories import TeamFactory
from tests.worker import ROOT, running_worker, shared_database_url, wait_for


def report_row(assessment_id: int) -> Report | None:
    close_old_connections()
    return Report.objects.filter(assessment_id=assessment_id).first()


@pytest.mark.django_db(transaction=True)
@pytest.mark.worker
def test_a_worker_killed_mid_report_leaves_it_to_a_later_worker_to_compute(cast, tmp_path):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    api_as(cast.member).post(f"/api/assessments/{cast.assessment.pk}/submit/")
    # Hold the report's row so the worker's claim blocks inside the task: the moment to kill it.
    with transaction.atomic():
        Report.objects.select_for_update().get(assessment=cast.assessment)
        with running_worker() as doomed:
            log = _tail(doomed)
            assert wait_for(lambda: "reports.compute_report" in "".join(log), timeout=60), "".join(log)
            assert wait_for(lambda: _claims_in_flight() != 0, timeout=30), "the worker's claim never reached the lock"
            os.killpg(doomed.pid, signal.SIGKILL)
            doomed.wait(timeout=10)
    # PostgreSQL: the dead worker's session still has its claim to run, and does once the row is free (a
    # session notices its client is gone only when it next talks to it, unless the server checks for dead
    # clients): the report is left "running" by nobody. SQLite: the waiting write died with the worker's
    # process, and the report is still pending.
    assert wait_for(lambda: not _claims_in_flight(), timeout=30), "the dead worker's claim is still waiting"
    left = report_row(cast.assessment.pk)
    assert left.status in {"running", "pending"}
    claims = left.attempts

    beat = ("--beat", "--schedule", str(tmp_path / "beat-schedule"))
    with running_worker(*beat, REPORT_STALE_AFTER_SECONDS="1") as survivor:
        ready = wait_for(lambda: report_row(cast.assessment.pk).status == "ready", timeout=90)

    assert ready, survivor.stdout.read()[-3000:]
    assert report_row(cast.assessment.pk).attempts == claims + 1  # the survivor's claim, and it computed


def _claims_in_flight() -> int | None:
    """How many other sessions are running an UPDATE, waiting for its row lock or not yet done with it
    (PostgreSQL); None on SQLite, whose lock is the whole file and whose waiting writer lives and dies with
    the worker's process."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # inside a transaction, the view is a snapshot
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE state = 'active' AND query LIKE 'UPDATE%%' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def _tail(process) -> list[str]:
    """The process's output lines, collected by a thread as they come."""
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(iter(process.stdout.readline, "")), daemon=True).start()
    return lines


@pytest.mark.django_db
def test_a_database_refusing_the_submit_keeps_the_draft_and_says_so(client, cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    client.force_login(cast.member)
    refused = OperationalError("server closed the connection unexpectedly")

    with mock.patch("reports.services.Report.objects.update_or_create", side_effect=refused):
        page = client.post(f"/assessments/{cast.assessment.pk}/submit/", {"confirm": "on"})
        api = api_as(cast.member).post(f"/api/assessments/{cast.assessment.pk}/submit/")

    assert (page.status_code, api.status_code) == (503, 503)
    assert "nothing was lost" in page.content.decode()
    assert Assessment.objects.get().status == "draft"
    assert Answer.objects.filter(assessment=cast.assessment).count() == cast.framework.questions.count()
    assert not Report.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_people_answering_at_once_keep_both_answers(cast):
    keys = list(cast.framework.questions.values_list("key", flat=True))
    first, second = keys[: len(keys) // 2], keys[len(keys) // 2 :]
    barrier = threading.Barrier(2)
    statuses = []

    def answer(user, batch):
        barrier.wait()
        try:
            body = [{"question": key, "value": 2, "comment": user.username} for key in batch]
            statuses.append(
                api_as(user).patch(f"/api/assessments/{cast.assessment.pk}/answers/", body, format="json").status_code
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=answer, args=args) for args in ((cast.member, first), (cast.owner, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert statuses == [200, 200]
    comments = dict(Answer.objects.values_list("question__key", "comment"))
    assert [comments[key] for key in first] == ["member"] * len(first)
    assert [comments[key] for key in second] == ["owner"] * len(second)


def free_port() -> int:
    """A loopback port that nothing listens on, so that these servers clash neither with the machine's own
    nor with another run's. (Another process could take it before our server binds it: unlikely enough.)"""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def private_redis(port: int):
    process = subprocess.Popen(  # noqa: S603 - the machine's redis-server, on loopback
        [shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(lambda: _answers(port), timeout=10)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


def _answers(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@contextmanager
def web_server(port: int, env: dict):
    process = subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        assert wait_for(lambda: _answers(port), timeout=30)
        yield process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


@pytest.mark.django_db(transaction=True)
@pytest.mark.worker
def test_submissions_while_the_broker_is_down_get_their_reports_once_it_is_back(cast, tmp_path):
    web_port, redis_port = free_port(), free_port()
    broker = f"redis://127.0.0.1:{redis_port}/0"
    env = {"DATABASE_URL": shared_database_url(), "REDIS_URL": broker, "DEBUG": "1"}
    token = token_for(cast.member)
    teams = (TeamFactory(organization=cast.organization) for _ in range(2))  # one draft per team
    more = (assessment_start(framework=cast.framework, team=team, user=cast.member) for team in teams)
    drafts = [cast.assessment, *more]
    for draft in drafts:
        answers_save(assessment=draft, user=cast.member, items=complete_answers(cast.framework))

    with web_server(web_port, env):
        with private_redis(redis_port):
            pass  # the broker existed, and now it is down
        statuses = [_post(f"http://127.0.0.1:{web_port}/api/assessments/{d.pk}/submit/", token) for d in drafts]
    assert statuses == [202, 202, 202]
    assert {report_row(d.pk).status for d in drafts} == {"pending"}

    beat = ("--beat", "--schedule", str(tmp_path / "beat-schedule"))
    with private_redis(redis_port), running_worker(*beat, REDIS_URL=broker, REPORT_STALE_AFTER_SECONDS="1") as worker:
        ready = wait_for(lambda: {report_row(d.pk).status for d in drafts} == {"ready"}, timeout=90)

    assert ready, worker.stdout.read()[-3000:]


def _post(url: str, token: str) -> int:
    request = urllib.request.Request(url, method="POST", headers={"Authorization": f"Token {token}"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our own server on loopback
        return response.status
