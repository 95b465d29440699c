"""Writes of organisations, their members and their teams."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from assessments.errors import LastOwnerError, TeamNameTakenError
from assessments.models import Membership, Organization, Role, Team


def organization_create(*, name: str, owner: AbstractBaseUser) -> Organization:
    with transaction.atomic():
        organization = Organization.objects.create(name=name)
        Membership.objects.create(organization=organization, user=owner, role=Role.OWNER)
    return organization


def membership_set(*, organization: Organization, user: AbstractBaseUser, role: str) -> Membership:
    """Adds the user to the organisation, or changes their role if they are a member already."""
    with transaction.atomic():
        owners = Membership.objects.select_for_update().filter(organization=organization, role=Role.OWNER)
        if role != Role.OWNER and list(owners.values_list("user_id", flat=True)) == [user.pk]:
            raise LastOwnerError(f"{user.get_username()} is the only owner of {organization.name}; add another first")
        membership, _ = Membership.objects.update_or_create(
            organization=organization, user=user, defaults={"role": role}
        )
    return membership


def team_create(*, organization: Organization, name: str) -> Team:
    try:
        with transaction.atomic():
            return Team.objects.create(organization=organization, name=name)
    except IntegrityError:
        raise TeamNameTakenError(organization) from None


def team_update(*, team: Team, name: str | None = None, archived: bool | None = None) -> Team:
    """Renames and/or archives (or restores) the team; None leaves that as it is. A name another team of the
    organisation has raises TeamNameTakenError and changes nothing, the instance included."""
    try:
        with transaction.atomic():
            _apply_name_and_archived(team, name, archived)
    except IntegrityError:
        team.refresh_from_db(fields=["name", "archived_at"])
        raise TeamNameTakenError(team.organization) from None
    return team


def organization_update(
    *,
    organization: Organization,
    name: str | None = None,
    archived: bool | None = None,
    review_required: bool | None = None,
) -> Organization:
    """Renames and/or archives (or restores) the organisation, and/or sets whether the assessments started
    in it from now on go to review; None leaves that as it is."""
    with transaction.atomic():
        _apply_name_and_archived(organization, name, archived)
        if review_required is not None and review_required != organization.review_required:
            organization.review_required = review_required
            organization.save(update_fields=["review_required"])
    return organization


def _apply_name_and_archived(instance: Team | Organization, name: str | None, archived: bool | None) -> None:
    fields = []
    if name is not None:
        instance.name = name
        fields.append("name")
    if archived is not None and archived != (instance.archived_at is not None):
        instance.archived_at = timezone.now() if archived else None
        fields.append("archived_at")
    if fields:
        instance.save(update_fields=fields)
