# Nidation CMS. `make run` and `make test` are all a new machine needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint schema check-migrations clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "Python 3.11 is required (set PYTHON=/path/to/python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_admin
	@echo ""
	@echo "  Admin:   http://$(HOST):$(PORT)/admin/"
	@echo "  GraphQL: http://$(HOST):$(PORT)/graphql/"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-migrations: install
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=settings.test

# Regenerate the committed SDL snapshot after a reviewed schema change.
schema: install
	$(BIN)/python manage.py graphql_schema --schema grapple.schema.schema \
		--out tests/snapshots/schema.graphql --settings=settings.test

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
