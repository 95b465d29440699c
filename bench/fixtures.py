"""What the benchmark needs from the seeded database: ids, credentials and fresh complete drafts."""

import json
import tempfile
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.db import connection
from django.db.models import Max
from django.utils import timezone

from accounts.models import ApiToken
from accounts.services import api_token_create
from assessments.models import Answer, Assessment, Organization, Team
from bench.seed import ORGANIZATION, USERNAME

SUBMISSIONS = 200
PATCHED_ANSWERS = 8


@dataclass(frozen=True)
class BenchData:
    token: str
    session_key: str
    organization: int
    teams: int
    assessments: int
    team: int
    ready_assessment: int
    draft: int
    complete_drafts: list[int]
    patch_script: Path


def prepare() -> BenchData:
    user = get_user_model().objects.get(username=USERNAME)
    organization = Organization.objects.get(name=ORGANIZATION)
    # The submissions of an earlier run (audits; the seed makes self-assessments only): each run
    # measures the same data set.
    Assessment.objects.filter(team__organization=organization, kind=Assessment.Kind.AUDIT).delete()
    ApiToken.objects.filter(user=user).delete()  # and its tokens: every request checks the user's tokens
    team = Team.objects.filter(organization=organization).order_by("name").first()
    submitted = Assessment.objects.filter(team__organization=organization, status=Assessment.Status.SUBMITTED)
    draft = Assessment.objects.filter(team=team, status=Assessment.Status.DRAFT).order_by("id").first()
    return BenchData(
        token=api_token_create(user=user)[1],
        session_key=_session_for(user),
        organization=organization.pk,
        teams=organization.teams.count(),
        assessments=submitted.count(),
        team=team.pk,
        ready_assessment=submitted.filter(team=team).order_by("-submitted_at").first().pk,
        draft=draft.pk,
        complete_drafts=_complete_drafts(organization, user),
        patch_script=_patch_script(draft),
    )


def _session_for(user) -> str:
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def _complete_drafts(organization, user) -> list[int]:
    """Fresh drafts with every question answered, copied from submitted ones, ready to submit."""
    sources = list(
        Assessment.objects.filter(team__organization=organization, status=Assessment.Status.SUBMITTED)
        .order_by("team_id", "-submitted_at")
        .distinct("team_id")[:SUBMISSIONS]
        if _postgres()
        else Assessment.objects.filter(team__organization=organization, status=Assessment.Status.SUBMITTED)[
            :SUBMISSIONS
        ]
    )
    last_numbers = dict(
        Assessment.objects.filter(team_id__in={source.team_id for source in sources})
        .values("team_id")
        .annotate(last=Max("number"))
        .values_list("team_id", "last")
    )
    drafts = Assessment.objects.bulk_create(
        Assessment(
            team_id=source.team_id,
            number=last_numbers[source.team_id] + 1 + offset,
            framework_id=source.framework_id,
            created_by=user,
            kind=Assessment.Kind.AUDIT,
        )
        for offset, source in enumerate(sources)
    )
    now = timezone.now()
    answers = Answer.objects.filter(assessment__in=sources).values_list(
        "assessment_id", "question_id", "value", "not_applicable", "comment"
    )
    draft_for = {source.pk: draft.pk for source, draft in zip(sources, drafts, strict=True)}
    Answer.objects.bulk_create(
        (
            Answer(
                assessment_id=draft_for[source],
                question_id=question,
                value=value,
                not_applicable=na,
                comment=comment,
                answered_by=user,
                updated_at=now,
            )
            for source, question, value, na, comment in answers
        ),
        batch_size=5000,
    )
    return [draft.pk for draft in drafts]


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _patch_script(draft: Assessment) -> Path:
    keys = list(draft.framework.questions.order_by("position").values_list("key", flat=True)[:PATCHED_ANSWERS])
    body = json.dumps([{"question": key, "value": 2, "comment": "benchmark"} for key in keys])
    script = Path(tempfile.gettempdir()) / "maturity-bench-patch.lua"
    script.write_text(
        f'wrk.method = "PATCH"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = {json.dumps(body)}\n'
    )
    return script
