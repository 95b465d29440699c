"""plotly.js as the report pages get it: our partial bundle (static/vendor/README.md), of the plotly.js version
the installed plotly package builds figures for, holding every trace type our charts draw, and sent compressed
to a browser that accepts it, as WhiteNoise serves the collected files in production and under `make run`."""

import gzip
import re

import plotly
import pytest
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client

from tests.reports.builders.test_charts import FIGURES

BUNDLE = "vendor/plotly/plotly.min.js"
FULL_BUNDLE_BYTES = 4_815_814  # the plotly package's plotly.min.js, 4.8 MB, served before


def bundle_text() -> str:
    return open(finders.find(BUNDLE), encoding="utf-8").read()


def test_it_is_the_plotly_js_of_the_installed_plotly_package():
    banner = re.match(r"/\*\*\s*\* plotly\.js v([\d.]+)", bundle_text())

    assert banner
    assert banner[1] == plotly.offline.get_plotlyjs_version()


def test_it_holds_every_trace_type_our_charts_draw():
    registered = set(re.findall(r'moduleType:"trace",name:"(\w+)"', bundle_text()))
    drawn = {trace.get("type", "scatter") for figure in FIGURES for trace in figure["data"]}

    assert drawn <= registered
    assert registered == {"scatter", "bar", "heatmap", "scatterpolar"}  # and nothing we never draw


@pytest.fixture
def collected(settings, tmp_path):
    """Production's static files: collected by the compressed manifest storage, served by WhiteNoise."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", "--verbosity", "0")
    return staticfiles_storage.url(BUNDLE)


def test_it_is_sent_gzipped_to_a_browser_that_accepts_it(collected):
    response = Client().get(collected, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    body = b"".join(response.streaming_content)

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert len(body) < 500_000 < FULL_BUNDLE_BYTES
    assert gzip.decompress(body).decode() == bundle_text()
    assert "immutable" in response["Cache-Control"]  # its name has its hash: browsers keep it


def test_it_is_sent_as_it_is_to_a_client_that_accepts_no_compression(collected):
    response = Client().get(collected)

    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert b"".join(response.streaming_content).decode() == bundle_text()
