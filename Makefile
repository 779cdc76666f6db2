PY ?= python3
VENV = .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed

SAMPLE = data/raw/sample
PROCESSED = data/processed
LINT_PATHS = $(wildcard src tests benchmarks)

.PHONY: setup demo test lint format clean distclean FORCE

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
	@echo
	@echo "Fertig: die Tabellen liegen in $(PROCESSED)/ (statements.parquet, paragraphs.parquet, sentences.parquet)."
	@echo "Done: the tables are in $(PROCESSED)/ (statements.parquet, paragraphs.parquet, sentences.parquet)."

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

format: setup
	$(BIN)/ruff format $(LINT_PATHS)
	$(BIN)/ruff check --fix $(LINT_PATHS)

clean:
	rm -rf $(PROCESSED) reports .pytest_cache .ruff_cache

distclean: clean
	rm -rf $(VENV)
