"""Builds a team's version-3 answer set from its version-2 set and a blind respondent's answers to the
changed questions (RESPONDENT-V3.md):

    python tests/maturity/calibration/method/carry_v3.py teams/NN-slug a delta.yaml

Every lifecycle key of V3-CHANGES.md's `changed_keys` and any other key the respondent answered
come from the new answers; every other question, and the scopes (version 3 did not change them), keep their
version-2 answer (a version-2 `unknown: true`
becomes the answer "unknown"). The changed questions outside the seven lifecycle areas (governance,
security, EU AI Act guidance) are carried too: they never decide a level. Writes `answers-v3-<respondent>.yaml`
beside the version-2 set, its `re_answered` listing what was answered anew.
"""

import json
import re
import sys
from pathlib import Path

import yaml

CALIBRATION = Path(__file__).resolve().parents[1]
V3 = CALIBRATION.parents[2] / "maturity" / "frameworks" / "mlops-v3.yaml"


LIFECYCLE = ("people", "data", "experiments", "training", "testing", "deployment", "monitoring")


def changed_keys() -> set[str]:
    blocks = re.findall(r"```yaml\n(.*?)```", (CALIBRATION / "V3-CHANGES.md").read_text(), re.S)
    changed = next(yaml.safe_load(block) for block in blocks if "changed_keys" in block)["changed_keys"]
    return {key for key in changed if key.split(".")[0] in LIFECYCLE}


def carry(team: Path, respondent: str, delta_path: Path) -> list[str]:
    framework = yaml.safe_load(V3.read_text())
    delta = yaml.safe_load(delta_path.read_text())
    before = yaml.safe_load((team / f"answers-v2-{respondent}.yaml").read_text())
    old, scopes, changed = before["answers"], before["scopes"], changed_keys()
    problems = sorted(set(scopes) ^ {scope["key"] for scope in framework.get("scopes", [])})
    area_scope = {area["key"]: area.get("scope") for area in framework["areas"]}
    lines, re_answered = [], []
    for question in framework["questions"]:
        key, scope = question["key"], area_scope[question["area"]]
        if scope is not None and not scopes.get(scope):
            continue
        if key in changed or key in delta["answers"]:
            answer = delta["answers"].get(key)
            re_answered.append(key)
        else:
            answer = old.get(key)
            if answer is not None and answer.get("unknown"):
                answer = {"value": "unknown", "why": answer["why"]}
        if answer is None:
            problems.append(f"{key}: no answer")
            continue
        lines.append(f"  {key}: {{value: {answer['value']}, why: {json.dumps(answer['why'], ensure_ascii=False)}}}")
    problems += sorted(set(delta["answers"]) - set(re_answered))
    if problems:
        return problems
    header = [
        f"scopes: {{{', '.join(f'{k}: {str(v).lower()}' for k, v in scopes.items())}}}",
        f"re_answered: [{', '.join(re_answered)}]",
        "answers:",
    ]
    (team / f"answers-v3-{respondent}.yaml").write_text("\n".join(header + lines) + "\n")
    return []


if __name__ == "__main__":
    team_path, respondent, delta_file = sys.argv[1:4]
    found = carry(CALIBRATION / team_path, respondent, Path(delta_file))
    if found:
        sys.exit("Not written:\n" + "\n".join(f"  - {problem}" for problem in found))
