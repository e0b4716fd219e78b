# changwat — build, preview and test the site.
#
#   make site         install pinned dependencies (once), generate docs/ from data/, build site/
#   make pages        only generate docs/ from data/ (changwat pages)
#   make serve        live preview of both languages at http://127.0.0.1:8000/changwat/
#   make serve-th     faster live preview of the Thai site only (mkdocs-static-i18n build_only_locale;
#                     an English-only preview is not possible: with the suffix structure the Thai
#                     x.md files would be taken for English)
#   make test         the whole gate: everything the tests need (venv, dependencies, Chromium, LibreOffice
#                     Calc, the Nu Html Checker), then every test (what .ci/run calls)
#   make test-fast    the edit loop: unit and golden tests only (no site build, no browser), under a minute
#   make lint         ruff (lint and format) and mypy --strict on the package (part of make test)
#   make regen        rewrite every generated artefact after an intended change: golden outputs, page
#                     snapshots, JSON Schemas and the field reference, CONTRIBUTING's examples
#   make bench-deps   what bench/lighthouse.py and bench/subset_fonts.py need: Debian's nginx, and
#                     lighthouse + @fontsource/sarabun (pinned in bench/package-lock.json) in bench/node_modules
#   make constraints  re-pin constraints.txt from the current .venv (after editing pyproject.toml)
#   make clean        remove generated docs/ pages, site/ and test-artifacts/
#
# Targets are idempotent: the dependency install runs again only when pyproject.toml or
# constraints.txt changes (stamp file in .venv/).

PYTHON      ?= python3
VENV        := .venv
BIN         := $(VENV)/bin
STAMP       := $(VENV)/.changwat-deps
CHROMIUM    := /usr/bin/chromium
MKDOCS_ARGS ?=

export NO_MKDOCS_2_WARNING := 1

OFFICE      ?= ang-thong

.PHONY: site pages serve serve-th preview test test-fast regen lint deps chromium judges libreoffice bench-deps constraints clean

site: $(STAMP)
	$(BIN)/mkdocs build --strict $(MKDOCS_ARGS)

pages: $(STAMP)
	$(BIN)/changwat pages

serve: $(STAMP)
	$(BIN)/mkdocs serve $(MKDOCS_ARGS)

serve-th: $(STAMP)
	CHANGWAT_ONLY_LOCALE=th $(BIN)/mkdocs serve $(MKDOCS_ARGS)

preview: $(STAMP)
	CHANGWAT_PREVIEW=$(OFFICE) $(BIN)/mkdocs serve $(MKDOCS_ARGS)

test: $(STAMP) chromium judges libreoffice lint
	$(BIN)/pytest $(PYTEST_ARGS)

# ruff (lint and format check) on the whole tree, mypy --strict on the package (pyproject.toml)
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not build and not browser" $(PYTEST_ARGS)

regen: $(STAMP)
	$(BIN)/changwat schema
	UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/test_validate_golden.py
	UPDATE_SNAPSHOTS=1 $(BIN)/pytest -q tests/test_site_build.py -k snapshot
	UPDATE_CONTRIBUTING=1 $(BIN)/pytest -q tests/test_contributing.py
	@git status --short -- tests/cases tests/snapshots schema CONTRIBUTING.md

deps: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[site,test]'
	@# compiled as pip compiles an installed package (an editable install is not): a build reads them
	@# even where PYTHONDONTWRITEBYTECODE is set (Docker images), instead of compiling 70 modules each time
	$(BIN)/python -m compileall -q src hooks
	touch $@

# Outside judges the tests run: the Nu Html Checker (npm's vnu-jar, pinned by tests/tools/package-lock.json)
# on Java (Debian's default-jre-headless, installed when missing and we are root).
JUDGES := tests/tools/node_modules/.package-lock.json

judges: $(JUDGES)
	@if command -v java >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y default-jre-headless; \
	else \
		echo "make: java is missing; install Debian's default-jre-headless" >&2; \
		if [ "$$CI" = true ]; then exit 1; fi; \
	fi

$(JUDGES): tests/tools/package.json tests/tools/package-lock.json
	npm ci --prefix tests/tools --no-audit --no-fund --ignore-scripts
	touch $@

# Debian's Chromium for the browser tests (never `playwright install`). Installed only when
# missing and we are root; otherwise say what to do.
chromium:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else \
		echo "make: $(CHROMIUM) is missing; install Debian's chromium (sudo apt-get install chromium)" >&2; \
		if [ "$$CI" = true ]; then exit 1; fi; \
	fi

# The benchmark's tools, never needed to build or test: Debian's nginx (run by bench/lighthouse.py on
# 127.0.0.1 only) and the npm packages of bench/package-lock.json (npm ci: exactly the pinned versions).
bench-deps: $(STAMP) chromium
	@if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx; \
	else \
		echo "make: nginx is missing; install Debian's nginx (sudo apt-get install nginx)" >&2; exit 1; \
	fi
	cd bench && npm ci --no-audit --no-fund

# LibreOffice Calc (Debian's headless build) for the test that opens offices.csv in a spreadsheet.
# Installed only when missing and we are root; otherwise say what to do.
libreoffice:
	@if command -v soffice >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-calc-nogui; \
	else \
		echo "make: soffice is missing; install Debian's libreoffice-calc-nogui" >&2; \
		if [ "$$CI" = true ]; then exit 1; fi; \
	fi

constraints: | $(BIN)/python
	{ echo "# Pinned versions of every dependency (direct and transitive) for make; the project itself excluded."; \
	  echo "# Regenerate after changing pyproject.toml: make constraints"; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^changwat[= ]'; } > constraints.txt.tmp
	mv constraints.txt.tmp constraints.txt

clean:
	rm -rf site test-artifacts docs/*   # docs/.gitkeep stays (MkDocs needs docs/ to exist)
