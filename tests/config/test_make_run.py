"""`make run` serves on the port given as PORT (8000 by default): honcho hands it to the web process."""

import os
import subprocess

from tests.worker import ROOT


def dry_run(*arguments: str) -> str:
    return subprocess.run(  # noqa: S603 - a fixed command of our own
        ["make", "--no-print-directory", "-n", "run", *arguments],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={name: value for name, value in os.environ.items() if name != "PORT"},
    ).stdout


def test_it_serves_on_8000_by_default():
    assert "start --port 8000" in dry_run()


def test_it_takes_the_port_from_PORT():  # noqa: N802
    assert "start --port 8123" in dry_run("PORT=8123")


def test_the_web_process_listens_on_the_port_honcho_gives_it():
    web = next(line for line in (ROOT / "Procfile.dev").read_text().splitlines() if line.startswith("web:"))

    assert "127.0.0.1:$PORT" in web
