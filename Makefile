# Two entry points for a newcomer: `make demo` and `make test`. Both create .venv first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out
SEED   := maps/shagina-2018-japan-sanctions.yaml

.PHONY: demo test install lint typecheck pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

## demo: install, check and summarise the seed map
demo: install
	@mkdir -p $(OUT)
	$(BIN)/argmap check $(SEED)
	$(BIN)/argmap show $(SEED)

## test: lint, type-check and run the test suite
test: install lint typecheck pytest

lint:
	$(BIN)/ruff check argmap tests bench
	$(BIN)/ruff format --check argmap tests bench

typecheck:
	$(BIN)/mypy

pytest:
	$(BIN)/pytest -n 2 -q

clean:
	rm -rf $(VENV) $(OUT) .mypy_cache .ruff_cache .pytest_cache
