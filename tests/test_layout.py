"""The layout of design section 7, held by the imports: dependencies point reports -> assessments ->
maturity, everything -> core, and only one place knows the default framework."""

import ast
import re
from importlib import import_module
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


def url_owners() -> dict[str, str]:
    """URL name -> the app that serves it (pages and API)."""
    modules = {app: [f"{app}.urls", f"{app}.api.urls"] for app in ALLOWED}
    return {
        pattern.name: app
        for app, names in modules.items()
        for module in names
        if (ROOT / f"{module.replace('.', '/')}.py").exists()
        for pattern in import_module(module).urlpatterns
        if pattern.name
    }


def linked_url_names(path: Path) -> list[str]:
    return re.findall(r"href=\"{%\s*url\s+'([\w-]+)'", path.read_text())


def test_only_the_sites_navigation_links_a_page_to_an_app_above_its_own():
    """An app's templates (templates/<app>/) link to its own URLs and those of the apps it may import; the links
    up to the others (from an assessment to its report or its activity) are the site's navigation, in
    templates/nav/, which the pages include (config/urls.py serves every app's URLs)."""
    owners = url_owners()
    links = {
        (app, path.relative_to(ROOT).as_posix(), name)
        for app in ALLOWED
        for path in (ROOT / "templates" / app).rglob("*.html")
        for name in linked_url_names(path)
    }
    upwards = {(path, name) for app, path, name in links if owners.get(name, app) not in {app, *ALLOWED[app]}}
    navigation = {
        owners[name] for path in (ROOT / "templates" / "nav").glob("*.html") for name in linked_url_names(path)
    }

    assert len(links) > 50  # the pattern finds the templates' links
    assert upwards == set()
    assert navigation == {"accounts", "reports", "activity"}


# The one way to slice an app (README, "Where code lives"): by layer. A layer is a module, or a package of modules by
# concern once it grows (assessments/services/, reports/builders/); a concern such as surveys is a module in each
# layer, never a sub-package with layers of its own.
LAYERS = {"api", "views", "services", "selectors", "builders", "rules", "models", "serializers", "forms"}
# Django's own places, and data.
FRAMEWORK_FOLDERS = {"migrations", "management", "commands", "frameworks"}
MAX_LINES = 400


def app_modules() -> list[Path]:
    return [path for app in ALLOWED for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts]


def test_every_package_inside_an_app_is_a_layer():
    folders = {
        path.parent.relative_to(ROOT / app).as_posix()
        for app in ALLOWED
        for path in (ROOT / app).rglob("*.py")
        if path.parent != ROOT / app
    }
    not_layers = {folder for folder in folders if not set(folder.split("/")) <= LAYERS | FRAMEWORK_FOLDERS}

    assert "services" in folders  # the walk finds the packages
    assert not_layers == set()


def test_a_layer_module_sits_in_its_layer():
    """services.py, selectors.py, ... only at an app's top (or api/), never inside another layer or concern."""
    misplaced = [
        path.relative_to(ROOT).as_posix()
        for path in app_modules()
        if path.stem in LAYERS - {"api"} and path.parent.name not in {*ALLOWED, "api"}
    ]

    assert misplaced == []


def private_imports(path: Path) -> list[str]:
    return [
        f"{node.module}.{alias.name}"
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name.startswith("_")
    ]


def test_no_module_imports_another_modules_private_names():
    found = {
        path.relative_to(ROOT).as_posix(): private_imports(path)
        for path in [*app_modules(), *(ROOT / "tests").rglob("*.py"), *(ROOT / "bench").rglob("*.py")]
        if private_imports(path)
    }

    assert found == {}


def test_no_app_file_is_over_400_lines():
    long = {
        path.relative_to(ROOT).as_posix(): lines
        for path in app_modules()
        if (lines := len(path.read_text().splitlines())) > MAX_LINES
    }

    assert long == {}


def test_no_view_module_defines_a_serializer():
    """An API's shapes live in its serializers layer (or core.api's shared error shapes), not beside its views."""
    in_views = [
        f"{path.relative_to(ROOT).as_posix()}: {node.name}"
        for path in app_modules()
        if "views" in path.parts or path.stem == "views"
        for node in ast.parse(path.read_text()).body
        if isinstance(node, ast.ClassDef) and node.name.endswith("Serializer")
    ]

    assert in_views == []
