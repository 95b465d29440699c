"""The layout of design section 7, held by the imports: dependencies point reports -> assessments ->
maturity, everything -> core, and only one place knows the default framework."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# app -> the apps of ours it may import (besides itself and config's settings through django.conf)
ALLOWED = {
    "core": set(),
    "maturity": {"core"},
    "assessments": {"core", "maturity"},
    "accounts": {"core", "maturity", "assessments"},
    "reports": {"core", "maturity", "assessments"},
    "activity": {"core", "maturity", "assessments"},
}


def imported_apps(app: str) -> set[str]:
    found = set()
    for path in (ROOT / app).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            found |= {name.split(".")[0] for name in names} & {*ALLOWED, "config"}
    return found - {app}


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_it_imports_only_the_apps_below_it(app):
    assert imported_apps(app) <= ALLOWED[app]


def test_only_the_choice_of_a_new_assessments_framework_reads_the_default_slug():
    readers = [
        path.relative_to(ROOT).as_posix()
        for app in ALLOWED
        for path in (ROOT / app).rglob("*.py")
        if "DEFAULT_FRAMEWORK_SLUG" in path.read_text()
    ]

    assert readers == ["maturity/selectors.py"]


def test_the_templates_of_assessments_name_no_url_of_reports_or_activity():
    from activity import urls as activity_urls  # noqa: PLC0415 - the URL names activity owns
    from reports import urls  # noqa: PLC0415 - the URL names reports owns

    names = {pattern.name for pattern in [*urls.urlpatterns, *activity_urls.urlpatterns]}
    named = {
        name
        for path in (ROOT / "templates" / "assessments").glob("*.html")
        for name in re.findall(r"{%\s*url\s+'([\w-]+)'", path.read_text())
    }

    assert named  # the pattern finds the templates' links
    assert not named & names
