"""A demo organisation whose teams improve unevenly over a year, so the dashboard tells a story."""

import random
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from assessments.management.commands._demo_audit import CLIENT_NAME, RESPONDENTS, TEAM_NAME, seed_client_audit
from assessments.models import Assessment, Organization, Role
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_scope_set, assessment_start, assessment_submit
from assessments.services.organizations import membership_set, organization_create, team_create
from assessments.services.targets import target_set
from maturity.models import Framework, Question
from maturity.selectors import framework_content, framework_for_new_assessment, framework_get

ORGANIZATION_NAME = "Demo Analytics"
DEMO_PASSWORD = "demo"  # noqa: S105 - printed for the local demo; seed_demo is not run in production
QUARTERS = 5  # a year, end points included
# The scopes each team answers yes (every other scope no): all three serve customers in the EU.
SCOPES = {"Recommendations": {"genai", "eu_market"}, "Fraud detection": {"eu_market"}, "Demand forecasting": set()}
# The teams with several models name the ones their assessments cover (the others have one each).
SYSTEMS_COVERED = {"Fraud detection": "Card fraud scoring and ACH fraud scoring; not the legacy rules engine"}
# Per team: area -> (capability a year ago, change per quarter). Capability c answers a level-L
# practice at about (c - L + 1) * 1.5, so c = 2.0 sits at level 2 and c = 3.5 near level 4.
TEAMS = {
    "Recommendations": {"default": (1.4, 0.45), "monitoring": (0.8, 0.2), "governance": (0.9, 0.1)},
    "Fraud detection": {"default": (2.2, 0.25), "governance": (2.6, 0.3), "deployment": (2.4, -0.15)},
    "Demand forecasting": {"default": (0.9, 0.1), "data": (1.8, 0.35), "people": (1.0, 0.0)},
}


class Command(BaseCommand):
    help = (
        f"Create the demo organisation {ORGANIZATION_NAME!r} and the client {CLIENT_NAME!r} with an audit in review "
        "(users demo, consultant, ada, bob and cy) if missing."
    )

    def handle(self, *args, **options) -> None:
        if Organization.objects.filter(name=ORGANIZATION_NAME).exists():
            self.stdout.write(f"Demo data already present ({ORGANIZATION_NAME}); nothing to do.")
            return
        framework = framework_for_new_assessment()
        if framework is None:
            raise CommandError(
                "Load the frameworks first: python manage.py load_framework maturity/frameworks/mlops*.yaml"
            )
        # The year's last quarter is taken on the newest version, the quarters before on the one before it,
        # so the history shows a change of questionnaire.
        previous = framework_get(slug=framework.slug, version=framework.version - 1) or framework
        frameworks = [previous] * (QUARTERS - 1) + [framework]
        with transaction.atomic():
            owner, consultant = _demo_user("demo"), _demo_user("consultant")
            organization = organization_create(name=ORGANIZATION_NAME, owner=owner)
            membership_set(organization=organization, user=consultant, role=Role.ASSESSOR)
            for team_name, profile in TEAMS.items():
                self.stdout.write(f"  {team_name}: {QUARTERS} quarterly assessments")
                _seed_team(organization, team_name, profile, frameworks, owner)
            self.stdout.write(f"  {CLIENT_NAME}, {TEAM_NAME}: a survey audit by consultant, in review")
            respondents = [_demo_user(name) for name in RESPONDENTS]
            seed_client_audit(owner=owner, consultant=consultant, respondents=respondents, framework=framework)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {ORGANIZATION_NAME} with {len(TEAMS)} teams, and {CLIENT_NAME} whose {TEAM_NAME} audit "
                f"waits for review. Log in (password {DEMO_PASSWORD}) as demo, the owner of both, to review it; "
                f"as consultant, the assessor, to see the consensus; as {', '.join(RESPONDENTS)} to see a "
                "respondent's view."
            )
        )


def _demo_user(username: str):
    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": f"{username}@example.com"})
    user.set_password(DEMO_PASSWORD)
    user.save(update_fields=["password"])
    # Verified, as if each had followed the link: demo owners see addresses, and invite or add by them.
    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    return user


def _seed_team(organization, team_name, profile, frameworks: list[Framework], owner) -> None:
    team = team_create(organization=organization, name=team_name)
    rng = random.Random(team_name)  # noqa: S311 - demo data, reproducible on purpose
    now = timezone.now()
    for quarter, framework in enumerate(frameworks):
        taken_at = now - timedelta(days=91 * (QUARTERS - 1 - quarter))
        assessment = assessment_start(
            team=team,
            user=owner,
            framework=framework,
            carry_forward=quarter > 0,
            systems_covered=SYSTEMS_COVERED.get(team_name, ""),
        )
        content = framework_content(framework=framework)
        scope = {scope.key: scope.key in SCOPES[team_name] for scope in content.scopes}
        if scope:
            assessment_scope_set(assessment=assessment, answers=scope)
        in_scope = [q for q in content.questions if not q.area.scope_key or scope[q.area.scope_key]]
        items = [AnswerInput(q.key, _demo_value(rng, profile, q, quarter)) for q in in_scope]
        if team_name == "Demand forecasting":
            reason = "No personal data: forecasts use sales totals only."
            items = [AnswerInput(i.question, "na", reason) if i.question == "governance.privacy" else i for i in items]
        answers_save(assessment=assessment, user=owner, items=items)
        assessment_submit(assessment=assessment, user=owner, submitted_at=taken_at)
        Assessment.objects.filter(pk=assessment.pk).update(created_at=taken_at - timedelta(days=3))
    for area_key in ("data", "training", "deployment", "monitoring"):
        target_set(team=team, framework=frameworks[-1], area_key=area_key, level=3, user=owner)


def _demo_value(rng: random.Random, profile: dict, question: Question, quarter: int) -> int:
    start, growth = profile.get(question.area.key, profile["default"])
    capability = start + growth * quarter
    raw = (capability - question.level + 1) * 1.5 + rng.uniform(-0.8, 0.8)
    return max(0, min(3, round(raw)))
