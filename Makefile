# Two commands on a fresh machine with Python 3.11+ and make: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
FRAMEWORKS := maturity/frameworks/mlops.yaml maturity/frameworks/mlops-v2.yaml maturity/frameworks/mlops-v3.yaml
PORT ?= 8000

.PHONY: run test lint security bench worker clean
.PHONY: e2e fuzz plotly-bundle

$(INSTALLED): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

run: export DEBUG ?= 1
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py load_framework $(FRAMEWORKS)
	$(BIN)/python manage.py recompute_reports
	$(BIN)/python manage.py seed_demo
	@echo "Serving http://127.0.0.1:$(PORT) with a Celery worker; Ctrl-C stops both."
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho --procfile Procfile.dev start --port $(PORT)

worker: $(INSTALLED)
	$(BIN)/celery -A config worker --beat --loglevel INFO

lint: $(INSTALLED)
	$(BIN)/ruff check .

# bandit over our code (medium and high severity), pip-audit over the pinned requirements (README, Security).
security: $(INSTALLED)
	$(BIN)/bandit -c pyproject.toml -r config core accounts maturity assessments reports activity -ll
	$(BIN)/python scripts/audit_requirements.py

# Headless Chromium (Debian's /usr/bin/chromium, which .ci/run installs) against a live server and a worker.
e2e: $(INSTALLED)
	$(BIN)/pytest -m e2e

# schemathesis over every operation of /api/schema/: bounded, deterministic, a few minutes at most.
fuzz: $(INSTALLED)
	$(BIN)/pytest -m fuzz

test: lint security
	$(BIN)/pytest -m "not e2e and not fuzz"
	$(MAKE) --no-print-directory e2e fuzz

# The benchmark runs on this machine's PostgreSQL and Redis (started if down), in its own databases.
bench: export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/maturity_bench
bench: export REDIS_URL ?= redis://127.0.0.1:6379/3
bench: $(INSTALLED)
	@command -v wrk >/dev/null || { echo "Installing wrk (Debian)"; apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk </dev/null; }
	bash -c '. .ci/services && ensure_database "$$DATABASE_URL" && $(BIN)/python bench/run.py'

# static/vendor/plotly/plotly.min.js, plotly.js with only the traces our charts draw, rebuilt from npm after
# a change of the plotly package's version or of the trace types charts.py uses (static/vendor/README.md).
plotly-bundle:
	cd scripts/plotly_bundle && npm ci --no-audit --no-fund && node build.js

clean:
	rm -rf $(VENV) .data staticfiles scripts/plotly_bundle/node_modules
