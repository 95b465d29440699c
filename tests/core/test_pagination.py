"""core/pagination.py: `page` is one integer (the schema's), else the 404 of a page that does not exist."""

import pytest

from tests.api_helpers import api_as

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["page=", "page=1&page=1", "page=false&page="])
def test_a_page_that_is_not_one_number_is_a_404(cast, query):
    response = api_as(cast.owner).get(f"/api/frameworks/?{query}")

    assert response.status_code == 404


def test_a_page_number_still_pages(cast):
    response = api_as(cast.owner).get("/api/frameworks/?page=1")

    assert response.status_code == 200
    assert [framework["slug"] for framework in response.json()["results"]] == ["mlops"]
