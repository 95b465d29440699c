"""Writes of an assessment's answers: checked together, saved in one upsert, recorded in the audit trail."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils import timezone

from assessments.errors import AnswersInvalidError
from assessments.models import Answer, Assessment, answer_fields
from assessments.services.assessments import lock_draft
from assessments.signals import rows_saved_in_bulk
from maturity.scoring import NA
from maturity.selectors import framework_content


@dataclass(frozen=True)
class AnswerInput:
    """One answer as a page's form or the API's serializer parsed it: `value` an AnswerScale value (0..3, "na",
    "unknown") and `comment` text within inputs.MAX_COMMENT_LENGTH, unless `shape_errors` (field -> messages)
    says what was wrong with them instead; the service adds what its rules refuse and reports both together."""

    question: str | None
    value: int | str | None = None
    comment: str = ""
    shape_errors: Mapping[str, list[str]] = field(default_factory=dict)


def answers_save(*, assessment: Assessment, user: AbstractBaseUser, items: Sequence[AnswerInput]) -> None:
    """Upserts the given answers only; all or nothing: any bad item and nothing changes."""
    question_ids = framework_content(framework=assessment.framework).question_ids
    answers_check(items, question_ids)
    with transaction.atomic():
        lock_draft(assessment)
        upsert_answers(
            owner="assessment",
            existing=assessment.answers.all(),
            new=lambda **fields: Answer(assessment=assessment, answered_by=user, **fields),
            also_update=("answered_by",),
            items=items,
            question_ids=question_ids,
            actor=user,
            place=(assessment.team.organization_id, assessment.pk),
        )


def upsert_answers(
    *,
    owner: str,
    existing: QuerySet,
    new: Callable[..., Model],
    items: Sequence[AnswerInput],
    question_ids: Mapping[str, int],
    actor: AbstractBaseUser | None,
    place: tuple[int, int],
    also_update: tuple[str, ...] = (),
) -> None:
    """Inserts or updates one row per validated item in one query: an Answer of an assessment, or a
    RespondentAnswer of a respondent (`owner`, the rows' key to it, with the question; `new` builds a row
    from its value fields; `existing` is the owner's rows, read once before for the audit trail, where
    the rows that changed are recorded, placed in `place`: organisation id, assessment id)."""
    ids = [question_ids[item.question] for item in items]
    before = {answer.question_id: answer for answer in existing.filter(question_id__in=ids)}
    now = timezone.now()
    rows = [
        new(question_id=question_ids[item.question], **answer_fields(item.value), comment=item.comment, updated_at=now)
        for item in items
    ]
    saved = existing.model.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=[owner, "question"],
        update_fields=["value", "not_applicable", "unknown", "comment", "updated_at", *also_update],
    )
    organization_id, assessment_id = place
    rows_saved_in_bulk.send(
        sender=existing.model,
        before=before,
        after=saved,
        actor=actor,
        organization_id=organization_id,
        assessment_id=assessment_id,
    )


def answers_check(items: Sequence[AnswerInput], question_ids: Mapping[str, int]) -> None:
    """Raises AnswersInvalidError naming every bad item, before anything is saved."""
    problems = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        errors = _answer_errors(item, question_ids, seen)
        seen.add(item.question)
        if errors:
            problems.append({"index": index, "question": item.question, "errors": errors})
    if problems:
        raise AnswersInvalidError(problems)


def _answer_errors(item: AnswerInput, question_ids: Mapping[str, int], seen: set[str]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if item.question not in question_ids:
        errors["question"] = ["Unknown question for this assessment's framework version."]
    elif item.question in seen:
        errors["question"] = ["Answered twice in the same request."]
    errors |= item.shape_errors
    if item.value == NA and "comment" not in errors and not item.comment.strip():
        errors["comment"] = [f'"{NA}" needs a comment saying why the practice does not apply.']
    return errors
