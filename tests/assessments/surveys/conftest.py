import pytest

from assessments.models import Assessment, Role
from assessments.services.answers import AnswerInput
from assessments.services.surveys import respondent_add, respondent_answers_save, respondent_submit
from maturity.selectors import framework_content
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def survey(cast) -> Assessment:
    """The cast's draft in survey mode, named responses."""
    cast.assessment.mode = Assessment.Mode.SURVEY
    cast.assessment.save(update_fields=["mode"])
    return cast.assessment


@pytest.fixture
def anonymous(survey) -> Assessment:
    """The survey with anonymous responses."""
    survey.anonymous_responses = True
    survey.save(update_fields=["anonymous_responses"])
    return survey


def member(cast, username: str, role: str = Role.MEMBER):
    user = UserFactory(username=username, email=f"{username}@example.com")
    MembershipFactory(user=user, organization=cast.organization, role=role)
    return user


def responded(cast, survey, user, answers: dict, *, submit: bool = True):
    """`user` added as a respondent, answering {question key: value or (value, comment)}, and submitting."""
    respondent = respondent_add(assessment=survey, added_by=cast.owner, username=user.username)
    items = [AnswerInput(key, *(answer if isinstance(answer, tuple) else (answer,))) for key, answer in answers.items()]
    respondent_answers_save(respondent=respondent, items=items)
    if submit:
        respondent_submit(respondent=respondent)
    return respondent


def first_keys(framework, count: int) -> list[str]:
    """The first `count` questions in framework order."""
    return [question.key for question in framework_content(framework=framework).questions[:count]]
