"""Settings, all read from the environment (twelve-factor); see README "Configuration".

Defaults are safe for production (DEBUG off, secure cookies, HSTS); `make run` turns DEBUG on.
A malformed value stops start-up with a message instead of being read as something else.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = BASE_DIR / ".data"  # local state: SQLite, the embedded broker, beat's schedule
DATA_DIR.mkdir(exist_ok=True)

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = env.str(name, default=str(int(default))).strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean: use one of 1/0, true/false, yes/no, on/off")


def env_int(name: str, default: int) -> int:
    raw = env.str(name, default=str(default)).strip()
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer") from None


def installation_secret_key(path: Path) -> str:
    """The key kept in `path`, made on first use: random, readable by its owner only. A key written in the
    code would be public, and anyone could sign invitation and reset links for a `make run` instance."""
    if not path.exists():
        draft = path.with_name(f"{path.name}.{os.getpid()}")
        draft.unlink(missing_ok=True)
        with os.fdopen(os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as file:
            file.write(secrets.token_urlsafe(50))
        try:  # the web process and the worker may start together: the first link wins, the other reads it
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text()


DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see README, Configuration)")
    SECRET_KEY = installation_secret_key(DATA_DIR / "secret_key")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles: `runserver` leaves static files to WhiteNoise, which serves them as production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "allauth",
    "allauth.account",
    "core",
    "maturity",
    "assessments",
    "accounts",
    "reports",
    "auditlog",
    "activity",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.middleware.RequestBodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # An ETag on GET bodies that may be cached (not no-store), and 304 when the client has that body already.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Who made each change the audit trail records, for pages and the API's token users alike
    # (activity/middleware.py says why auditlog's own middleware is not enough).
    "activity.middleware.ActivityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page (429).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "assessments.context_processors.navigation",
            ],
        },
    },
]

# --- Database: PostgreSQL from DATABASE_URL in production, SQLite under .data/ otherwise. ---


def sqlite_safe(database: dict) -> dict:
    """The web process and the worker write at the same time: WAL lets readers go on while one writes, and
    IMMEDIATE transactions take the write lock up front, so a busy database waits (timeout) instead of failing
    with "database is locked" half-way through a transaction. Options given in a DATABASE_URL win."""
    options = {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "transaction_mode": "IMMEDIATE"}
    return {**database, "OPTIONS": {**options, "timeout": 20, **database.get("OPTIONS", {})}}


DATABASE_URL = env.str("DATABASE_URL", default="")
if DATABASE_URL:
    DATABASES = {"default": env.db_url_config(DATABASE_URL)}
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    postgres = "postgresql" in DATABASES["default"]["ENGINE"]
    if postgres and env_bool("DATABASE_PREPARED_STATEMENTS", default=False):
        # Server-side binding lets psycopg prepare a query it has run 5 times on a connection, so
        # PostgreSQL stops planning the same report and history queries again on every request. Off by
        # default: a connection pooler in transaction mode (PgBouncer) cannot keep prepared statements.
        DATABASES["default"].setdefault("OPTIONS", {}).update({"server_side_binding": True, "prepare_threshold": 5})
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "db.sqlite3",
            # A file, not memory, so that a worker process started by the tests shares it.
            "TEST": {"NAME": DATA_DIR / "test.sqlite3"},
        }
    }
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"] = sqlite_safe(DATABASES["default"])

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username and address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Collected (`collectstatic`: the image's build and `make run` run it) with content hashes in their names
# (under DEBUG, Django links the plain names) and compressed with gzip (and Brotli where it is installed), and
# served by WhiteNoise from STATIC_ROOT with or without DEBUG, so that `make run` sends what production sends.
# STATIC_FROM_FOLDERS=1 serves them from their folders instead, uncompressed, with edits seen at once.
WHITENOISE_USE_FINDERS = env_bool("STATIC_FROM_FOLDERS", default=False)
# Evidence files (assessments/models/evidence.py): local files under .data/evidence by default; with
# EVIDENCE_S3_BUCKET, an S3-compatible bucket (django-storages), credentials from the usual AWS_*
# variables. Neither has a public URL: files are served by a view that checks membership.
EVIDENCE_S3_BUCKET = env.str("EVIDENCE_S3_BUCKET", default="")
if EVIDENCE_S3_BUCKET:
    _evidence_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": EVIDENCE_S3_BUCKET,
            "endpoint_url": env.str("EVIDENCE_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("EVIDENCE_S3_REGION", default="") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _evidence_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env.str("EVIDENCE_DIR", default=str(DATA_DIR / "evidence")), "base_url": None},
    }
# Uploads larger than this, or of another type (sniffed from the content, not the name), are refused.
EVIDENCE_MAX_BYTES = env_int("EVIDENCE_MAX_BYTES", default=10 * 1024 * 1024)
EVIDENCE_ALLOWED_TYPES = env.list(
    "EVIDENCE_ALLOWED_TYPES",
    default=[
        "application/pdf",
        "image/png",
        "image/jpeg",
        "text/plain",
        "text/csv",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ],
)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "evidence": _evidence_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# What mails and pages call the product; never the host name a request came to.
SITE_NAME = "MLOps maturity"

# --- Email: EMAIL_URL (django-environ), e.g. smtp+tls://user:password@host:587, consolemail://, or
# filemail:///.data/mail (a path relative to the project). Under DEBUG the default prints messages in
# the terminal of `make run`; otherwise SMTP on localhost.
EMAIL_URL = env.str("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
_email = env.email_url_config(EMAIL_URL)
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
EMAIL_PORT = _email["EMAIL_PORT"] or 25
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_FILE_PATH = BASE_DIR / (_email["EMAIL_FILE_PATH"] or ".data/mail")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="MLOps maturity <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", default=10)

# --- Accounts (django-allauth): it runs password reset and email verification; sign-up and login stay
# ours (accounts/views.py, Django's LoginView) so django-axes keeps guarding the one login form.
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "optional"  # the account works at once; the address is confirmed by its link
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # a mail scanner fetching the link confirms nothing; a button does
ACCOUNT_PREVENT_ENUMERATION = True  # a reset for an unknown address answers exactly as for a known one
# One account per verified address (a database constraint); unverified claims may repeat and count for nothing,
# so our sign-up takes an address in use without saying so (accounts/views.py).
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # and mails nobody: a reset form must not send mail to any address asked
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"  # its mails go out from the worker, as all of ours
ACCOUNT_USER_DISPLAY = "accounts.adapter.user_display"  # a username in its mails is never a link
ACCOUNT_FORMS = {"reset_password_from_key": "accounts.forms.NewPasswordForm"}
INVITATION_MAX_AGE_DAYS = env_int("INVITATION_MAX_AGE_DAYS", default=7)
# Invitation mail in any 24 hours (accounts.selectors.invitation_limit_problem), so that an account cannot
# make the site send spam: per person who invites, per organisation, and per address across organisations.
INVITATIONS_PER_SENDER_PER_DAY = env_int("INVITATIONS_PER_SENDER_PER_DAY", default=30)
INVITATIONS_PER_ORGANIZATION_PER_DAY = env_int("INVITATIONS_PER_ORGANIZATION_PER_DAY", default=50)
INVITATIONS_PER_ADDRESS_PER_DAY = env_int("INVITATIONS_PER_ADDRESS_PER_DAY", default=3)
# Where the site is reached, for links in emails the worker sends (it has no request to read it from).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# --- Audit trail (django-auditlog): every change to the registered models (activity/registry.py) is an
# activity.ActivityEntry with who, when, and each field before and after as JSON.
AUDITLOG_LOGENTRY_MODEL = "activity.ActivityEntry"
# auditlog's own LogEntry is swapped out for ours, but its migrations predate the swap and would still create
# its table, unused, whose foreign key to users stops PostgreSQL from emptying the user table (flush, in
# tests). Without migrations, the swapped model gets no table at all. django-rest-knox's token model is swapped
# for ours (accounts.ApiToken, KNOX_TOKEN_MODEL below) in the same way.
MIGRATION_MODULES = {"auditlog": None, "knox": None}
AUDITLOG_STORE_JSON_CHANGES = True
AUDITLOG_DISABLE_REMOTE_ADDR = True  # who, not from where: addresses are personal data we do not need

# --- Security: on by default, relaxed only by DEBUG or explicit environment. ---
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
if env_bool("USE_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Larger bodies are refused with 413 (core/middleware.py); no request of ours comes near it: a
# PATCH of every answer, each with a long comment, is a few hundred kB.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=1024 * 1024)

# Content-Security-Policy (django-csp): scripts only from our own static files, never inline. Plotly.js
# adds a <style> element and style attributes as it draws, which CSP counts as inline styles.
# The standalone report, which inlines its scripts to open offline, has its own policy (core/csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Failed logins (django-axes), on the login page, the admin and POST /api/auth/token/: after
# LOGIN_FAILURE_LIMIT failures for one username from one address, that pair is locked out for
# LOGIN_LOCKOUT_MINUTES (each further try starts the wait again); a successful login resets the count.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # successful logins are not ours to keep a record of

# --- API tokens (django-rest-knox): `POST /api/auth/token/` issues a new one on every call, kept as a hash,
# that works for API_TOKEN_TTL_DAYS, until its owner revokes it, or until the password changes.
API_TOKEN_TTL_DAYS = env_int("API_TOKEN_TTL_DAYS", default=30)
if API_TOKEN_TTL_DAYS < 1:
    raise ImproperlyConfigured(f"API_TOKEN_TTL_DAYS={API_TOKEN_TTL_DAYS} must be 1 or more: every token expires")
KNOX_TOKEN_MODEL = "accounts.ApiToken"  # noqa: S105 - a model's name, not a secret
REST_KNOX = {
    "TOKEN_MODEL": KNOX_TOKEN_MODEL,
    "TOKEN_TTL": timedelta(days=API_TOKEN_TTL_DAYS),
    "AUTH_HEADER_PREFIX": "Token",
}

# --- REST API ---
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON only: a form or any other body is a 415 (the token endpoint keeps DRF's form parsers too).
    "DEFAULT_PARSER_CLASSES": ["core.parsers.JSONParser"],
    "EXCEPTION_HANDLER": "core.api.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "core.pagination.PageNumbers",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "MLOps maturity assessment API",
    "DESCRIPTION": "Self-assessments and audits of MLOps maturity, scored per process area.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from our own static files, never a CDN: customers run this behind firewalls.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "core.api.bodies_are_not_empty"],
    # A report's next step is a gap or a next-level step; "kind" is also an assessment's self or audit.
    "ENUM_NAME_OVERRIDES": {
        "StepKindEnum": ["gap", "next_level"],
        "AssessmentKindEnum": "assessments.models.Assessment.Kind",
        "AssessmentStatusEnum": "assessments.models.Assessment.Status",
        "ReviewStatusEnum": ["not_required", "in_review", "accepted"],
    },
}

# --- Celery: Redis in production; without REDIS_URL a broker kept in files under .data/, so a
# real worker process still computes reports asynchronously on a machine with nothing installed.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
else:
    BROKER_DIR = Path(env.str("CELERY_BROKER_DIR", default=str(DATA_DIR / "broker")))
    for folder in ("queue", "processed"):
        (BROKER_DIR / folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://localhost/"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        # The exchange-to-queue tables (fanout, pidbox). kombu's default is "control" relative to the
        # working directory: files in the repository, and workers started elsewhere would not share them.
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
        "polling_interval": 0.1,  # seconds between looks at the folder (kombu's default is 1)
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", default=60)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", default=90)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE_FILENAME = env.str("CELERY_BEAT_SCHEDULE_FILENAME", default=str(DATA_DIR / "celerybeat-schedule"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # django-axes logs every login at INFO; failures and lockouts are WARNING.
    "loggers": {"axes": {"level": "WARNING"}},
}

REPORT_STALE_AFTER_SECONDS = env_int("REPORT_STALE_AFTER_SECONDS", default=300)
REPORT_TASK_SOFT_TIME_LIMIT = env_int("REPORT_TASK_SOFT_TIME_LIMIT", default=60)
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-reports": {
        "task": "reports.requeue_stale_reports",
        "schedule": env_int("REPORT_REQUEUE_EVERY_SECONDS", default=60),
    },
    "delete-unusable-api-tokens": {"task": "accounts.delete_unusable_api_tokens", "schedule": 3600},
}
