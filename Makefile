# Nidation CMS. `make run` and `make test` are all a new machine needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve test fuzz lint schema check-migrations check-deploy audit bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "Python 3.11 is required (set PYTHON=/path/to/python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

install: $(VENV)/.installed

# Set up (one line per step) and serve on http://$(HOST):$(PORT), e.g.
# `make run PORT=8080` or `make run HOST=0.0.0.0`.
run: install
	@$(BIN)/python manage.py migrate --noinput -v0 && echo "Database migrated."
	@$(BIN)/python manage.py load_demo_content
	@$(BIN)/python manage.py ensure_admin
	@$(BIN)/python manage.py setup_translators
	@echo ""
	@echo "  Admin:   http://$(HOST):$(PORT)/admin/"
	@echo "  GraphQL: http://$(HOST):$(PORT)/graphql/"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production serving: gunicorn with settings.production. Needs SECRET_KEY,
# ALLOWED_HOSTS and DATABASE_URL (PostgreSQL); REDIS_URL for a shared cache.
serve: install
	DJANGO_SETTINGS_MODULE=settings.production $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=settings.production $(BIN)/python manage.py collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=settings.production $(BIN)/gunicorn cms.wsgi:application -c cms/gunicorn_conf.py

test: install
	$(BIN)/pytest

# Property-based fuzzing of every root field with new random examples (the
# regular suite runs fewer, the same ones every run).
fuzz: install
	HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=100 $(BIN)/pytest tests/cms/test_fuzz.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-migrations: install
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=settings.test

# Regenerate the committed SDL snapshot after a reviewed schema change.
schema: install
	$(BIN)/python manage.py graphql_schema --schema grapple.schema.schema \
		--out tests/snapshots/schema.graphql --settings=settings.test

# Django's deployment checks against production settings.
check-deploy: install
	DJANGO_SETTINGS_MODULE=settings.production \
	SECRET_KEY=$${SECRET_KEY:-check-deploy-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-cms.example.org} \
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres} \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

# Known vulnerabilities in the pinned requirements (needs network access to
# the advisory databases).
audit: install
	$(BIN)/pip install --quiet pip-audit==2.10.1
	$(BIN)/pip-audit -r requirements.txt

# Throughput and latency of the article API on gunicorn with production
# settings: GraphQL uncached and cached, Wagtail's REST API and the floor (see
# docs/benchmark.md). Needs PostgreSQL and Redis on 127.0.0.1; recreates the
# database nidation_bench and empties Redis database 13. Not run in CI.
bench: install
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
