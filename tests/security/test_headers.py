"""Security headers and cookies: a Content-Security-Policy without inline scripts on every response (but the
standalone report's), HSTS, no framing, no sniffing, and cookies only over HTTPS."""

import re

import pytest

from tests.factories import PASSWORD, UserFactory
from tests.security.test_tenancy_matrix import ENDPOINTS, url

pytestmark = pytest.mark.django_db

STANDALONE = "assessments/<int:assessment_id>/report.html"
READS = [endpoint for endpoint in ENDPOINTS if endpoint.reads and endpoint.route != STANDALONE]
PUBLIC = ["/login/", "/signup/", "/healthz", "/api/docs/", "/api/schema/", "/admin/login/", "/no-such-page/"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


def policy(response) -> dict[str, set[str]]:
    directives = (part.strip().split() for part in response["Content-Security-Policy"].split(";"))
    return {name: set(values) for name, *values in directives}


def test_it_sends_the_strict_policy(client):
    response = client.get("/login/")

    assert policy(response) == {
        "default-src": {"'self'"},
        "script-src": {"'self'"},
        "style-src": {"'self'", "'unsafe-inline'"},  # plotly.js adds <style> and style attributes as it draws
        "img-src": {"'self'", "data:"},
        "connect-src": {"'self'"},
        "object-src": {"'none'"},
        "base-uri": {"'self'"},
        "form-action": {"'self'"},
        "frame-ancestors": {"'none'"},
    }


@pytest.mark.parametrize("endpoint", READS, ids=str)
def test_it_allows_no_inline_script_on_any_page(client, world, endpoint):
    client.force_login(world.cast.owner)

    response = client.get(url(world, endpoint))

    assert policy(response)["script-src"] == {"'self'"}
    body = b"".join(response.streaming_content) if response.streaming else response.content  # files stream
    assert not INLINE_SCRIPT.search(body.decode(errors="replace"))


@pytest.mark.parametrize("path", PUBLIC)
def test_it_allows_no_inline_script_on_public_pages(client, path):
    client.force_login(UserFactory(is_staff=True))

    response = client.get(path)

    assert policy(response)["script-src"] == {"'self'"}
    assert not INLINE_SCRIPT.search(response.content.decode())


@pytest.mark.parametrize("path", ["/", "/organizations/{organization}/", "/assessments/{assessment}/areas/data/"])
def test_it_uses_no_inline_event_handler(client, cast, path):
    client.force_login(cast.owner)

    page = client.get(path.format(organization=cast.organization.pk, assessment=cast.assessment.pk)).content.decode()

    assert not EVENT_HANDLER.search(page)


def test_it_serves_the_start_up_script_of_swagger_ui_as_a_file(client):
    client.force_login(UserFactory())

    response = client.get("/api/docs/?script=")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")


def test_it_allows_inline_scripts_in_the_standalone_report_only(client, world):
    client.force_login(world.cast.owner)

    standalone = policy(client.get(f"/assessments/{world.latest.pk}/report.html"))

    assert standalone["script-src"] == {"'self'", "'unsafe-inline'"}
    assert standalone["connect-src"] == standalone["form-action"] == standalone["frame-ancestors"] == {"'none'"}


def test_it_forbids_framing_sniffing_and_referrers_to_other_sites(client):
    response = client.get("/login/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_it_sends_hsts_over_https(client):
    response = client.get("/login/", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_it_sends_the_session_cookie_only_over_https_and_never_to_scripts(client):
    UserFactory(username="ada")

    cookie = client.post("/login/", {"username": "ada", "password": PASSWORD}, secure=True).cookies["sessionid"]

    assert (cookie["secure"], cookie["httponly"], cookie["samesite"]) == (True, True, "Lax")


def test_it_sends_the_csrf_cookie_only_over_https(client):
    cookie = client.get("/login/", secure=True).cookies["csrftoken"]

    assert cookie["secure"] is True
