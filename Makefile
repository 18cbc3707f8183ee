# Two commands on a fresh machine (Python >= 3.11 and make): `make test`, `make report`.
# Each creates .venv when missing and installs the locked versions once; a second run
# installs nothing (the stamp file is newer than the lock and pyproject.toml).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
LOCK := requirements/lock.txt
STAMP := $(VENV)/.installed
# The suite on every core, one test module per worker (pytest-xdist; tests/conftest.py
# starts the long modules first). `make test PARALLEL=` runs it in one process.
PARALLEL ?= -n auto --dist loadfile --no-loadscope-reorder

.PHONY: test test-fast report lock info clean-venv

test: $(STAMP)
	$(BIN)/python -m pytest $(PARALLEL)

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" $(PARALLEL)

report: $(STAMP)
	$(BIN)/bhxh report all

info: $(STAMP)
	$(BIN)/bhxh info

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --no-deps -e .
	touch $(STAMP)

lock: | $(BIN)/python
	$(BIN)/python -m pip install "uv>=0.5"
	$(BIN)/python requirements/make_lock.py

clean-venv:
	rm -rf $(VENV)
