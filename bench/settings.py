"""The app's settings for the benchmark: production-like (DEBUG off), plus the bare baseline views.

Only `make bench` uses this module; the baseline views exist nowhere else.
"""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-never-used-in-production-0123456789")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")  # wrk talks plain HTTP on 127.0.0.1
os.environ.setdefault("SESSION_COOKIE_SECURE", "0")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DATABASE_PREPARED_STATEMENTS", "1")  # as compose.yaml runs production

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"handlers": [], "level": "WARNING"}}
