"""`manage.py load_framework PATH`: validates, loads atomically, and never changes a loaded version."""

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from maturity.models import Area, Framework, Level, Question
from tests.conftest import MLOPS_YAML

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_frameworks")]
ROOT = Path(__file__).resolve().parents[2]


def load(path: Path) -> str:
    out = StringIO()
    call_command("load_framework", str(path), stdout=out)
    return out.getvalue()


def test_it_loads_the_default_framework():
    output = load(MLOPS_YAML)

    framework = Framework.objects.get(slug="mlops", version=1)
    assert framework.areas.count() == 8
    assert 40 <= framework.questions.count() <= 64
    assert list(framework.levels.values_list("number", flat=True)) == [0, 1, 2, 3, 4]
    assert output.startswith("Loaded mlops v1: 8 areas")


def test_it_keeps_file_order():
    load(MLOPS_YAML)

    keys = list(Question.objects.order_by("position").values_list("key", flat=True))
    assert keys[0].startswith("people.")
    assert keys[-1].startswith("governance.")


def test_loading_identical_content_again_is_a_no_op():
    load(MLOPS_YAML)

    output = load(MLOPS_YAML)

    assert "Already loaded with identical content" in output
    assert Framework.objects.count() == 1


def test_it_refuses_other_content_under_a_loaded_version(tmp_path):
    load(MLOPS_YAML)
    changed = tmp_path / "changed.yaml"
    changed.write_text(MLOPS_YAML.read_text().replace("name: No MLOps", "name: Nothing yet"))

    with pytest.raises(CommandError, match="already loaded with different content"):
        load(changed)
    assert Level.objects.get(number=0).name == "No MLOps"


def test_a_new_version_is_a_new_record(tmp_path):
    load(MLOPS_YAML)
    newer = tmp_path / "v2.yaml"
    newer.write_text(MLOPS_YAML.read_text().replace("version: 1", "version: 2", 1))

    load(newer)

    assert list(Framework.objects.values_list("version", flat=True)) == [2, 1]


def test_a_corrupted_file_is_refused_and_nothing_is_written(tmp_path):
    corrupted = tmp_path / "corrupted.yaml"
    text = MLOPS_YAML.read_text()
    corrupted.write_text(text.replace("level: 2", "level: two", 1).replace("weight: 1", "weight: -1", 1))

    with pytest.raises(CommandError) as error:
        load(corrupted)

    assert "3 problem(s), nothing was loaded" in str(error.value)
    assert (Framework.objects.count(), Area.objects.count(), Question.objects.count()) == (0, 0, 0)


def test_it_exits_1_with_a_readable_message_and_no_traceback(tmp_path):
    corrupted = tmp_path / "corrupted.yaml"
    corrupted.write_text(MLOPS_YAML.read_text().replace("area: data", "area: dta", 1))
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}

    completed = subprocess.run(  # noqa: S603 - our own manage.py with a path we made
        [sys.executable, "manage.py", "load_framework", str(corrupted)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )

    assert completed.returncode == 1
    assert "area 'dta' is not one of the areas" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_a_missing_file_is_a_readable_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read the file"):
        load(tmp_path / "missing.yaml")


def test_it_loads_scopes_counting_areas_sources_and_replaced_keys(tmp_path):
    load(MLOPS_YAML)
    text = MLOPS_YAML.read_text().replace("version: 1", "version: 2", 1)
    text = text.replace(
        "areas:\n", "scopes:\n  - key: genai\n    question: Generative models?\n    description: LLMs.\nareas:\n", 1
    )
    newer = tmp_path / "v2.yaml"
    newer.write_text(text)
    spec_text = newer.read_text()
    first_question = spec_text.index("  - key: people.")
    newer.write_text(
        spec_text[:first_question]
        + spec_text[first_question:].replace(
            "    weight:",
            "    sources: [azure.l1.automated-builds]\n    replaces: [people.shared_repository]\n    weight:",
            1,
        )
    )

    load(newer)

    framework = Framework.objects.get(version=2)
    question = framework.questions.order_by("position").first()
    assert list(framework.scopes.values_list("key", flat=True)) == ["genai"]
    assert (question.sources, question.replaces) == (["azure.l1.automated-builds"], ["people.shared_repository"])


def test_it_refuses_a_replaced_key_the_previous_version_does_not_have(tmp_path):
    load(MLOPS_YAML)
    text = MLOPS_YAML.read_text().replace("version: 1", "version: 2", 1)
    first_question = text.index("  - key: people.")
    newer = tmp_path / "v2.yaml"
    newer.write_text(
        text[:first_question]
        + text[first_question:].replace("    weight:", "    replaces: [people.never_was]\n    weight:", 1)
    )

    message = "replaces 'people.never_was', which mlops version 1 does not have"
    with pytest.raises(CommandError, match=re.escape(message)):
        load(newer)
    assert Framework.objects.count() == 1
