PY ?= python3
VENV = .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed

SAMPLE = data/raw/sample
SAMPLE_GOLD = data/raw/sample-gold.jsonl
INDEPENDENT_GOLD = data/eval/independent/gold.jsonl
PROCESSED = data/processed
REPORTS = reports
LAB_STAMP = $(VENV)/.lab-installed
AXE = node_modules/axe-core/axe.min.js
LINT_PATHS = $(wildcard src tests benchmarks notebooks)

.PHONY: setup demo test lint format lab clean distclean FORCE

setup: $(STAMP)

# Reinstall when pyproject.toml or constraints.txt changed, or when the console script is missing
# (a venv whose install was interrupted).
$(STAMP): pyproject.toml constraints.txt $(if $(wildcard $(BIN)/statements),,FORCE)
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -c constraints.txt -e '.[dev]'
	touch $@

FORCE:

demo: setup
	$(BIN)/statements ingest $(SAMPLE) --out $(PROCESSED)
	$(BIN)/statements analyze --processed $(PROCESSED)
	$(BIN)/statements evaluate --processed $(PROCESSED) --gold $(SAMPLE_GOLD) --gold $(INDEPENDENT_GOLD) --lomo --learning-curve 0 3 5 10
	$(BIN)/statements report --processed $(PROCESSED) --out $(REPORTS) --gold $(SAMPLE_GOLD)
	@echo
	@echo "Fertig. Tabellen: $(PROCESSED)/  Berichte: $(REPORTS)/index.html"
	@echo "Done. Tables: $(PROCESSED)/  Reports: $(REPORTS)/index.html"

# axe-core for the accessibility test of the reports (skipped where npm is missing).
$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

test: setup $(if $(shell command -v npm 2>/dev/null),$(AXE))
	$(BIN)/python -m pytest $(PYTEST_ARGS)

$(LAB_STAMP): $(STAMP) notebooks/jupyterlab-settings.json
	$(BIN)/python -m pip install -c constraints.txt -e '.[dev,lab]'
	$(BIN)/python -m ipykernel install --sys-prefix --name stellungnahmen-analyse \
	    --display-name "Python (Stellungnahmen-Analyse)"
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp notebooks/jupyterlab-settings.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $@

lab: $(LAB_STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

lint: setup
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

format: setup
	$(BIN)/ruff format $(LINT_PATHS)
	$(BIN)/ruff check --fix $(LINT_PATHS)

clean:
	rm -rf $(PROCESSED) $(REPORTS) .pytest_cache .ruff_cache

distclean: clean
	rm -rf $(VENV)
