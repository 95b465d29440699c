"""Settings come from the environment, strictly; production defaults pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings import env_bool, env_int

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
