# The two commands: `make run` and `make test`. Everything else is a step they use.
SHELL := /bin/bash
PY := .venv/bin/python

.PHONY: run test lint format messages check-messages setup native reliability check-deploy screenshots backup restore security

run: setup
	@scripts/run.sh

test: setup
	@scripts/test.sh $(ARGS)

setup: .venv/.installed node_modules/.installed native

# The matching core compiled with mypyc into .native/ (databases/matching/__init__.py): a no-op while the build is
# current; without a C compiler the pure-Python modules run, slower.
native: .venv/.installed
	@$(PY) scripts/build_native.py

.venv/.installed: requirements.lock
	@test -x $(PY) || python3 -m venv .venv
	@$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip install -q -r requirements.lock
	@touch $@

node_modules/.installed: package-lock.json
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

lint: setup
	@$(PY) -m ruff check .
	@$(PY) -m ruff format --check .
	@$(PY) -m bandit -q -c pyproject.toml -r . --severity-level medium

format: setup
	@$(PY) -m ruff format .
	@$(PY) -m ruff check --fix .

# Regenerate the catalogues of ar, fr and es from the code and templates, then compile them.
messages: setup
	@$(PY) manage.py makemessages -l ar -l fr -l es --no-obsolete --no-location --ignore=.venv --ignore=node_modules --ignore=bench --ignore=tests
	@$(PY) manage.py compilemessages -v0 --ignore=.venv --ignore=node_modules

# CI: the catalogues are current and every message is translated, with no fuzzy entry.
check-messages: setup
	@scripts/check-messages.sh

check-deploy: setup
	@PORTAL_ENV=production SECRET_KEY=$$(openssl rand -hex 32) ALLOWED_HOSTS=portal.example.org \
	  DATABASE_URL=sqlite:///.data/check.sqlite3 $(PY) manage.py check --deploy --fail-level WARNING

# The long reliability runs (full-size bad input, fuzz and faults, then mixed load): docs/reliability.md.
reliability: setup
	@scripts/reliability.sh

# Refresh docs/screenshots/ (each main page in each language) from a live server with demo data.
screenshots: setup
	@PORTAL_SCREENSHOTS=1 scripts/test.sh -q --no-cov tests/e2e/test_screenshots.py

# The database and the uploaded files of `make run` (its .env) into backups/<UTC time>/, and back.
backup: setup
	@$(PY) manage.py backup $(BACKUP)

restore: setup
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/<folder>" >&2; exit 2; }
	@$(PY) manage.py restore $(BACKUP)
