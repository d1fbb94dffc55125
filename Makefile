# Nidation CMS. `make run` and `make test` are all a new machine needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
FRONTEND_PORT ?= 3000
# The languages `make run` machine-translates the demo article into (offline
# stand-in translator, labelled as machine output); empty for English only.
DEMO_TRANSLATIONS ?= de
# The signing secret the CMS's webhooks and the frontend's /api/revalidate
# share in development (a Standard Webhooks secret; set your own in production).
FRONTEND_REVALIDATE_SECRET ?= whsec_bmlkYXRpb24tZGV2ZWxvcG1lbnQtcmV2YWxpZGF0aW9uLXNlY3JldA==
# The background worker that delivers publishing events (webhooks, the CDN
# purge, the frontend's revalidation), beside the web server.
WORKER = $(BIN)/python manage.py db_worker --backend webhooks
# The reference frontend (docs/frontend.md) needs Node.js 20.19+ and npm.
NODE_OK = $(shell node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null && command -v npm >/dev/null && echo yes)

.PHONY: install run serve test test-frontend fuzz lint schema check-migrations check-deploy audit bench clean messages

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "Python 3.11 is required (set PYTHON=/path/to/python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

# GraphiQL's browser bundles, pinned in cms/graphiql/package-lock.json and
# copied where staticfiles collects them: the page makes no request elsewhere.
GRAPHIQL_STATIC := cms/static/cms/graphiql/vendor

$(GRAPHIQL_STATIC)/.installed: cms/graphiql/package-lock.json cms/graphiql/install.sh
	@sh cms/graphiql/install.sh
	@touch $@

# The admin's own text in German, French, Spanish and Italian: the .po
# catalogues in locale/ are committed, the compiled .mo files are built here
# whenever a catalogue is newer, as compilemessages would: with GNU gettext's
# msgfmt (its checks are stricter), else with polib (a requirement already).
LANGUAGES_OF_THE_ADMIN := de fr es it
CATALOGUES := $(foreach lang,$(LANGUAGES_OF_THE_ADMIN),locale/$(lang)/LC_MESSAGES/django.mo)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | $(VENV)/.installed
	@if command -v msgfmt >/dev/null; then msgfmt --check -o $@ $<; \
	else $(BIN)/python -c 'import sys, polib; polib.pofile(sys.argv[1]).save_as_mofile(sys.argv[2])' $< $@; fi

install: $(VENV)/.installed $(GRAPHIQL_STATIC)/.installed $(CATALOGUES)

# After adding or changing translatable text in cms/ or content/: update the
# catalogues (new entries come untranslated; translate them, then make
# install compiles them). docs/translators.md, "Translating the admin".
messages: install
	$(BIN)/python manage.py makemessages $(foreach lang,$(LANGUAGES_OF_THE_ADMIN),-l $(lang)) \
		--add-location=file --no-obsolete --ignore='.venv/*' --ignore='frontend/*' \
		--ignore='node_modules/*' --ignore='bench/*' --ignore='tests/*' --ignore='static/*' \
		--ignore='media/*' --settings=settings.test

# Set up (one line per step) and serve on http://$(HOST):$(PORT), e.g.
# `make run PORT=8080` or `make run HOST=0.0.0.0`; with Node.js, the
# reference frontend too, on http://$(HOST):$(FRONTEND_PORT).
run: install
	@$(BIN)/python manage.py migrate --noinput -v0 && echo "Database migrated."
	@$(BIN)/python manage.py load_demo_content $(if $(DEMO_TRANSLATIONS),--translations $(DEMO_TRANSLATIONS))
	@$(BIN)/python manage.py import_trusted_documents frontend/src/graphql/generated/persisted-documents.json
	@$(BIN)/python manage.py ensure_admin
	@$(BIN)/python manage.py setup_translators
	@echo ""
	@echo "  Admin:   http://$(HOST):$(PORT)/admin/"
	@echo "  GraphQL: http://$(HOST):$(PORT)/graphql/"
	@echo "  Worker:  delivers webhooks (manage.py db_worker --backend webhooks)"
ifeq ($(NODE_OK),yes)
	@[ frontend/node_modules/.package-lock.json -nt frontend/package-lock.json ] || \
		(cd frontend && npm ci --no-audit --no-fund --loglevel=error)
	@echo "  Site:    http://$(HOST):$(FRONTEND_PORT)/ (the reference frontend)"
	@echo ""
# The frontend and the worker get a process group of their own (setsid, where
# there is one), so that stopping the CMS stops them and their children too.
	@(cd frontend && NEXT_TELEMETRY_DISABLED=1 CMS_GRAPHQL_URL=http://$(HOST):$(PORT)/graphql/ \
		FRONTEND_URL=http://$(HOST):$(FRONTEND_PORT) FRONTEND_REVALIDATE_SECRET=$(FRONTEND_REVALIDATE_SECRET) \
		exec $$(command -v setsid) node_modules/.bin/next dev --port $(FRONTEND_PORT) --hostname $(HOST)) & \
	FRONTEND_PID=$$!; \
	(FRONTEND_URL=http://$(HOST):$(FRONTEND_PORT) FRONTEND_REVALIDATE_SECRET=$(FRONTEND_REVALIDATE_SECRET) \
		exec $$(command -v setsid) $(WORKER)) & \
	WORKER_PID=$$!; \
	trap 'kill -- -$$FRONTEND_PID 2>/dev/null || kill $$FRONTEND_PID 2>/dev/null; kill -- -$$WORKER_PID 2>/dev/null || kill $$WORKER_PID 2>/dev/null' EXIT INT TERM; \
	FRONTEND_URL=http://$(HOST):$(FRONTEND_PORT) FRONTEND_REVALIDATE_SECRET=$(FRONTEND_REVALIDATE_SECRET) \
		$(BIN)/python manage.py runserver $(HOST):$(PORT)
else
	@echo "  Site:    not started: the reference frontend needs Node.js 20.19 or"
	@echo "           newer with npm (docs/frontend.md)."
	@echo ""
# Without a frontend, View live and Preview stay on the CMS (FRONTEND_URL
# empty) unless one is given; the worker still delivers to the admin's
# subscriptions.
	@(FRONTEND_URL=$${FRONTEND_URL-} exec $$(command -v setsid) $(WORKER)) & \
	WORKER_PID=$$!; \
	trap 'kill -- -$$WORKER_PID 2>/dev/null || kill $$WORKER_PID 2>/dev/null' EXIT INT TERM; \
	FRONTEND_URL=$${FRONTEND_URL-} $(BIN)/python manage.py runserver $(HOST):$(PORT)
endif

# Production serving: gunicorn with settings.production, and the worker beside
# it (stopped with it). Needs SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL
# (PostgreSQL, also the worker's queue); REDIS_URL for a shared cache.
serve: install
	DJANGO_SETTINGS_MODULE=settings.production $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=settings.production $(BIN)/python manage.py collectstatic --noinput -v0
	@(DJANGO_SETTINGS_MODULE=settings.production exec $$(command -v setsid) $(WORKER) --no-reload) & \
	WORKER_PID=$$!; \
	trap 'kill -- -$$WORKER_PID 2>/dev/null || kill $$WORKER_PID 2>/dev/null' EXIT INT TERM; \
	DJANGO_SETTINGS_MODULE=settings.production $(BIN)/gunicorn cms.wsgi:application -c cms/gunicorn_conf.py

test: install
	$(BIN)/pytest
	@$(MAKE) --no-print-directory test-frontend

# The reference frontend's checks: types, lint, the codegen drift check and
# the component tests. Skipped, with a note, without Node.js 20.19 or newer,
# or with SKIP_FRONTEND=1.

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

test-frontend:
ifeq ($(SKIP_FRONTEND),1)
	@echo "Frontend checks skipped (SKIP_FRONTEND=1)."
else ifeq ($(NODE_OK),yes)
	@$(MAKE) --no-print-directory frontend/node_modules/.package-lock.json
	cd frontend && npm run --silent typecheck && npm run --silent lint && npm run --silent check:codegen && npm test --silent
else
	@echo "Frontend checks skipped: they need Node.js 20.19 or newer with npm"
	@echo "(https://nodejs.org/en/download, or NodeSource's Debian packages)."
endif

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
# settings: GraphQL uncached and cached, Wagtail's REST API and the floor, and
# the reference frontend's server-rendered cause page, cold and warm (with
# Node.js; built into frontend/.next-bench; see docs/benchmark.md). Needs
# PostgreSQL and Redis on 127.0.0.1; recreates the database nidation_bench
# and empties Redis database 13. Not run in CI.
bench: install
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache cms/graphiql/node_modules $(GRAPHIQL_STATIC) frontend/node_modules frontend/.next frontend/.next-bench
	rm -f $(CATALOGUES)
