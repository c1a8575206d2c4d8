# The index of the project's tasks. `make run` and `make test` do all the set-up they need.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2
# DEBUG is off unless turned on: the embedded demo, the tests and the benchmarks' set-up turn it on
# here (an environment that sets DEBUG, e.g. DEBUG=0 with a SECRET_KEY, wins).
export DEBUG ?= 1

.PHONY: run test quality format bench audit demo migrate messages static screenshots clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

var:
	mkdir -p var

# Front-end foundations come from npm (package-lock.json pins them) and are copied as they ship:
# no build step. The copies are not committed (.gitignore).
VENDOR := reserve/core/static/vendor
NPM_STAMP := node_modules/.installed
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $(NPM_STAMP)

static: $(NPM_STAMP)
	mkdir -p $(VENDOR)/pico
	cp node_modules/@picocss/pico/css/pico.min.css node_modules/@picocss/pico/LICENSE.md $(VENDOR)/pico/

migrate: $(STAMP) var static
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

## Serve the platform with its task worker and scheduler on http://127.0.0.1:8000
run: demo
	@$(PY) manage.py db_worker --interval 1 & worker=$$!; \
	$(PY) manage.py scheduler > var/scheduler.log & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

## The whole suite (unit, integration, browser); on PostgreSQL when DATABASE_URL is set
test: $(STAMP) static
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile

quality: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run
	DEBUG=0 SECRET_KEY=quality-check-$$(date +%s)-0123456789abcdefghijklmnopqrstuvwxyz ALLOWED_HOSTS=example.org \
		$(PY) manage.py check --deploy --fail-level WARNING

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(STAMP)
	cd reserve && ../$(PY) ../manage.py makemessages -l en --no-obsolete
	cd reserve && ../$(PY) ../manage.py compilemessages

bench: $(STAMP) static
	$(PY) bench/run.py

## The README's screenshots (docs/screenshots/), taken by Chromium over the demo
screenshots: $(STAMP) static
	$(PY) e2e/screenshots.py

## Concurrency and fault scenarios against a real server; prints what was lost (must be 0)
audit: $(STAMP)
	$(PY) audit/run.py

clean:
	rm -rf $(VENV) var node_modules $(VENDOR)
