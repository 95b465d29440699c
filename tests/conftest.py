from functools import cache
from pathlib import Path

import pytest
from django.core.files.storage import storages

from accounts.models import Invitation, OutgoingEmail
from accounts.tasks import deliver_email, send_invitation_email, send_respondent_email
from assessments.models import Evidence, Respondent, Role
from assessments.services.answers import AnswerInput
from maturity.catalogue_file import read_catalogue_file
from maturity.framework_file import parse_framework, read_framework_file
from maturity.models import Framework
from maturity.services import framework_load
from tests.factories import AssessmentFactory, MembershipFactory, OrganizationFactory, TeamFactory, UserFactory
from tests.smtp_server import SMTPServer

MLOPS_YAML = Path(__file__).resolve().parent.parent / "maturity" / "frameworks" / "mlops.yaml"
MLOPS_V2_YAML = MLOPS_YAML.with_name("mlops-v2.yaml")
MLOPS_V3_YAML = MLOPS_YAML.with_name("mlops-v3.yaml")


@pytest.fixture(autouse=True)
def test_friendly_settings(settings):
    """Real password hashing costs ~0.3 s a user by design, and the manifest storage of production
    needs `collectstatic`; neither is what the tests are about."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def evidence_storage(settings, tmp_path, monkeypatch):
    """Evidence files go to a folder of the test's own, never to .data/evidence: the "evidence" storage of
    settings.STORAGES, which the model's file field (bound to a storage when the model was loaded) follows."""
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "evidence"), "base_url": None},
        },
    }
    storage = storages["evidence"]
    monkeypatch.setattr(Evidence._meta.get_field("file"), "storage", storage)
    return storage


@pytest.fixture
def smtp(settings):
    """A real SMTP server that the site sends to, through Django's SMTP backend; yields its inbox."""
    server = SMTPServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield server.inbox
    server.stop()


@pytest.fixture
def mail_worker():
    """Runs the worker's tasks as the worker would once the request's transaction committed (a test's
    transaction never commits, so nothing is enqueued): writes each invitation's mail, then each survey
    respondent's (once per survey and address, whatever the number of runs), then delivers each email waiting to
    be sent; returns how many it sent. A test reads mail only after calling this."""

    def deliver() -> int:
        for invitation_id in Invitation.objects.filter(email_message=None).order_by("pk").values_list("pk", flat=True):
            send_invitation_email(invitation_id)
        for respondent_id in Respondent.objects.order_by("pk").values_list("pk", flat=True):
            send_respondent_email(respondent_id)
        waiting = OutgoingEmail.objects.filter(sent_at=None, failed_at=None).order_by("pk")
        return sum(deliver_email(email_id) for email_id in list(waiting.values_list("pk", flat=True)))

    return deliver


@cache
def mlops_spec():
    return read_framework_file(MLOPS_YAML)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The default framework, loaded into the test database once, beneath every test's transaction: loading it
    for each test took most of the API tests' time."""
    with django_db_blocker.unblock():
        framework_load(spec=mlops_spec())


@pytest.fixture
def mlops_framework(db):
    """The default framework, as `load_framework` loads it: the one django_db_setup loaded, or loaded again
    after a test with transaction=True flushed the database."""
    return framework_load(spec=mlops_spec()).framework


@pytest.fixture
def no_frameworks(db):
    """A database with no framework, as a new installation has, for the tests of loading one: the framework
    django_db_setup loaded is removed inside the test's transaction, which puts it back."""
    Framework.objects.all().delete()


@cache
def mlops_v2_spec():
    return read_framework_file(MLOPS_V2_YAML)


@pytest.fixture
def mlops_v2(mlops_framework):
    """Version 2 of the default framework as `make run` loads it: after version 1, with the catalogue."""
    return framework_load(spec=mlops_v2_spec(), catalogue=read_catalogue_file()).framework


@cache
def mlops_v3_spec():
    return read_framework_file(MLOPS_V3_YAML)


@pytest.fixture
def mlops_v3(mlops_v2):
    """Version 3, the current questionnaire, as `make run` loads it: after versions 1 and 2."""
    return framework_load(spec=mlops_v3_spec(), catalogue=read_catalogue_file()).framework


@pytest.fixture
def two_framework_versions(mlops_framework):
    """Version 2 of mlops adds the question data.only_in_v2."""
    text = MLOPS_YAML.read_text().replace("version: 1", "version: 2", 1)
    extra = (
        "  - key: data.only_in_v2\n    area: data\n    level: 2\n    statement: New.\n    guidance: New.\n"
        "    recommendation: Do it.\n    weight: 1\n"
    )
    return framework_load(spec=parse_framework(text + extra)).framework


@pytest.fixture
def other_framework(mlops_framework):
    """A second framework (slug `other`) with the same area keys, whose results must never mix with mlops'."""
    text = MLOPS_YAML.read_text().replace("slug: mlops", "slug: other", 1)
    return framework_load(spec=parse_framework(text)).framework


@cache
def scoped_spec():
    """mlops version 2 with a scope question, `regulated`, that governance depends on, and governance out of
    the headline level."""
    text = MLOPS_YAML.read_text().replace("version: 1", "version: 2", 1)
    text = text.replace(
        "areas:\n",
        "scopes:\n  - key: regulated\n    question: Is the team's work regulated?\n"
        "    description: Credit, health, hiring.\nareas:\n",
        1,
    )
    text = text.replace(
        "  - key: governance\n", "  - key: governance\n    scope: regulated\n    counts_toward_level: false\n", 1
    )
    return parse_framework(text)


@pytest.fixture
def scoped_framework(mlops_framework):
    """scoped_spec, loaded after version 1."""
    return framework_load(spec=scoped_spec()).framework


class Cast:
    """An organisation with a team and a draft assessment, and one user per role plus an outsider
    who belongs to another organisation and must see nothing of this one."""

    def __init__(self, framework) -> None:
        self.organization = OrganizationFactory(name="Acme")
        self.team = TeamFactory(organization=self.organization, name="Search")
        self.users = {}
        for role in (Role.OWNER, Role.ASSESSOR, Role.MEMBER, Role.VIEWER):
            self.users[role.value] = UserFactory(username=role.value)
            MembershipFactory(user=self.users[role.value], organization=self.organization, role=role)
        self.outsider = UserFactory(username="outsider")
        MembershipFactory(user=self.outsider, role=Role.OWNER)
        self.users["outsider"] = self.outsider
        self.owner = self.users["owner"]
        self.assessor = self.users["assessor"]
        self.member = self.users["member"]
        self.viewer = self.users["viewer"]
        self.framework = framework
        self.assessment = AssessmentFactory(team=self.team, framework=framework, created_by=self.owner)


@pytest.fixture
def cast(mlops_framework) -> Cast:
    return Cast(mlops_framework)


def complete_answers(framework, value=2) -> list:
    """An AnswerInput for every question of the framework."""
    return [AnswerInput(question=key, value=value) for key in framework.questions.values_list("key", flat=True)]
