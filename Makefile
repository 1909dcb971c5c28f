# Two entry points for a newcomer: `make demo` (argmap alone, in .venv) and `make test` (argmap
# with the development tools, in the same .venv). Both create .venv first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out
SEED   := maps/shagina-2018-japan-sanctions.yaml

.PHONY: demo test install install-runtime tools system-tools lint typecheck pytest docs docs-serve bench csl-suite csl-known-failures clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# argmap and its runtime dependencies only: what a user needs to run it.
$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# The development tools too (linters, type checker, test and documentation tools); this
# includes everything the runtime install has, so it marks that one done as well.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(VENV)/.runtime $@

install-runtime: $(VENV)/.runtime
install: $(VENV)/.installed

# The Argdown parser, Mermaid and citeproc-js, which tests check our output with (skipped without npm).
tests/tools/node_modules/.installed: tests/tools/package.json tests/tools/package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the Argdown tests will be skipped"; fi

tools: tests/tools/node_modules/.installed

NAME   := $(basename $(notdir $(SEED)))

# Graphviz (and, for the tests, biber, Chromium and poppler's pdfinfo) through apt-get where
# no password is needed; elsewhere a one-line note, and what needs them is skipped. The tests'
# pandoc is pandoc 3 from the pypandoc-binary wheel, installed with the dev tools.
HAVE_DOT := { [ -n "$$ARGMAP_DOT" ] && [ -x "$$ARGMAP_DOT" ]; } || command -v dot >/dev/null

system-tools:
	@.ci/install-tools dot biber chromium pdfinfo

## demo: install argmap (no development tools), then check, summarise and draw the seed map
## and export its citations
demo: install-runtime
	@.ci/install-tools dot
	@mkdir -p $(OUT)
	$(BIN)/argmap check $(SEED)
	$(BIN)/argmap show $(SEED)
	$(BIN)/argmap render $(SEED) -f dot -o $(OUT)/$(NAME).dot
	$(BIN)/argmap render $(SEED) -f mermaid -o $(OUT)/$(NAME).mmd
	@if $(HAVE_DOT); then \
	  echo "$(BIN)/argmap render $(SEED) -o $(OUT)/$(NAME).svg"; \
	  $(BIN)/argmap render $(SEED) -o $(OUT)/$(NAME).svg; \
	  echo "$(BIN)/argmap render $(SEED) -o $(OUT)/$(NAME).html"; \
	  $(BIN)/argmap render $(SEED) -o $(OUT)/$(NAME).html; fi
	$(BIN)/argmap cite $(SEED) -f markdown -s apa -o $(OUT)/$(NAME)-reading-list.md
	$(BIN)/argmap cite $(SEED) -f bibtex -o $(OUT)/$(NAME).bib
	$(BIN)/argmap cite $(SEED) -f ris -o $(OUT)/$(NAME).ris
	$(BIN)/argmap convert $(SEED) -o $(OUT)/$(NAME).aif.json
	@if $(HAVE_DOT); then image="the diagram (.svg, its .dot and Mermaid source, the HTML page)"; \
	else image="the diagram's .dot and Mermaid source (no .svg or HTML page: Graphviz is missing, see the note above)"; fi; \
	echo "argmap is in $(VENV): run '. $(BIN)/activate' to have the argmap command in this shell"; \
	echo "Wrote $(OUT)/: $$image, an APA reading list (.md), .bib and .ris for Zotero, AIF"

## test: lint, type-check and run the test suite
test: install tools system-tools lint typecheck pytest

lint:
	$(BIN)/ruff check argmap tests bench
	$(BIN)/ruff format --check argmap tests bench

typecheck:
	$(BIN)/mypy

pytest:
	$(BIN)/pytest -n 2 -q

## docs: build the documentation site into site/ (the tests build it too, with --strict)
docs: install
	$(BIN)/mkdocs build --strict

## docs-serve: the documentation site at http://127.0.0.1:8000, rebuilt on every change
docs-serve: install
	$(BIN)/mkdocs serve

## bench: the speed benchmarks (minutes; the AIF one sets up arguebuf in bench/.venv-arguebuf)
bench: install
	$(BIN)/python -m bench.startup
	$(BIN)/python -m bench.map_io
	$(BIN)/python -m bench.render
	$(BIN)/python -m bench.html_page
	$(BIN)/python -m bench.aif
	$(BIN)/python -m bench.bibliography
	$(BIN)/python -m bench.reading_list
	$(BIN)/python -m bench.analysis
	$(BIN)/python -m bench.solver
	$(BIN)/python -m bench.corpus

## csl-suite: the CSL processor test suite's pass rate, failures by category
csl-suite: install
	$(BIN)/python -m tests.citations.csl_suite

## csl-known-failures: rewrite tests/data/csl-known-failures.txt from a run of the suite
csl-known-failures: install
	$(BIN)/python -m tests.citations.csl_suite --write

clean:
	rm -rf $(VENV) $(OUT) site .mypy_cache .ruff_cache .pytest_cache
