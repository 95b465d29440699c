"""Service functions of the assessments app, below the API and the pages."""

import pytest

from assessments.errors import AnswersInvalidError, AssessmentIncompleteError, AssessmentNotDraftError, LastOwnerError
from assessments.models import Answer, Assessment
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_start, assessment_submit
from assessments.services.organizations import membership_set
from maturity.selectors import framework_for_new_assessment
from tests.conftest import complete_answers
from tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


def test_it_upserts_only_the_given_answers(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput("people.shared_repository", 1)])

    answers_save(
        assessment=cast.assessment,
        user=cast.owner,
        items=[
            AnswerInput("people.shared_repository", 3, "repo link"),
            AnswerInput("data.source_catalogue", "na", "no data"),
        ],
    )

    answers = {a.question.key: a for a in cast.assessment.answers.select_related("question", "answered_by")}
    assert set(answers) == {"people.shared_repository", "data.source_catalogue"}
    assert (answers["people.shared_repository"].value, answers["people.shared_repository"].comment) == (3, "repo link")
    assert answers["people.shared_repository"].answered_by == cast.owner
    assert answers["data.source_catalogue"].not_applicable


def test_a_bad_batch_changes_nothing_and_names_every_bad_item(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput("people.shared_repository", 1)])

    with pytest.raises(AnswersInvalidError) as error:
        answers_save(
            assessment=cast.assessment,
            user=cast.member,
            items=[
                AnswerInput("people.shared_repository", 3),
                AnswerInput("people.nope", 1),
                AnswerInput("data.source_catalogue", None, shape_errors={"value": ["Must be an integer."]}),
                AnswerInput("data.versioning", "na", ""),
                AnswerInput("people.shared_repository", 2),
            ],
        )

    assert [(p["index"], p["question"], sorted(p["errors"])) for p in error.value.problems] == [
        (1, "people.nope", ["question"]),
        (2, "data.source_catalogue", ["value"]),
        (3, "data.versioning", ["comment"]),
        (4, "people.shared_repository", ["question"]),
    ]
    assert Answer.objects.get().value == 1


def test_submit_needs_every_required_question_answered(cast):
    """Governance stops at level 2 without its level-3 practice: that one is required, its level 4 is not."""
    items = complete_answers(cast.framework)
    answers_save(assessment=cast.assessment, user=cast.member, items=items[:-2])

    with pytest.raises(AssessmentIncompleteError) as error:
        assessment_submit(assessment=cast.assessment, user=cast.member)

    assert [q.level for q in cast.framework.questions.filter(key__in=[i.question for i in items[-2:]])] == [3, 4]
    assert error.value.unanswered == [items[-2].question]
    assert Assessment.objects.get().status == "draft"


def test_submit_freezes_the_assessment(cast):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))

    assessment_submit(assessment=cast.assessment, user=cast.member)

    cast.assessment.refresh_from_db()
    assert (cast.assessment.status, cast.assessment.submitted_by) == ("submitted", cast.member)
    with pytest.raises(AssessmentNotDraftError):
        answers_save(assessment=cast.assessment, user=cast.member, items=[AnswerInput("people.shared_repository", 0)])
    with pytest.raises(AssessmentNotDraftError):
        assessment_submit(assessment=cast.assessment, user=cast.member)


def test_carry_forward_copies_the_last_submitted_answers_and_comments(cast):
    items = complete_answers(cast.framework, value=1)
    items[0] = AnswerInput(items[0].question, 3, "see the wiki")
    answers_save(assessment=cast.assessment, user=cast.member, items=items)
    assessment_submit(assessment=cast.assessment, user=cast.member)

    follow_up = assessment_start(
        framework=framework_for_new_assessment(), team=cast.team, user=cast.owner, carry_forward=True
    )

    copied = {a.question.key: (a.value, a.comment, a.answered_by) for a in follow_up.answers.select_related("question")}
    assert len(copied) == len(items)
    assert copied[items[0].question] == (3, "see the wiki", cast.owner)


def test_carry_forward_without_a_previous_assessment_starts_blank(cast):
    follow_up = assessment_start(
        framework=framework_for_new_assessment(), team=TeamFactory(), user=cast.owner, carry_forward=True
    )

    assert follow_up.answers.count() == 0


def test_the_last_owner_cannot_step_down(cast):
    with pytest.raises(LastOwnerError):
        membership_set(organization=cast.organization, user=cast.owner, role="viewer")

    membership_set(organization=cast.organization, user=cast.member, role="owner")
    membership_set(organization=cast.organization, user=cast.owner, role="viewer")
    assert cast.organization.memberships.get(user=cast.owner).role == "viewer"


def test_carry_forward_onto_a_new_version_leaves_new_questions_unanswered(cast, two_framework_versions):
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=cast.assessment, user=cast.member)

    follow_up = assessment_start(
        framework=framework_for_new_assessment(), team=cast.team, user=cast.owner, carry_forward=True
    )

    assert follow_up.framework == two_framework_versions
    answered = set(follow_up.answers.values_list("question__key", flat=True))
    assert "data.only_in_v2" not in answered
    assert len(answered) == cast.framework.questions.count()
