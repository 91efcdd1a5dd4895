# Two commands do everything: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
FLASK   := $(BIN)/flask --app wsgi
STAMP   := $(VENV)/.install-stamp

.PHONY: install run serve test lint bench clean

# install: the virtualenv, the package with its test extras, the front-end files, translations.
install: $(STAMP) static/vendor/htmx.min.js translations

# requirements.lock pins every package; the project itself is installed on top without resolving.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# lock: re-resolve pyproject.toml's ranges in a scratch venv and pin the result.
.PHONY: lock
lock:
	rm -rf .lock-venv && $(PY) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet -e '.[test]'
	{ sed -n 1,2p requirements.lock; .lock-venv/bin/python -m pip freeze --exclude-editable; } > requirements.lock.new
	mv requirements.lock.new requirements.lock && rm -rf .lock-venv

node_modules/htmx.org/dist/htmx.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

static/vendor/htmx.min.js: node_modules/htmx.org/dist/htmx.min.js
	mkdir -p static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx.min.js

.PHONY: translations
translations: $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy -d editorial/translations -f >/dev/null

# run: migrate the embedded SQLite database, load the demo province, serve with the scheduler.
run: install
	$(FLASK) db upgrade
	$(FLASK) demo load
	$(FLASK) demo logins
	$(FLASK) scheduler run & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null; wait $$scheduler' EXIT INT TERM; \
	$(FLASK) run --host 127.0.0.1 --port 5000

test: install lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) node_modules static/vendor
