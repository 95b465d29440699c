"""`manage.py framework_diff SLUG OLDER NEWER`: what changed between two loaded versions."""

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def diff(*args) -> str:
    out = StringIO()
    call_command("framework_diff", *args, stdout=out)
    return out.getvalue()


def section(output: str, title: str) -> list[str]:
    """The lines of one section: from its title to the next blank line."""
    lines = output.split(f"\n{title} (", 1)[1].split("\n\n", 1)[0].splitlines()
    return [line.strip() for line in lines[1:]]


def test_it_prints_what_version_two_added_removed_split_and_reworded(mlops_v2):
    output = diff("mlops", "1", "2")

    assert output.startswith("mlops 1 -> 2: 55 -> ")
    assert any(line.startswith("+ security.model_signing (security, level 4): ") for line in section(output, "Added"))
    assert [line.split(" (")[0] for line in section(output, "Removed")] == [
        "- people.documented_handover",
        "- experiments.config_files",
        "- training.documented_steps",
        "- deployment.documented_release",
    ]
    assert "people.on_call -> people.on_call_rota, people.model_runbooks" in section(output, "Split")
    assert section(output, "Merged") == []
    moved = [line for line in section(output, "Reworded or moved") if line.startswith("testing.model_validation:")]
    assert moved == [
        (
            "testing.model_validation: key was experiments.automated_comparison; area experiments -> testing; "
            "level 4 -> 2; weight 2 -> 3; reworded; guidance revised"
        )
    ]


def test_every_question_of_both_versions_is_in_one_section(mlops_v2):
    output = diff("mlops", "1", "2")

    sections = ("Added", "Removed", "Split", "Merged", "Reworded or moved", "Unchanged")
    counts = {title: int(output.split(f"\n{title} (", 1)[1].split(")", 1)[0]) for title in sections}
    assert counts["Added"] + counts["Reworded or moved"] + counts["Unchanged"] + 2 * counts["Split"] == 129
    assert counts["Removed"] + counts["Reworded or moved"] + counts["Unchanged"] + counts["Split"] == 55


def test_it_refuses_a_version_that_is_not_loaded(mlops_framework):
    with pytest.raises(CommandError, match=r"mlops version\(s\) 2 not loaded"):
        diff("mlops", "1", "2")


def test_it_refuses_versions_in_the_wrong_order(mlops_v2):
    with pytest.raises(CommandError, match="the first version must be the earlier one"):
        diff("mlops", "2", "1")


def test_it_exits_non_zero_with_a_readable_message_from_the_shell():
    result = subprocess.run(
        [sys.executable, "manage.py", "framework_diff", "mlops", "one", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"DEBUG": "1", "PATH": "/usr/bin:/bin"},
        check=False,
    )

    assert result.returncode != 0
    assert "invalid int value: 'one'" in result.stderr


def test_it_prints_what_version_three_added_removed_and_reworded(mlops_v3):
    output = diff("mlops", "2", "3")

    assert output.startswith("mlops 2 -> 3: 129 -> 129 questions")
    assert [line.split(" (")[0] for line in section(output, "Added")] == [
        "+ testing.release_acceptance_check",
        "+ monitoring.performance_review",
    ]
    assert [line.split(" (")[0] for line in section(output, "Removed")] == [
        "- testing.single_example_debugging",
        "- monitoring.dependency_notifications",
    ]
    assert (section(output, "Split"), section(output, "Merged")) == ([], [])
    reworded = section(output, "Reworded or moved")
    assert "monitoring.label_feedback: reworded; guidance revised" in reworded
    assert "training.model_versioning: guidance revised" in reworded
    assert not any("level" in line or "weight" in line or "key was" in line for line in reworded)
    assert "experiments.tracking" in section(output, "Unchanged")
