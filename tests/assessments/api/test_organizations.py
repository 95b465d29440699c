import pytest

from assessments.models import Membership
from tests.api_helpers import api_as

pytestmark = pytest.mark.django_db


def test_it_lists_only_my_organisations_with_my_role(cast):
    body = api_as(cast.viewer).get("/api/organizations/").json()

    assert [(o["name"], o["role"]) for o in body["results"]] == [("Acme", "viewer")]


def test_creating_one_makes_me_its_owner(cast):
    response = api_as(cast.outsider).post("/api/organizations/", {"name": "Globex"}, format="json")

    assert response.status_code == 201
    assert response.json()["name"] == "Globex"
    assert Membership.objects.get(organization_id=response.json()["id"], user=cast.outsider).role == "owner"


def test_it_needs_a_name(cast):
    response = api_as(cast.owner).post("/api/organizations/", {"name": ""}, format="json")

    assert response.status_code == 400
    assert "name" in response.json()


def test_the_detail_is_404_for_an_outsider(cast):
    assert api_as(cast.outsider).get(f"/api/organizations/{cast.organization.pk}/").status_code == 404
    assert api_as(cast.viewer).get(f"/api/organizations/{cast.organization.pk}/").json()["role"] == "viewer"
