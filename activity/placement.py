"""Where an entry belongs: the organisation and the assessment of the object it records, so that both logs
are one indexed query each. Read from the relations the object has loaded already where it can; otherwise
one small query for the entry."""

from dataclasses import dataclass

from django.db.models import Model

from assessments.models import (
    Answer,
    Assessment,
    Evidence,
    Membership,
    Organization,
    Respondent,
    RespondentAnswer,
    ReviewComment,
    TargetLevel,
    Team,
)


@dataclass(frozen=True)
class Placement:
    organization_id: int | None
    assessment_id: int | None


# Rows of one question, which the activity names by its statement, read with the page.
QUESTION_MODELS = (Answer, Evidence, RespondentAnswer, ReviewComment)


def placement_of(instance: Model) -> Placement:
    if isinstance(instance, Organization | Membership | TargetLevel):
        return Placement(_organization_of(instance), None)
    if isinstance(instance, RespondentAnswer | ReviewComment):
        return _placement_through(instance, "respondent" if isinstance(instance, RespondentAnswer) else "review")
    # Assessment, and its own rows: Answer, Evidence, Respondent, Review
    assessment = instance if isinstance(instance, Assessment) else _cached(instance, "assessment")
    if assessment is not None:
        return Placement(_organization_of_team(assessment), assessment.pk)
    return Placement(_organization_by_assessment_id(instance.assessment_id), instance.assessment_id)


def _organization_of(instance: Organization | Membership | TargetLevel) -> int | None:
    if isinstance(instance, Organization):
        return instance.pk
    if isinstance(instance, Membership):
        return instance.organization_id
    return _organization_of_team(instance)


def additional_data_of(instance: Model) -> dict | None:
    """What names the object beyond its own row: its question, the member whose role it is."""
    if isinstance(instance, QUESTION_MODELS):
        return {"question_id": instance.question_id}
    if isinstance(instance, Membership):
        return {"user_id": instance.user_id}
    if isinstance(instance, Respondent):
        return {"user_id": instance.user_id, "email": instance.email}
    return None


def _cached(instance: Model, name: str) -> Model | None:
    field = instance._meta.get_field(name)
    return field.get_cached_value(instance) if field.is_cached(instance) else None


def _organization_of_team(instance: Model) -> int | None:
    team = _cached(instance, "team")
    if team is not None:
        return team.organization_id
    return Team.objects.filter(pk=instance.team_id).values_list("organization_id", flat=True).first()


def _organization_by_assessment_id(assessment_id: int) -> int | None:
    found = Assessment.objects.filter(pk=assessment_id).values_list("team__organization_id", flat=True)
    return found.first()


def _placement_through(instance: Model, parent_name: str) -> Placement:
    """A respondent's answer or a review's comment: placed where its respondent or review is."""
    parent = _cached(instance, parent_name)
    if parent is not None:
        return placement_of(parent)
    parent_model = instance._meta.get_field(parent_name).related_model
    found = (
        parent_model.objects.filter(pk=getattr(instance, f"{parent_name}_id"))
        .values_list("assessment__team__organization_id", "assessment_id")
        .first()
    )
    return Placement(*found) if found else Placement(None, None)
