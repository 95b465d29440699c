"""Who removes a piece of evidence: its author, an assessor or an owner; never another member (who may add
their own), nor a viewer. The page offers its Remove button to those alone."""

import pytest

from assessments.models import Evidence, Role
from assessments.services.evidence import evidence_link_add
from tests.api_helpers import api_as
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

REFUSED = "Only whoever added this evidence, an assessor or an owner removes it."


@pytest.fixture
def by_owner(cast, question_key) -> Evidence:
    return evidence_link_add(
        assessment=cast.assessment, user=cast.owner, question=question_key, url="https://ci.example/owner"
    )


@pytest.fixture
def by_member(cast, question_key) -> Evidence:
    return evidence_link_add(
        assessment=cast.assessment, user=cast.member, question=question_key, url="https://ci.example/member"
    )


def other_member(cast):
    user = UserFactory(username="mo")
    MembershipFactory(user=user, organization=cast.organization, role=Role.MEMBER)
    return user


def area_url(cast, question_key: str) -> str:
    area = cast.framework.questions.get(key=question_key).area.key
    return f"/assessments/{cast.assessment.pk}/areas/{area}/"


@pytest.mark.parametrize(("role", "status"), [("member", 403), ("viewer", 403), ("assessor", 204), ("owner", 204)])
def test_it_lets_only_an_owner_or_assessor_delete_the_evidence_of_someone_else(cast, by_owner, role, status):
    evidence = (
        by_owner
        if role != "owner"
        else evidence_link_add(
            assessment=cast.assessment, user=cast.assessor, question=by_owner.question.key, url="https://ci.example/a"
        )
    )

    response = api_as(cast.users[role]).delete(f"/api/evidence/{evidence.pk}/")

    assert response.status_code == status
    assert Evidence.objects.filter(pk=evidence.pk).exists() is (status == 403)
    if role == "member":
        assert response.json()["detail"] == REFUSED


def test_it_lets_a_member_delete_their_own_evidence(cast, by_member):
    response = api_as(cast.member).delete(f"/api/evidence/{by_member.pk}/")

    assert response.status_code == 204
    assert not Evidence.objects.filter(pk=by_member.pk).exists()


def test_it_refuses_a_member_the_evidence_of_another_member(cast, by_member):
    response = api_as(other_member(cast)).delete(f"/api/evidence/{by_member.pk}/")

    assert response.status_code == 403
    assert Evidence.objects.filter(pk=by_member.pk).exists()


@pytest.mark.parametrize(("role", "status"), [("member", 403), ("viewer", 403), ("assessor", 302)])
def test_the_page_removes_only_for_the_author_an_assessor_or_an_owner(client, cast, by_owner, role, status):
    client.force_login(cast.users[role])

    response = client.post(f"/evidence/{by_owner.pk}/remove/")

    assert response.status_code == status
    assert Evidence.objects.filter(pk=by_owner.pk).exists() is (status == 403)


def test_the_page_offers_a_member_the_remove_button_of_their_own_evidence_only(
    client, cast, by_owner, by_member, question_key
):
    client.force_login(cast.member)

    page = client.get(area_url(cast, question_key)).content.decode()

    assert f"/evidence/{by_member.pk}/remove/" in page
    assert f"/evidence/{by_owner.pk}/remove/" not in page


def test_the_page_offers_an_assessor_every_remove_button(client, cast, by_owner, by_member, question_key):
    client.force_login(cast.assessor)

    page = client.get(area_url(cast, question_key)).content.decode()

    assert f"/evidence/{by_member.pk}/remove/" in page
    assert f"/evidence/{by_owner.pk}/remove/" in page
