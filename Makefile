# The two commands the README opens with: `make demo` and `make test`.
# Each creates the virtual environment and installs what it needs on its own.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_STORE := demo.db

.PHONY: demo test lint types pytest bench bench-quick clean catalogs

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# schemathesis, run by the tests against the live server, in an environment of
# its own: what it brings (rich among others) stays out of the project's.
SCHEMATHESIS := $(VENV)/tools/schemathesis/bin/schemathesis

$(SCHEMATHESIS): | $(BIN)/python
	$(PYTHON) -m venv $(VENV)/tools/schemathesis
	$(VENV)/tools/schemathesis/bin/python -m pip install --quiet 'schemathesis>=4,<5'

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

demo: $(VENV)/.installed
	rm -f $(DEMO_STORE) $(DEMO_STORE)-wal $(DEMO_STORE)-shm
	SECRETARIAT_STORE=sqlite:///$(DEMO_STORE) SECRETARIAT_ACTOR=demo PATH="$(CURDIR)/$(BIN):$$PATH" \
		bash scripts/demo.sh

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(VENV)/.installed-test
	$(BIN)/mypy domain application adapters bench

pytest: $(VENV)/.installed-test $(SCHEMATHESIS)
	SECRETARIAT_TEST_SCHEMATHESIS=$(CURDIR)/$(SCHEMATHESIS) $(BIN)/pytest -n auto

# The benchmark at tiny sizes: checks that every figure is produced, not the
# targets (those are for the full run on a quiet machine; see bench/RESULTS.md).
bench-quick: $(VENV)/.installed-bench
	$(BIN)/python -m bench --quick

bench: $(VENV)/.installed-bench
	$(BIN)/python -m bench --events 1000000

test: lint types pytest bench-quick

# The site's message catalogs (docs/translating.md): the interface's words
# extracted into messages.pot, then merged into each language's .po (new
# messages empty, changed ones fuzzy, for a translator to finish). The .po
# files are compiled by Babel when the site is built.
LOCALE := adapters/site/locale

catalogs: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k NP_:1c,2 -c TRANSLATORS: \
		--project secretariat --version 0.1.0 --copyright-holder "the secretariat project" \
		--no-wrap -o $(LOCALE)/messages.pot .
	$(BIN)/pybabel update -i $(LOCALE)/messages.pot -d $(LOCALE) --no-wrap --ignore-obsolete

clean:
	rm -rf $(VENV) $(DEMO_STORE) $(DEMO_STORE)-wal $(DEMO_STORE)-shm .pytest_cache .mypy_cache .ruff_cache
