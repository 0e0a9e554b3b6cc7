# ILOMO: build the book, run the tests, serve and present. Every target sets up .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HTML := _build/html
PORT ?= 8000
MODULE ?= 07
TEST_WORKERS ?= 2

.PHONY: install book test lint serve lab present bench clean dist pdf assets

install: $(STAMP)

$(STAMP): pyproject.toml package.json package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,present]'
	npm ci --no-audit --no-fund --silent  # dev tools only (axe-core, esbuild); nothing here ships with the site
	touch $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . -W -n --keep-going
	@echo "Open the site: file://$(CURDIR)/$(HTML)/index.html  (or: make serve)"

# Two worker processes (pytest-xdist): CI's 2-core machine stays under its time limit; `worksteal` evens out the
# long browser tests. TEST_WORKERS=0 runs everything in one process.
test: $(STAMP)
	$(BIN)/python -m pytest $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist worksteal)

# After editing one of the site's scripts (sphinxext/static/ilomo*.js, kinds/*/player.js): their minified copies in
# src/ilomo/sphinxext/minified/, made by esbuild and committed (a book build does not need Node).
assets: $(STAMP)
	$(BIN)/python -m ilomo.sphinxext.minified node_modules/.bin/esbuild

lint: $(STAMP)
	$(BIN)/ruff check .

serve: $(STAMP)
	@test -f $(HTML)/index.html || $(MAKE) book
	@echo "Serving the book at http://127.0.0.1:$(PORT)/"
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory $(HTML)

lab: $(STAMP)
	$(BIN)/jupyter lab --ip 127.0.0.1 --notebook-dir notebooks

# A module in Voilà for the room (trainer mode, code hidden): make present MODULE=07
present: $(STAMP)
	$(BIN)/ilomo present $(MODULE)

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Release: dist/ilomo-site-<version>.zip (+ .sha256) of a fresh build; it works unzipped from disk (file://).
dist: book
	$(BIN)/ilomo publish dist $(HTML) dist

# Two PDF handouts per module (_build/pdf/NN-slug-deelnemers.pdf, NN-slug-trainers.pdf), printed by headless
# Chromium from the built site: make pdf MODULE=07 for one module, make pdf for all of them.
pdf: book
	$(BIN)/ilomo publish pdf $(HTML) _build/pdf $(if $(filter command line environment,$(origin MODULE)),--module $(MODULE))

clean:
	rm -rf _build dist .pytest_cache .ruff_cache .hypothesis
