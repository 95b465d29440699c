"""Settings come from the environment, strictly; production defaults pass `check --deploy`."""

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings import env_bool, env_int, installation_secret_key

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("yes", True), ("ON", True), ("0", False), ("off", False)])
def test_it_reads_booleans(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_FLAG", raw)

    assert env_bool("SOME_FLAG", default=not expected) is expected


def test_it_refuses_a_malformed_boolean(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "maybe")

    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG='maybe' is not a boolean"):
        env_bool("SOME_FLAG", default=False)


def test_it_refuses_a_malformed_integer(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "12s")

    with pytest.raises(ImproperlyConfigured, match="SOME_NUMBER='12s' is not an integer"):
        env_int("SOME_NUMBER", default=1)


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    unset = {"DEBUG", "SECRET_KEY", "SECURE_SSL_REDIRECT", "DATABASE_PREPARED_STATEMENTS"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    completed = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="a-real-production-secret-" + "x7Q!p2#Lm9" * 5,
        ALLOWED_HOSTS="maturity.example.com",
    )

    assert completed.returncode == 0, completed.stderr
    assert "no issues" in completed.stdout


def test_it_refuses_to_start_without_a_secret_when_debug_is_off():
    completed = manage("check", DEBUG="0")

    assert completed.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in completed.stderr


def database_options(**env: str) -> str:
    show = "from django.conf import settings; print(settings.DATABASES['default'].get('OPTIONS', {}))"
    completed = manage("shell", "--no-imports", "-c", show, DEBUG="1", **env)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip()


def test_postgresql_prepares_repeated_queries_when_asked_keeping_the_urls_options():
    url = "postgres://postgres@127.0.0.1:5432/unused?sslmode=require"
    prepared = "{'sslmode': 'require', 'server_side_binding': True, 'prepare_threshold': 5}"

    assert database_options(DATABASE_URL=url, DATABASE_PREPARED_STATEMENTS="1") == prepared
    assert database_options(DATABASE_URL=url) == "{'sslmode': 'require'}"
    sqlite = "sqlite:///tmp/unused.sqlite3"
    assert "server_side_binding" not in database_options(DATABASE_URL=sqlite, DATABASE_PREPARED_STATEMENTS="1")


SQLITE_SAFE = {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "transaction_mode": "IMMEDIATE"}


@pytest.mark.parametrize("url", ["", "sqlite:///tmp/unused.sqlite3"])
def test_every_sqlite_database_waits_for_the_write_lock_instead_of_failing(url):
    options = database_options(DATABASE_URL=url)

    for name, value in SQLITE_SAFE.items():
        assert f"'{name}': '{value}'" in options
    assert "'timeout': 20" in options


# Each of two processes reads a counter, waits until both have read, and writes it back plus one, in one
# transaction: what the web process and the worker do to the same rows. Deferred transactions without a busy
# timeout make the second writer fail with "database is locked" instead of waiting for the first.
READ_THEN_WRITE = """
import pathlib, time
from django.db import connection, transaction
here = pathlib.Path({folder!r})
(here / "ready-{name}").touch()
while len(list(here.glob("ready-*"))) < 2:
    time.sleep(0.05)
with transaction.atomic():
    with connection.cursor() as cursor:
        cursor.execute("SELECT n FROM counter")
        time.sleep(0.5)
        cursor.execute("UPDATE counter SET n = n + 1")
"""


def test_two_processes_writing_one_sqlite_url_database_at_once_both_succeed(tmp_path):
    database = tmp_path / "db.sqlite3"
    with sqlite3.connect(database) as setup:
        setup.execute("CREATE TABLE counter (n INTEGER)")
        setup.execute("INSERT INTO counter VALUES (0)")
    setup.close()
    env = {**os.environ, "DEBUG": "1", "SECRET_KEY": "x" * 50, "DATABASE_URL": f"sqlite:///{database}"}
    writers = [
        subprocess.Popen(  # noqa: S603 - our own manage.py
            [
                sys.executable,
                "manage.py",
                "shell",
                "--no-imports",
                "-c",
                READ_THEN_WRITE.format(folder=str(tmp_path), name=name),
            ],
            cwd=ROOT,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("web", "worker")
    ]
    errors = [writer.communicate(timeout=120)[1] for writer in writers]

    assert [writer.returncode for writer in writers] == [0, 0], errors
    with sqlite3.connect(database) as check:
        assert check.execute("SELECT n FROM counter").fetchone() == (2,)
    check.close()


def test_with_debug_on_and_no_secret_it_makes_one_for_this_installation_and_keeps_it():
    show = "from django.conf import settings; print(settings.SECRET_KEY)"

    first, second = (manage("shell", "--no-imports", "-c", show, DEBUG="1") for _ in range(2))

    stored = ROOT / ".data" / "secret_key"
    assert first.stdout.strip() == second.stdout.strip() == stored.read_text()
    assert len(stored.read_text()) >= 50
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600


def test_the_installation_secret_is_made_once_readable_only_by_its_owner(tmp_path):
    path = tmp_path / "secret_key"

    made, reused = installation_secret_key(path), installation_secret_key(path)

    assert made == reused == path.read_text()
    assert made != installation_secret_key(tmp_path / "another")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_api_tokens_last_the_days_the_environment_says():
    show = "from django.conf import settings; print(settings.REST_KNOX['TOKEN_TTL'])"

    completed = manage("shell", "--no-imports", "-c", show, DEBUG="1", API_TOKEN_TTL_DAYS="7")

    assert completed.stdout.strip() == "7 days, 0:00:00"


def test_it_refuses_api_tokens_that_never_expire():
    completed = manage("check", DEBUG="1", API_TOKEN_TTL_DAYS="0")

    assert completed.returncode != 0
    assert "API_TOKEN_TTL_DAYS=0 must be 1 or more" in completed.stderr
