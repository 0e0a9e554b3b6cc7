# ILOMO: build the book, run the tests, serve and present. Every target sets up .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HTML := _build/html
PORT ?= 8000
MODULE ?= 07

.PHONY: install book test lint serve lab present bench clean dist pdf

install: $(STAMP)

$(STAMP): pyproject.toml package.json package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,present]'
	npm ci --no-audit --no-fund --silent  # test tools only (axe-core); nothing ships with the site
	touch $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . -W -n --keep-going
	@echo "Open the site: file://$(CURDIR)/$(HTML)/index.html  (or: make serve)"

test: $(STAMP)
	$(BIN)/python -m pytest

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

# One PDF handout per module (_build/pdf/NN-slug.pdf), printed by headless Chromium from the built site.
pdf: book
	$(BIN)/ilomo publish pdf $(HTML) _build/pdf

clean:
	rm -rf _build dist .pytest_cache .ruff_cache .hypothesis
