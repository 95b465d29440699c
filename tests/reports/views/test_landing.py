"""The landing page, for someone signed out: what the product is, a short tour into the model and the sample
report, and the sample's result at a glance."""

import pytest

pytestmark = pytest.mark.django_db


def test_it_offers_the_tour_the_sample_report_and_the_model(client, mlops_v3):
    response = client.get("/")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<h2 id="tour-heading">A short tour</h2>' in page
    assert 'href="/sample-report/" role="button" class="secondary">See a sample report</a>' in page
    assert 'href="/sample-report/#roadmap-heading"' in page
    assert 'href="/frameworks/"' in page
    assert "Card fraud scoring</strong>, a fictional team of Northwind Payments" in page


def test_it_reads_in_a_bounded_number_of_queries_and_answers_a_repeat_visit_with_304(
    client, mlops_v3, django_assert_max_num_queries
):
    client.get("/")  # the sample is computed once per process and day
    with django_assert_max_num_queries(1):
        response = client.get("/")

    assert client.get("/", headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_before_any_framework_is_loaded_it_offers_no_sample(client, no_frameworks):
    page = client.get("/").content.decode()

    assert "sample-report" not in page.split("</header>")[1]
