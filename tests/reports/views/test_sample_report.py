"""The sample report: a made-up team's report on the framework new assessments use, for anyone, built by the
report builders without a row of any organisation (tests/security/test_tenancy_matrix.py: PUBLIC)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.models import Assessment, Organization
from assessments.services.answers import AnswerInput
from reports.services import report_compute
from tests.conftest import complete_answers
from tests.reports.conftest import submit_answers

pytestmark = pytest.mark.django_db
SECRETS = ("Acme", "Search", "customer-secret-evidence")


def test_anyone_reads_it_marked_as_a_sample_with_its_three_charts(client, mlops_v3):
    response = client.get("/sample-report/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Sample report: Card fraud scoring" in page
    assert "This is a sample</h2>" in page
    assert "MLOps maturity model v3" in page
    for figure in ("figure-radar", "figure-areas", "figure-history"):
        assert f'<script id="{figure}" type="application/json">' in page
    assert response.context["headline"].level == 1


def test_it_shows_nothing_of_any_customer_and_reads_no_table_but_the_models(client, cast, mlops_v3):
    answers = complete_answers(cast.framework)
    answers[0] = AnswerInput(answers[0].question, 3, "customer-secret-evidence")
    report_compute(assessment_id=submit_answers(cast, answers, framework=cast.framework).pk)
    client.force_login(cast.owner)
    rows = (Organization.objects.count(), Assessment.objects.count())

    with CaptureQueriesContext(connection) as queries:
        page = client.get("/sample-report/").content.decode()

    assert [secret for secret in SECRETS if secret in page] == []
    read = {table for query in queries for table in re.findall(r'FROM "(\w+)"', query["sql"])}
    model = {"maturity_framework", "maturity_area", "maturity_question", "maturity_level", "maturity_scope"}
    signed_in = {"django_session", "auth_user", "assessments_membership"}  # who reads it, and the menu's portfolio
    assert read <= model | signed_in, read
    assert (Organization.objects.count(), Assessment.objects.count()) == rows  # none made up in the database


def test_it_reads_in_a_bounded_number_of_queries_and_answers_a_repeat_visit_with_304(
    client, mlops_v3, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):  # the framework, and its content the first time in the process
        client.get("/sample-report/")
    with django_assert_max_num_queries(1):
        response = client.get("/sample-report/")

    assert client.get("/sample-report/", headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_it_is_not_found_before_any_framework_is_loaded(client, no_frameworks):
    assert client.get("/sample-report/").status_code == 404
