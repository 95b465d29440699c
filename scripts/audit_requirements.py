"""pip-audit over the pinned runtime requirements (`make security`).

Fails on any known vulnerability, and on any requirement that could not be audited. One failure is
tolerated, loudly: PyPI's vulnerability feed out of reach, which pip-audit reports as every single
requirement "not found on PyPI" (machines that reach package indexes only, such as our CI, get a 404
from the per-version JSON API it reads). The requirements are then not audited, and this says so.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_FOUND = "Dependency not found on PyPI and could not be audited"


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "audit.json"
        command = [
            str(Path(sys.executable).with_name("pip-audit")),
            "-r",
            "requirements.txt",
            "--progress-spinner",
            "off",
            "--vulnerability-service",
            "pypi",
            "--format",
            "json",
            "--output",
            str(report),
        ]
        # Its own summary ("No known vulnerabilities found") would be wrong when nothing was audited.
        audit = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603
        if not report.exists():
            print(audit.stderr, f"pip-audit failed (exit {audit.returncode}) before auditing.", file=sys.stderr)
            return audit.returncode or 1
        dependencies = json.loads(report.read_text())["dependencies"]
    return verdict(dependencies)


def verdict(dependencies: list[dict]) -> int:
    vulnerable = [dependency for dependency in dependencies if dependency.get("vulns")]
    skipped = [dependency for dependency in dependencies if "skip_reason" in dependency]
    for dependency in vulnerable:
        for vulnerability in dependency["vulns"]:
            fixed = ", ".join(vulnerability["fix_versions"]) or "no fixed version yet"
            print(f"VULNERABLE {dependency['name']} {dependency['version']}: {vulnerability['id']} (fixed in {fixed})")
    if vulnerable:
        return 1
    if skipped and len(skipped) == len(dependencies) and all(NOT_FOUND in d["skip_reason"] for d in skipped):
        print(
            "WARNING: pip-audit could not reach PyPI's vulnerability feed from this machine (every requirement "
            f"was 'not found on PyPI'): the {len(dependencies)} pinned requirements were NOT audited. "
            "Run `make security` where pypi.org/pypi/<name>/<version>/json answers to audit them.",
            file=sys.stderr,
        )
        return 0
    for dependency in skipped:
        print(f"NOT AUDITED {dependency['name']}: {dependency['skip_reason']}", file=sys.stderr)
    if skipped:
        return 1
    print(f"pip-audit: no known vulnerabilities in the {len(dependencies)} pinned requirements.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
