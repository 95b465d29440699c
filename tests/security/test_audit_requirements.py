"""The verdict of `make security` on pip-audit's findings."""

from scripts.audit_requirements import NOT_FOUND, verdict


def audited(name: str, vulns: list | None = None) -> dict:
    return {"name": name, "version": "1.0", "vulns": vulns or []}


def not_found(name: str) -> dict:
    return {"name": name, "skip_reason": f"{NOT_FOUND}: {name} (1.0)"}


def test_it_passes_when_nothing_is_vulnerable():
    assert verdict([audited("django"), audited("celery")]) == 0


def test_it_fails_on_a_known_vulnerability(capsys):
    vulnerability = {"id": "PYSEC-2099-1", "fix_versions": ["1.1"], "aliases": [], "description": ""}

    assert verdict([audited("django", [vulnerability]), audited("celery")]) == 1
    assert "VULNERABLE django 1.0: PYSEC-2099-1 (fixed in 1.1)" in capsys.readouterr().out


def test_it_fails_when_some_requirement_could_not_be_audited():
    assert verdict([audited("django"), not_found("private-package")]) == 1


def test_it_warns_but_passes_when_the_feed_is_out_of_reach(capsys):
    assert verdict([not_found("django"), not_found("celery")]) == 0
    assert "were NOT audited" in capsys.readouterr().err
