"""Home: the user's organisations, and creating another one."""

import pytest

from assessments.models import Organization, Role

pytestmark = pytest.mark.django_db


def test_it_lists_only_the_users_organisations(client, cast):
    client.force_login(cast.member)

    response = client.get("/")

    names = [organization.name for organization in response.context["organizations"]]
    assert names == ["Acme"]
    assert cast.outsider.organizations.get().name not in response.content.decode()


def test_it_shows_role_and_team_count(client, cast):
    client.force_login(cast.viewer)

    response = client.get("/")

    organization = response.context["organizations"][0]
    assert (organization.role, organization.team_count) == (Role.VIEWER, 1)


def test_it_creates_another_organisation_owned_by_the_user(client, cast):
    client.force_login(cast.viewer)

    response = client.post("/organizations/new/", {"name": "Side project"})

    organization = Organization.objects.get(name="Side project")
    assert response.url == f"/organizations/{organization.pk}/"
    assert organization.memberships.get().user == cast.viewer


def test_it_needs_a_name(client, cast):
    client.force_login(cast.viewer)

    response = client.post("/organizations/new/", {"name": ""})

    assert response.status_code == 200
    assert not Organization.objects.filter(memberships__user=cast.viewer).exclude(name="Acme").exists()


def test_it_shows_a_signed_out_visitor_what_the_product_is_and_the_way_in(client):
    response = client.get("/")

    text = response.content.decode()
    assert response.status_code == 200
    assert "Five levels, from manual to fully automated" in text
    assert 'href="/signup/"' in text
    assert 'href="/login/"' in text


def test_it_lists_the_drafts_in_progress_with_their_progress(client, cast):
    client.force_login(cast.member)

    response = client.get("/")

    assert [draft.pk for draft in response.context["drafts"]] == [cast.assessment.pk]
    assert f'href="/assessments/{cast.assessment.pk}/"' in response.content.decode()


def test_it_offers_the_portfolio_only_to_assessors(client, cast):
    client.force_login(cast.assessor)
    assert 'href="/portfolio/"' in client.get("/").content.decode()

    client.force_login(cast.owner)
    assert 'href="/portfolio/"' not in client.get("/").content.decode()
