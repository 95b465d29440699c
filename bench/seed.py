"""Fill the database with one large, realistic organisation for the benchmark (bulk inserts).

500 teams x 12 submitted quarterly assessments on the default framework, every report ready, plus
one draft per team. Uses DATABASE_URL like the app (PostgreSQL when it says so).

    python bench/seed.py [--teams 500] [--assessments 12] [--reset]
"""

import argparse
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from assessments.models import Answer, Assessment, Membership, Organization, Role, Team  # noqa: E402
from maturity.framework_file import read_framework_file  # noqa: E402
from maturity.scoring import NA  # noqa: E402
from maturity.services import framework_load  # noqa: E402
from reports.builders.report import compute_content_and_figures  # noqa: E402
from reports.models import AreaScore, Report  # noqa: E402
from reports.selectors.report import HistoryPoint, ReportInputs, framework_definition_and_text  # noqa: E402

ORGANIZATION = "Bench Corp"
USERNAME = "bench"
PASSWORD = "bench-password-not-secret"  # noqa: S105 - a local benchmark account
DRAFT_ANSWERS = 20
BATCH = 5000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=500)
    parser.add_argument("--assessments", type=int, default=12)
    parser.add_argument("--reset", action="store_true", help="delete an existing bench organisation first")
    args = parser.parse_args()
    started = time.monotonic()
    if Organization.objects.filter(name=ORGANIZATION).exists():
        if not args.reset:
            print(f"{ORGANIZATION} already exists; use --reset to rebuild it.")
            return
        Organization.objects.filter(name=ORGANIZATION).delete()
    framework = framework_load(spec=read_framework_file(ROOT / "maturity/frameworks/mlops.yaml")).framework
    seed(framework, teams=args.teams, per_team=args.assessments)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics, as autovacuum would give a live database
    print(f"Seeded {ORGANIZATION} in {time.monotonic() - started:.1f} s")


def seed(framework, *, teams: int, per_team: int) -> None:
    definition, text = framework_definition_and_text(framework)
    question_ids = dict(framework.questions.values_list("key", "id"))
    user = _user()
    with transaction.atomic():
        organization = Organization.objects.create(name=ORGANIZATION)
        Membership.objects.create(organization=organization, user=user, role=Role.OWNER)
        team_rows = Team.objects.bulk_create(
            Team(organization=organization, name=f"Team {n:03d}") for n in range(teams)
        )
        _progress("teams", teams)
        submitted, answers_by_assessment = _submitted(team_rows, framework, definition, user, per_team)
        _progress("submitted assessments", len(submitted))
        _insert_answers(submitted, answers_by_assessment, question_ids, user)
        _insert_reports(submitted, answers_by_assessment, definition, text)
        _insert_drafts(team_rows, framework, definition, question_ids, user, number=per_team + 1)


def _user():
    user, _ = get_user_model().objects.get_or_create(username=USERNAME)
    user.set_password(PASSWORD)
    user.save()
    return user


def _submitted(teams, framework, definition, user, per_team):
    now = timezone.now()
    assessments, answers = [], []
    for team in teams:
        rng = random.Random(team.name)  # noqa: S311 - reproducible data
        start, growth = rng.uniform(0.3, 2.5), rng.uniform(-0.05, 0.25)
        for quarter in range(per_team):
            taken_at = now - timedelta(days=91 * (per_team - quarter))
            assessments.append(
                Assessment(
                    team=team,
                    number=quarter + 1,  # bulk_create skips the service that numbers assessments in their team
                    framework=framework,
                    status=Assessment.Status.SUBMITTED,
                    created_by=user,
                    submitted_by=user,
                    submitted_at=taken_at,
                )
            )
            capability = start + growth * quarter
            answers.append(
                {
                    q.key: NA
                    if rng.random() < 0.02
                    else max(0, min(3, round((capability - q.level + 1) * 1.5 + rng.uniform(-1, 1))))
                    for q in definition.questions
                }
            )
    created = Assessment.objects.bulk_create(assessments, batch_size=BATCH)
    return created, dict(zip([a.pk for a in created], answers, strict=True))


def _answer(assessment_id, question_id, value, user, now):
    return Answer(
        assessment_id=assessment_id,
        question_id=question_id,
        value=None if value == NA else value,
        not_applicable=value == NA,
        comment="Does not apply here." if value == NA else "",
        answered_by=user,
        updated_at=now,
    )


def _insert_answers(assessments, answers_by_assessment, question_ids, user):
    now = timezone.now()
    rows = [
        _answer(assessment.pk, question_ids[key], value, user, now)
        for assessment in assessments
        for key, value in answers_by_assessment[assessment.pk].items()
    ]
    Answer.objects.bulk_create(rows, batch_size=BATCH)
    _progress("answers", len(rows))


def _insert_reports(assessments, answers_by_assessment, definition, text):
    """Computes every report in memory, as the worker would, with each team's history so far."""
    now = timezone.now()
    reports, contents = [], []
    history: dict[int, list[HistoryPoint]] = {}
    for assessment in assessments:
        answers = answers_by_assessment[assessment.pk]
        earlier = history.setdefault(assessment.team_id, [])
        inputs = ReportInputs(
            assessment=assessment,
            definition=definition,
            text=text,
            answers=answers,
            comments={},
            targets={},
            scope={},
            previous_scores=earlier[-1].scores if earlier else {},
            others_median={},
            history=list(earlier),
        )
        content, figures = compute_content_and_figures(inputs)
        report = Report(
            assessment_id=assessment.pk,
            status=Report.Status.READY,
            overall_level=content["overall"]["level"],
            overall_score=content["overall"]["score"],
            content=content,
            figures=figures,
            requested_at=now,
            started_at=now,
            generated_at=now,
            duration_ms=0,
            attempts=1,
            scoring_rule=content["scoring_rule"],
        )
        reports.append(report)
        contents.append(content)
        scores = {area["key"]: area["score"] for area in content["areas"]}
        earlier.append(HistoryPoint(assessment.pk, assessment.submitted_at, content["overall"]["score"], scores))
    created = Report.objects.bulk_create(reports, batch_size=1000)
    AreaScore.objects.bulk_create(
        (
            AreaScore(report=report, area_key=area["key"], level=area["level"], score=area["score"])
            for report, content in zip(created, contents, strict=True)
            for area in content["areas"]
        ),
        batch_size=BATCH,
    )
    _progress("ready reports", len(created))


def _insert_drafts(teams, framework, definition, question_ids, user, *, number):
    drafts = Assessment.objects.bulk_create(
        Assessment(team=team, number=number, framework=framework, created_by=user) for team in teams
    )
    now = timezone.now()
    keys = [q.key for q in definition.questions][:DRAFT_ANSWERS]
    Answer.objects.bulk_create(
        (_answer(draft.pk, question_ids[key], 1, user, now) for draft in drafts for key in keys), batch_size=BATCH
    )
    _progress("drafts", len(drafts))


def _progress(what: str, count: int) -> None:
    print(f"  {count:>7,} {what}", flush=True)


if __name__ == "__main__":
    main()
