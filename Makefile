# Two commands matter: `make run` and `make test`. Everything else is a step they share.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint typecheck contracts migrations-check pytest browser demo worker clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml package.json
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "RightsLens needs Python 3.11 or newer"'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	npm install --no-audit --no-fund --silent
	touch $(STAMP)

node_modules/.package-lock.json: package.json
	npm install --no-audit --no-fund --silent

install: $(STAMP) node_modules/.package-lock.json

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

	@echo ""
	@echo "RightsLens is starting on http://$(HOST):$(PORT)/"
	@echo "Demo login: demo@rightslens.example / demo-password-2026"
	$(PY) manage.py runserver $(HOST):$(PORT)

# Debian's chromium drives the browser tests. Installed here when missing and we may use apt.
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); \
	  elif command -v sudo >/dev/null; then \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Install Debian's chromium (apt-get install chromium) to run the browser tests"; exit 1; fi; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy rightslens

contracts: install
	$(BIN)/lint-imports

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

pytest: install browser

	$(BIN)/pytest -q

test: install browser lint typecheck contracts migrations-check pytest

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

worker: install
	$(BIN)/celery -A rightslens.celery_app worker --beat --schedule var/celerybeat-schedule --loglevel=info

clean:
	rm -rf $(VENV) node_modules
