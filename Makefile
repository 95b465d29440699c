# Two commands on a fresh machine with Python 3.11+ and make: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
FRAMEWORK := maturity/frameworks/mlops.yaml

.PHONY: run test lint bench worker clean

$(INSTALLED): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

run: export DEBUG ?= 1
run: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_framework $(FRAMEWORK)
	$(BIN)/python manage.py seed_demo
	@echo "Serving http://127.0.0.1:8000 with a Celery worker; Ctrl-C stops both."
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho --procfile Procfile.dev start

worker: $(INSTALLED)
	$(BIN)/celery -A config worker --beat --loglevel INFO

lint: $(INSTALLED)
	$(BIN)/ruff check .

test: lint
	$(BIN)/pytest

bench: $(INSTALLED)
	$(BIN)/python bench/scoring.py

clean:
	rm -rf $(VENV) .data staticfiles
