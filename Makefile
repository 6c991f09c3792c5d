# Gongkai — the two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# PostgreSQL for the second test run (CI has one on 127.0.0.1:5432 with trust auth).
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/gongkai
# The suite runs in parallel (pytest-xdist), one worker per core; the slowest tests are listed at the end.
PYTEST ?= $(BIN)/pytest -n auto --durations=15

.PHONY: install axe messages demo serve test lint test-sqlite test-postgres bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(BIN)/.installed messages axe

# axe-core for the browser accessibility tests (tests/browser/axe/, from the npm registry); without npm the
# test says it is skipped.
axe:
	@if command -v npm >/dev/null 2>&1; then cd tests/browser/axe && npm ci --no-audit --no-fund --silent; \
	else echo "NOTICE: no npm: the accessibility test (axe-core) is SKIPPED."; fi

# Compiled with Babel (a Python package) so that no system gettext is needed.
messages: $(BIN)/.installed
	@$(BIN)/pybabel -q compile -d gongkai/locale -D django --use-fuzzy

demo: install
	$(BIN)/gongkai migrate --noinput
	$(BIN)/gongkai demo
	$(BIN)/gongkai serve --port $(PORT)

serve: install
	$(BIN)/gongkai serve --port $(PORT)

test: install lint test-sqlite test-postgres

lint:
	$(BIN)/ruff check gongkai tests bench

test-sqlite:
	@echo "== test suite on SQLite =="
	$(PYTEST)

test-postgres:
	@if $(BIN)/python -m tests.pg_available "$(PG_TEST_URL)"; then \
		echo "== test suite on PostgreSQL ($(PG_TEST_URL)) =="; \
		GONGKAI_DATABASE_URL="$(PG_TEST_URL)" $(PYTEST); \
	else \
		echo "NOTICE: no PostgreSQL server reachable at $(PG_TEST_URL): the PostgreSQL run is SKIPPED."; \
	fi

# Every benchmark of bench/README.md, on SQLite (set GONGKAI_DATABASE_URL for PostgreSQL).
bench: install
	set -e; for script in import_plan workdays_bench dashboard_bench tick_bench foi_worklist_bench import_documents_bench; do \
		$(BIN)/python bench/$$script.py; \
	done

clean:
	rm -rf $(VENV) var .pytest_cache
