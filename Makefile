# Two commands a fresh machine needs: `make run` (the terminal demo) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench setup catalogs

$(BIN)/nhacviec: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

setup: $(BIN)/nhacviec

run: setup
	$(BIN)/nhacviec run

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -n auto

bench: setup
	$(BIN)/python -m benchmarks

catalogs: setup
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k t -k say -k translate --no-location --sort-output -w 100 -o locale/messages.pot i18n bot handlers jobs models planning services web
	$(BIN)/pybabel update -i locale/messages.pot -d locale -D messages --no-fuzzy-matching -w 100
