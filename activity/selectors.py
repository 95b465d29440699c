"""Reads of the activity: an assessment's entries and an organisation's, filtered, newest first, and the
names they refer to, read once for a page whatever the number of entries."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone

from activity.builders.entries import UPDATE, Entry, Names, as_id
from activity.builders.lines import KINDS, ActivityLine, activity_line
from activity.models import ActivityEntry
from assessments.models import Assessment, Team
from maturity.models import Area, Question, Scope

CSV_CHUNK = 1000


@dataclass(frozen=True)
class ActivityFilters:
    actor: str = ""  # a username
    kind: str = ""  # a key of activity.builders.lines.KINDS
    since: date | None = None  # from that day on, inclusive
    until: date | None = None  # to the end of that day


def assessment_activity(*, assessment_id: int, filters: ActivityFilters) -> QuerySet[ActivityEntry]:
    return _filtered(ActivityEntry.objects.filter(assessment_id=assessment_id), filters)


def organization_activity(*, organization_id: int, filters: ActivityFilters) -> QuerySet[ActivityEntry]:
    return _filtered(ActivityEntry.objects.filter(organization_id=organization_id), filters)


def _filtered(entries: QuerySet[ActivityEntry], filters: ActivityFilters) -> QuerySet[ActivityEntry]:
    if filters.actor:
        entries = entries.filter(actor__username=filters.actor).exclude(_respondents_own_in_anonymous_surveys())
    if filters.kind:
        entries = entries.filter(content_type__app_label="assessments", content_type__model__in=KINDS[filters.kind])
    # The first and last days a date can be filter nothing (and would overflow a datetime in some zones).
    if filters.since and date.min < filters.since:
        entries = entries.filter(timestamp__gte=_start_of(filters.since))
    if filters.until and filters.until < date.max - timedelta(days=1):
        entries = entries.filter(timestamp__lt=_start_of(filters.until + timedelta(days=1)))
    return entries.select_related("actor", "content_type").order_by("-timestamp", "-id")


def _respondents_own_in_anonymous_surveys() -> Q:
    """Respondents' answers and their updates (a submission) in anonymous surveys: stored without an actor by
    the services, but entries stored before they were must not be found by who made them either."""
    own = Q(content_type__model="respondentanswer") | Q(content_type__model="respondent", action=UPDATE)
    anonymous = Assessment.objects.filter(anonymous_responses=True).values("pk")
    return own & Q(content_type__app_label="assessments", assessment_id__in=anonymous)


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def activity_lines(entries: Iterable[ActivityEntry], *, show_addresses: bool) -> list[ActivityLine]:
    """The human lines of a page of entries: at most four queries for the names, whatever their number.
    `show_addresses`: whether the reader may read invited respondents' addresses (activity.builders.lines)."""
    plain = [_plain(entry) for entry in entries]
    names = _names(plain) if plain else Names()
    return [activity_line(entry, names, show_addresses=show_addresses) for entry in plain]


def activity_lines_all(entries: QuerySet[ActivityEntry], *, show_addresses: bool) -> Iterator[ActivityLine]:
    """Every entry of the queryset (the CSV), a chunk at a time."""
    chunk: list[ActivityEntry] = []
    for entry in entries.iterator(chunk_size=CSV_CHUNK):
        chunk.append(entry)
        if len(chunk) == CSV_CHUNK:
            yield from activity_lines(chunk, show_addresses=show_addresses)
            chunk = []
    yield from activity_lines(chunk, show_addresses=show_addresses)


def _plain(entry: ActivityEntry) -> Entry:
    return Entry(
        id=entry.pk,
        timestamp=entry.timestamp,
        actor=entry.actor.get_username() if entry.actor else None,
        actor_id=entry.actor_id,
        model=entry.content_type.model,
        object_repr=entry.object_repr,
        action=entry.action,
        changes=entry.changes or {},
        additional_data=entry.additional_data or {},
        assessment_id=entry.assessment_id,
    )


# Fields that name a user or an assessment by id, whose names the lines show.
USER_FIELDS = ("user", "submitted_by", "reviewed_by")


def _names(entries: list[Entry]) -> Names:
    """At most seven queries, whatever the number of entries; those for scopes and areas only when an entry
    names one."""
    question_ids = {entry.additional_data.get("question_id") for entry in entries} - {None}
    user_ids = {entry.additional_data.get("user_id") for entry in entries} | {
        as_id(value) for entry in entries for name in USER_FIELDS for value in entry.changes.get(name, ())
    }
    team_ids = {as_id(entry.changes["team"][1]) for entry in entries if "team" in entry.changes} - {None}
    assessment_ids = {entry.assessment_id for entry in entries} | {
        as_id(entry.additional_data.get("carried_from")) for entry in entries
    }
    assessment_ids |= {as_id(value) for entry in entries for value in entry.changes.get("carried_from", ())}
    assessments = list(Assessment.objects.filter(pk__in=assessment_ids - {None}).select_related("team").order_by())
    questions = Question.objects.filter(pk__in=question_ids).order_by().values_list("pk", "key", "statement")
    return Names(
        questions={pk: text for pk, _, text in questions} if question_ids else {},
        question_keys={pk: key for pk, key, _ in questions} if question_ids else {},
        users=dict(get_user_model().objects.filter(pk__in=user_ids - {None}).values_list("pk", "username"))
        if user_ids - {None}
        else {},
        teams=dict(Team.objects.filter(pk__in=team_ids).values_list("pk", "name")) if team_ids else {},
        assessments={assessment.pk: assessment.title for assessment in assessments},
        anonymous=frozenset(assessment.pk for assessment in assessments if assessment.anonymous_responses),
        scopes=_scope_questions(assessments) if any("scope" in entry.changes for entry in entries) else {},
        areas=_area_names(
            {entry.changes["framework_slug"][1] for entry in entries if "framework_slug" in entry.changes}
        ),
    )


def _scope_questions(assessments: list[Assessment]) -> dict[str, str]:
    """Scope key -> its question, in the frameworks of the assessments (a newer version's wording last)."""
    scopes = Scope.objects.filter(framework_id__in={assessment.framework_id for assessment in assessments})
    return dict(scopes.order_by("framework__version").values_list("key", "question"))


def _area_names(slugs: set[str]) -> dict[str, str]:
    """Area key -> its name in the newest version of the frameworks that targets name by slug."""
    if not slugs:
        return {}
    areas = Area.objects.filter(framework__slug__in=slugs).order_by("framework__version")
    return dict(areas.values_list("key", "name"))


def actor_names(*, organization_id: int) -> list[str]:
    """The usernames of the organisation's members, for the filter's choices."""
    users = get_user_model().objects.filter(memberships__organization_id=organization_id)
    return list(users.order_by("username").values_list("username", flat=True))
