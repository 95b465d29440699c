import pytest

from reports.services import report_compute
from tests.conftest import complete_answers
from tests.reports.conftest import submit_answers

pytestmark = pytest.mark.django_db


def test_a_dashboard_polls_while_a_report_is_computed(client, cast):
    submit_answers(cast, complete_answers(cast.framework))
    client.force_login(cast.viewer)

    html = client.get(f"/organizations/{cast.organization.pk}/dashboard/").content.decode()

    assert "1 report being computed; this page updates by itself." in html
    assert f'hx-get="/dashboards/progress/?organization={cast.organization.pk}"' in html


def test_the_progress_asks_for_a_reload_once_every_report_is_done(client, cast):
    assessment = submit_answers(cast, complete_answers(cast.framework))
    client.force_login(cast.viewer)
    path = f"/dashboards/progress/?team={cast.team.pk}"
    pending = client.get(path, HTTP_HX_REQUEST="true")

    report_compute(assessment_id=assessment.pk)
    done = client.get(path, HTTP_HX_REQUEST="true")

    assert "1 report being computed" in pending.content.decode()
    assert "HX-Refresh" not in pending
    assert done["HX-Refresh"] == "true"


def test_a_settled_dashboard_does_not_poll(client, cast):
    report_compute(assessment_id=submit_answers(cast, complete_answers(cast.framework)).pk)
    client.force_login(cast.viewer)

    assert "hx-trigger" not in client.get(f"/teams/{cast.team.pk}/dashboard/").content.decode()


@pytest.mark.parametrize("query", ["team={team}", "organization={organization}"])
def test_outsiders_get_404(client, cast, query):
    client.force_login(cast.outsider)
    query = query.format(team=cast.team.pk, organization=cast.organization.pk)

    assert client.get(f"/dashboards/progress/?{query}").status_code == 404


def test_it_needs_a_team_or_an_organisation(client, cast):
    client.force_login(cast.viewer)

    assert client.get("/dashboards/progress/?team=x").status_code == 400
