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

NO_ANSWER_MESSAGE = "Choose an answer."
NOT_APPLICABLE_MESSAGE = f'"{NA}" needs a comment saying why the practice does not apply.'


@dataclass(frozen=True)
class AnswerInput:
    """One answer as a page's form or the API's serializer parsed it: `value` an AnswerScale value (0..3, "na",
    "unknown") and `comment` text within inputs.MAX_COMMENT_LENGTH, unless `shape_errors` (field -> messages)
    says what was wrong with them instead; the service adds what its rules refuse and reports both together.
    `value` None: the comment alone, which only the shared answers keep (answers_save)."""

    question: str | None
    value: int | str | None = None
    comment: str = ""
    shape_errors: Mapping[str, list[str]] = field(default_factory=dict)


def answers_save(*, assessment: Assessment, user: AbstractBaseUser, items: Sequence[AnswerInput]) -> None:
    """Upserts the given answers only; all or nothing: any bad item and nothing changes. An item without a value
    sets its question's comment alone (design section 2): written before the answer, it is kept as a note and the
    question stays unanswered; an answered question keeps its answer (a "na" one, its reason: never blank)."""
    question_ids = framework_content(framework=assessment.framework).question_ids
    answers_check(items, question_ids, comment_alone=True)
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
    the rows that changed are recorded, placed in `place`: organisation id, assessment id). An item without a
    value keeps the row's answer, if any, and changes its comment; blank, on a question with no row, it is
    nothing to keep."""
    ids = [question_ids[item.question] for item in items]
    before = {answer.question_id: answer for answer in existing.filter(question_id__in=ids)}
    _check_reasons_kept(items, [before.get(question_id) for question_id in ids])
    now = timezone.now()
    rows = [
        new(
            question_id=question_id, **_answer_kept(item, before.get(question_id)), comment=item.comment, updated_at=now
        )
        for item, question_id in zip(items, ids, strict=True)
        if item.value is not None or item.comment or question_id in before
    ]
    if not rows:
        return
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


def _answer_kept(item: AnswerInput, old: Model | None) -> dict:
    """The answer fields of the row an item writes: its own value's, or without one, the row's as it was."""
    if item.value is not None:
        return answer_fields(item.value)
    if old is None:
        return {"value": None, "not_applicable": False, "unknown": False}
    return {"value": old.value, "not_applicable": old.not_applicable, "unknown": old.unknown}


def _check_reasons_kept(items: Sequence[AnswerInput], old_rows: Sequence[Model | None]) -> None:
    """A comment alone may not blank the reason of a "not applicable" answer."""
    problems = [
        {"index": index, "question": item.question, "errors": {"comment": [NOT_APPLICABLE_MESSAGE]}}
        for index, (item, old) in enumerate(zip(items, old_rows, strict=True))
        if item.value is None and not item.comment.strip() and old is not None and old.not_applicable
    ]
    if problems:
        raise AnswersInvalidError(problems)


def answers_check(
    items: Sequence[AnswerInput], question_ids: Mapping[str, int], *, comment_alone: bool = False
) -> None:
    """Raises AnswersInvalidError naming every bad item, before anything is saved. `comment_alone`: an item may
    come without a value (answers_save); elsewhere it needs one."""
    problems = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        errors = _answer_errors(item, question_ids, seen)
        if item.value is None and not comment_alone and "value" not in errors:
            errors["value"] = [NO_ANSWER_MESSAGE]
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
        errors["comment"] = [NOT_APPLICABLE_MESSAGE]
    return errors
