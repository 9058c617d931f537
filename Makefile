# One entry point for people and CI: `make serve` and `make test` install what
# is missing, then build or test. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TOOLS_VENV := .venv-pyodide
PIP_FLAGS := --quiet --disable-pip-version-check
PORT ?= 8000
# The browser tests serve the site here, under a sub-path as GitHub Pages does.
# site_url must name the address the site is served at, port and path
# included, or mkdocs-material's instant navigation falls back to full loads.
TEST_SITE_URL ?= http://127.0.0.1:8765/calcweb/
# mkdocs-material prints an end-of-life banner on every build otherwise.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help tools wheel site build serve test lint test-native test-pyodide test-site test-browser bench honesty honesty-integrate mutation chromium pyodide-wheels clean

help:
	@echo "make serve   build the wheel and the site, serve on http://127.0.0.1:$(PORT)/"
	@echo "make test    every test: lint, types, native, Pyodide (Node), mkdocs --strict, browser"
	@echo "make build   the wheel (dist/) and the site (site/)"
	@echo "make bench   the benchmarks"
	@echo "make honesty  random searches for dishonest error estimates (bench/honesty)"
	@echo "make mutation  mutation testing of the numerical core (slow; not in make test)"
	@echo "make clean   remove what the build made (keeps the environments)"

# ------------------------------------------------------------------ set-up

$(VENV)/.installed: pyproject.toml requirements/constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install $(PIP_FLAGS) -c requirements/constraints.txt -e '.[dev]'
	touch $@

$(TOOLS_VENV)/.installed: requirements/pyodide-tools.txt
	python312=$$(tools/find-python312) && $$python312 -m venv $(TOOLS_VENV)
	$(TOOLS_VENV)/bin/pip install $(PIP_FLAGS) -r requirements/pyodide-tools.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

.cache/pyodide-wheels/.installed: requirements/pyodide-test.txt $(VENV)/.installed
	rm -rf .cache/pyodide-wheels
	$(BIN)/pip download $(PIP_FLAGS) --no-deps --only-binary=:all: --platform any --python-version 3.14 \
	  --implementation py --abi none -d .cache/pyodide-wheels -r requirements/pyodide-test.txt
	touch $@

tools: $(VENV)/.installed $(TOOLS_VENV)/.installed node_modules/.installed
pyodide-wheels: .cache/pyodide-wheels/.installed

# Debian's chromium drives the browser tests (playwright cannot download one here).
chromium:
	@command -v chromium >/dev/null || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

# ------------------------------------------------------------------ build

wheel: $(VENV)/.installed
	$(BIN)/python -m build --wheel --no-isolation --outdir dist .

site: tools
	$(BIN)/mkdocs build --strict

build: wheel site

serve: wheel tools
	CALCWEB_SITE_URL=http://127.0.0.1:$(PORT)/ $(BIN)/mkdocs build --strict
	$(BIN)/python tools/serve.py --port $(PORT)

# ------------------------------------------------------------------ test

# tsc checks the served JavaScript's types (tsconfig.json: the page's scripts;
# tsconfig.worker.json: the worker's, whose globals differ); ESLint lints it;
# the Pyodide adapter must name the Pyodide that package.json pins.
lint: $(VENV)/.installed node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	node_modules/.bin/tsc --noEmit -p tsconfig.json
	node_modules/.bin/tsc --noEmit -p tsconfig.worker.json
	node_modules/.bin/eslint --max-warnings 0 .
	@# The worker's use of Pyodide's internals was checked against one version.
	@pinned=$$(node -p 'require("./package.json").dependencies.pyodide'); \
	adapter=$$(sed -n 's/^export const PYODIDE_VERSION = "\(.*\)";$$/\1/p' docs/javascripts/pyodide-adapter.js); \
	[ "$$pinned" = "$$adapter" ] || { echo "package.json pins Pyodide $$pinned, but docs/javascripts/pyodide-adapter.js was written for '$$adapter': read it and update it" >&2; exit 1; }

# pytest-xdist spreads the test files over every core, each file whole in one
# worker: tests/fuzz/test_fuzz.py's last test counts the calls of its whole file.
# (--dist loadgroup would group less coarsely, but pytest-xdist 3.8.0's groups
# do not work with pytest 9.2: it renames items through a _nodeid pytest no longer reads.)
test-native: $(VENV)/.installed
	$(BIN)/pytest -n auto --dist loadfile --doctest-modules calcweb tests/unit tests/adversarial tests/docs tests/fuzz

test-site: tools
	CALCWEB_SITE_URL=$(TEST_SITE_URL) $(BIN)/mkdocs build --strict

# The two runs are single-threaded Node processes: on 2 cores they run at once.
test-pyodide: pyodide-wheels
	tools/together 'node tools/pyodide-pytest.mjs' 'node tools/pyodide-pytest.mjs --from-snapshot'

# The longest suite: it lists its 20 slowest tests, to show where CI's time goes.
test-browser: chromium
	$(BIN)/pytest --durations=20 tests/browser

test: tools
	$(MAKE) lint
	$(MAKE) test-native
	$(MAKE) test-site
	$(MAKE) test-pyodide
	$(MAKE) test-browser

# Each bench/bench_*.py prints a table of ratios and writes docs/benchmark-results/<name>.md.
bench: tools chromium
	@scripts=(bench/bench_*.py); \
	if [ ! -e "$${scripts[0]}" ]; then echo "No benchmarks exist yet."; exit 0; fi; \
	for script in "$${scripts[@]}"; do echo "== $$script"; $(BIN)/python "$$script"; done

# Random searches for dishonest answers (bench/honesty: issue 13's figures); not in test or bench.
# make honesty HONESTY_SEED=7 HONESTY_DRAWS=2000 HONESTY_SEARCH=complex-step
HONESTY_SEARCH ?= all
HONESTY_SEED ?= 1
HONESTY_DRAWS ?= 1000
honesty: $(VENV)/.installed
	$(BIN)/python -m bench.honesty $(HONESTY_SEARCH) --seed $(HONESTY_SEED) --draws $(HONESTY_DRAWS)

# The runs behind the integrate figures of the Benchmarks page (bench/bench_integrate.py's
# text), recorded: tests/docs/test_page_honesty_counts.py checks the page against this file.
# Rerun after a change to integrate, then rerun bench/bench_integrate.py with the new figures.
HONESTY_INTEGRATE := bench/honesty/recorded/integrate.txt
honesty-integrate: $(VENV)/.installed
	mkdir -p $(dir $(HONESTY_INTEGRATE))
	{ echo "# make honesty-integrate, at $$(git rev-parse --short HEAD) (calcweb tree $$(git rev-parse --short HEAD:calcweb))"; \
	  for seed in 1 2 3; do $(BIN)/python -m bench.honesty integrate-peaks --seed $$seed --draws 1000 --show 0; done; \
	  for seed in 1 2 3 4 5 6; do $(BIN)/python -m bench.honesty integrate-singular --seed $$seed --draws 1000 --show 0; done; \
	  for seed in 1 2 3 4 5 6 7 8 9; do $(BIN)/python -m bench.honesty integrate-kinks --seed $$seed --draws 2000 --show 0; done; \
	} > $(HONESTY_INTEGRATE)

# Mutation testing of the numerical core (not part of `make test`: hours on 2 cores).
# mutmut copies the package and the tests to mutants/ and mutates only that copy, never
# the working tree; its results stay there, so the next run re-tests only the functions
# that changed (and stats new tests). MUTANTS='calcweb.jet.*' re-runs only those mutants.
# tools/mutation/report.py writes docs/benchmark-results/mutation.md and the survivors'
# diffs, one file per module, to MUTATION_SURVIVORS.
MUTATION_JOBS ?= 2
MUTANTS ?=
MUTATION_SURVIVORS ?= mutants/survivors

$(VENV)/.mutation-installed: requirements/mutation.txt $(VENV)/.installed
	$(BIN)/pip install $(PIP_FLAGS) -c requirements/constraints.txt -r requirements/mutation.txt
	touch $@

mutation: $(VENV)/.mutation-installed
	set -f; start=$$(date +%s); fresh=$$([ -d mutants ] && echo false || echo true); \
	nice -n 10 $(BIN)/python tools/mutation/run.py run --max-children $(MUTATION_JOBS) $(MUTANTS); \
	if [ -z "$(MUTANTS)" ]; then \
	  echo "{\"seconds\": $$(( $$(date +%s) - start )), \"fresh\": $$fresh}" > mutants/run-seconds.json; fi
	$(BIN)/python tools/mutation/report.py --survivors $(MUTATION_SURVIVORS)

clean:
	rm -rf site dist .cache/site-bundle .pytest_cache .mypy_cache .ruff_cache
