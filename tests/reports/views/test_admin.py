"""Reports in the admin: listed under the product's name, read-only, and retried through the service."""

import pytest
from django.contrib.auth import get_user_model

from reports.models import Report
from tests.reports.helpers import submit_and_compute

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, cast):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.com", "x"))
    return client


def test_it_names_the_product(admin_client):
    html = admin_client.get("/admin/").content.decode()

    assert "MLOps maturity administration" in html


def test_it_lists_reports_with_their_team(admin_client, cast):
    submit_and_compute(cast, 2)

    html = admin_client.get("/admin/reports/report/").content.decode()

    assert "Search (Acme)" in html


def test_a_report_cannot_be_changed(admin_client, cast):
    report = submit_and_compute(cast, 2).report

    html = admin_client.get(f"/admin/reports/report/{report.pk}/change/").content.decode()

    assert 'name="status"' not in html
    assert admin_client.post(f"/admin/reports/report/{report.pk}/delete/").status_code == 403


def test_retry_makes_the_chosen_reports_pending_again(admin_client, cast, django_capture_on_commit_callbacks):
    chosen, other = submit_and_compute(cast, 2).report, submit_and_compute(cast, 1).report
    Report.objects.filter(pk=chosen.pk).update(status=Report.Status.FAILED, error="boom")

    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client.post(
            "/admin/reports/report/", {"action": "retry", "_selected_action": [chosen.pk]}, follow=True
        )

    chosen.refresh_from_db()
    other.refresh_from_db()
    assert (chosen.status, chosen.error, other.status) == (Report.Status.PENDING, "", Report.Status.READY)
    assert len(callbacks) == 1  # its computation is enqueued once the retry commits
    assert "1 report(s) sent to the worker again." in response.content.decode()
