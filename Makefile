# Two commands: `make run` (assistant on http://127.0.0.1:7860) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DIST_STAMP := $(VENV)/.distributed-stamp
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: run test install browser lint eval bench lock clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(STAMP)

# The optional 'distributed' extra (Ray Data): make test installs it so the Ray build test runs.
$(DIST_STAMP): $(STAMP) requirements-distributed.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-distributed.lock
	touch $(DIST_STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/python -m assistant

browser:
	@scripts/ensure-chromium.sh

test: $(STAMP) $(DIST_STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

eval: $(STAMP)
	$(BIN)/python -m eval run --compare

bench: $(STAMP) $(DIST_STAMP) browser
	$(BIN)/python -m eval bench
	$(BIN)/python scripts/bench_ui.py

lock:
	rm -rf /tmp/lockenv && $(PYTHON) -m venv /tmp/lockenv
	/tmp/lockenv/bin/pip install --quiet -e '.[dev]'
	{ echo "# Pinned by pip's resolver from pyproject.toml (python 3.11, CPU). Regenerate: make lock"; \
	  /tmp/lockenv/bin/pip freeze --exclude-editable | grep -v '^torch=='; echo "torch==2.13.0"; } > requirements.lock

clean:
	rm -rf $(VENV) .data
