"""The bodies survey mode's API builds by hand are the ones its schema documents."""

import pytest

from assessments.api.serializers.surveys import ConsensusOutputSerializer, MyAnswersOutputSerializer
from tests.assessments.surveys.conftest import first_keys, member, responded
from tests.documented import assert_documented

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("anonymous", [False, True])
def test_it_documents_the_consensus(client, cast, survey, anonymous):
    survey.anonymous_responses = anonymous
    survey.save(update_fields=["anonymous_responses"])
    q1, q2 = first_keys(cast.framework, 2)
    responded(cast, survey, member(cast, "ada"), {q1: (0, "none"), q2: ("na", "not ours")})
    responded(cast, survey, member(cast, "bob"), {q1: 3})
    client.force_login(cast.owner)

    assert_documented(client.get(f"/api/assessments/{survey.pk}/consensus/").json(), ConsensusOutputSerializer())


def test_it_documents_my_answers(client, cast, survey):
    (q1,) = first_keys(cast.framework, 1)
    responded(cast, survey, cast.member, {q1: 2}, submit=False)
    client.force_login(cast.member)

    assert_documented(client.get(f"/api/assessments/{survey.pk}/my-answers/").json(), MyAnswersOutputSerializer())
