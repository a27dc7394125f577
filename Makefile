# Two entry points, each self-contained on a fresh machine with Python 3.10+ and pip:
#   make verify   set up .venv and verify every claim of the article
#   make test     set up .venv (with test extras) and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: verify test setup setup-test report clean

# pip is quiet; PYTHONWARNINGS silences the build backend's notes about editable installs
PIP = PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --disable-pip-version-check

$(BIN)/python:
	@echo "creating $(VENV) ..."
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip

setup: $(BIN)/python
	@echo "installing symrnn and its dependencies into $(VENV) (about a minute the first time) ..."
	@$(PIP) -e .

setup-test: $(BIN)/python
	@echo "installing symrnn with the test extras into $(VENV) (about a minute the first time) ..."
	@$(PIP) -e ".[test]"

verify: setup
	$(BIN)/symrnn verify

test: setup-test
	$(BIN)/python -m pytest

# Regenerate the committed Markdown report (a test fails when it is stale).
report: setup
	$(BIN)/symrnn docs --out build/docs --no-pdf --no-empirical --no-figures --markdown docs/report.md

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis
