# The two commands of the README: `make video` and `make test`. Both set up first:
# system packages (apt), then a virtualenv in .venv with the pinned Python packages.
PYTHON ?= python3
VENV := .venv
VENV_PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: video lecture test setup system-packages clean

video: setup
	$(VENV_PYTHON) render.py

lecture: setup
	$(VENV_PYTHON) render.py --lecture --jobs 2

test: setup
	$(VENV_PYTHON) -m pytest

setup: system-packages $(INSTALLED)

system-packages:
	@PYTHON=$(PYTHON) bash setup/system-packages.sh

$(INSTALLED): requirements.lock pyproject.toml
	@test -x $(VENV_PYTHON) || $(PYTHON) -m venv $(VENV)
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(INSTALLED)

clean:
	rm -rf $(VENV) build media .pytest_cache .hypothesis
