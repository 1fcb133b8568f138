# Phasebook from the command line. `make help` lists the targets; the README explains them.
#
#   make figures   install what is missing, build, regenerate every figure and the gallery
#   make test      the whole test suite, as CI runs it (.ci/run)
#
# Variables (make VAR=value): SCALE for `figures` and `notebook` (quick|default|paper),
# MVN_FLAGS (default -B -q; add -o to build offline), PHASEBOOK_TARGET (Maven's build folder
# name in each module, default target), NOTEBOOK_ARGS (extra options for `make notebook`).

SHELL := /bin/bash
.DEFAULT_GOAL := help
# Stages share the Maven build and two cores; running them side by side would only slow them down.
.NOTPARALLEL:

PYTHON := /usr/bin/python3
MVN := mvn
MVN_FLAGS := -B -q
PHASEBOOK_TARGET := target
MAVEN = $(MVN) $(MVN_FLAGS) -Dphasebook.target=$(PHASEBOOK_TARGET)
SCALE := default

KERNELSPECS := $(CURDIR)/environment/kernel/$(PHASEBOOK_TARGET)/jupyter
KERNELSPEC := $(KERNELSPECS)/kernels/phasebook
NOTEBOOKS = $(sort $(wildcard notebooks/*.ipynb))
TEST_OUT := $(CURDIR)/$(PHASEBOOK_TARGET)/notebook-test
TIMINGS := $(CURDIR)/$(PHASEBOOK_TARGET)/make-test-timings.tsv
TIMED := environment/setup/timed.sh
RUN_NOTEBOOK := $(PYTHON) environment/jupyter/run_notebook.py
BROWSER_NOTEBOOK ?= 00-tour.ipynb

# Every Jupyter process started here finds the kernel this checkout built first, before any
# phasebook kernel installed in the user's folder.
ifeq ($(filter $(KERNELSPECS),$(subst :, ,$(JUPYTER_PATH))),)
export JUPYTER_PATH := $(KERNELSPECS)$(if $(JUPYTER_PATH),:$(JUPYTER_PATH))
else
export JUPYTER_PATH
endif
# `make test` collects each stage's time here and prints them at the end.
ifneq ($(filter test,$(MAKECMDGOALS)),)
export PHASEBOOK_TIMINGS := $(TIMINGS)
endif
# ipykernel (used by the runner's own tests) warns about frozen modules on every start otherwise.
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: help install deps build kernelspec figures gallery notebook bench test test-start \
        test-junit test-kernel test-tooling test-notebooks test-clean test-browser \
        clean-notebooks check-notebooks clean

help:
	@echo "Phasebook"
	@echo "  make figures          install, build, run every notebook at SCALE=$(SCALE) into figures/, write figures/README.md"
	@echo "  make test             the whole test suite (JUnit, kernel, notebooks at the quick scale, browser)"
	@echo "  make install          Debian packages and playwright-core if missing, build, install the kernel for this user"
	@echo "  make notebook         Jupyter Notebook in notebooks/ with the freshly built kernel (pick 'Phasebook (Java)')"
	@echo "  make bench            benchmarks: kernel, Koopman pipeline against NumPy, lattice engine (JMH),"
	@echo "                        HMM-RNN and LangevinFlow training steps against PyTorch"
	@echo "  make clean-notebooks  strip outputs and volatile metadata from notebooks/*.ipynb"
	@echo "  make gallery          rewrite figures/README.md from the figures already there"
	@echo "  stages of make test:  test-junit test-kernel test-tooling test-notebooks test-clean test-browser"

# --- install and build --------------------------------------------------------------------------

deps:
	@$(TIMED) "dependencies (install-deps.sh)" environment/setup/install-deps.sh

build:
	@$(TIMED) "build (mvn package -DskipTests)" $(MAVEN) package -DskipTests
	@test -f $(KERNELSPEC)/kernel.json || { echo "error: the build left no kernelspec at $(KERNELSPEC)" >&2; exit 1; }
	@$(TIMED) "kernel start-up archive (class-data sharing)" $(KERNELSPEC)/phasebook-kernel --record-archive

# `jupyter kernelspec` needs Debian's jupyter-client tools package; the module is in
# python3-jupyter-client, which the notebook packages bring anyway. It always replaces an
# installed kernelspec of the same name.
# The start-up archive names the jars by path, so the installed copy records its own.
kernelspec:
	@$(TIMED) "kernelspec for this user" $(PYTHON) -W ignore::DeprecationWarning -m jupyter_client.kernelspecapp install --user \
	    --name phasebook $(KERNELSPEC)
	@installed=$$($(PYTHON) -c 'import jupyter_core.paths as p; print(p.jupyter_data_dir() + "/kernels/phasebook")'); \
	    $(TIMED) "kernel start-up archive for $$installed" $$installed/phasebook-kernel --record-archive

install: deps build kernelspec

# --- figures ------------------------------------------------------------------------------------

figures: install
	@status=0; \
	if [ -z "$(NOTEBOOKS)" ]; then echo "no notebooks in notebooks/"; else \
	    $(TIMED) "notebooks at scale $(SCALE) into figures/" $(RUN_NOTEBOOK) --scale $(SCALE) \
	        --figures-dir figures --timeout 0 $(NOTEBOOKS) || status=$$?; \
	fi; \
	$(PYTHON) environment/jupyter/gallery.py --figures-dir figures || status=1; \
	exit $$status

gallery:
	@$(PYTHON) environment/jupyter/gallery.py --figures-dir figures

# --- interactive use ----------------------------------------------------------------------------

notebook: build
	@echo "Starting Jupyter Notebook in notebooks/ (kernel 'Phasebook (Java)' from $(KERNELSPEC)); Ctrl-C twice to stop."
	cd notebooks && $(if $(filter command line,$(origin SCALE)),PHASEBOOK_SCALE=$(SCALE)) \
	    $(PYTHON) -m notebook $(if $(filter 0,$(shell id -u)),--allow-root) $(NOTEBOOK_ARGS)

bench: build
	@test -f environment/bench/kernel_bench.py || { echo "error: environment/bench/kernel_bench.py does not exist yet" >&2; exit 1; }
	$(PYTHON) environment/bench/kernel_bench.py
	environment/bench/koopman/run.sh --skip-build --scale $(if $(filter quick,$(SCALE)),small,full)
	PHASEBOOK_TARGET=$(PHASEBOOK_TARGET) environment/bench/lattice/run.sh --skip-build $(if $(filter quick,$(SCALE)),--quick)
	PHASEBOOK_BENCH=1 environment/setup/install-deps.sh
	PHASEBOOK_TARGET=$(PHASEBOOK_TARGET) environment/bench/hmm/run.sh $(if $(filter quick,$(SCALE)),--quick)
	PHASEBOOK_TARGET=$(PHASEBOOK_TARGET) environment/bench/latent/run.sh $(if $(filter quick,$(SCALE)),--quick)

# --- tests --------------------------------------------------------------------------------------

TEST_STAGES := test-junit test-kernel test-tooling test-notebooks test-clean test-browser

# Without a build nothing can be tested; after it, every stage runs even when one before it
# failed, so that one run reports every failure.
test: test-start deps build
	@failed=""; \
	for stage in $(TEST_STAGES); do $(MAKE) --no-print-directory $$stage || failed="$$failed $$stage"; done; \
	$(TIMED) --summary $(TIMINGS); \
	if [ -n "$$failed" ]; then echo "make test: FAILED:$$failed" >&2; exit 1; fi; \
	echo "make test: all stages passed"

test-start:
	@mkdir -p $(dir $(TIMINGS)) && rm -f $(TIMINGS)

test-junit:
	@since=$$(date +%s); \
	$(TIMED) "JUnit (mvn test)" $(MAVEN) test; status=$$?; \
	JUNIT_SINCE=$$since $(PYTHON) environment/setup/junit-summary.py $(PHASEBOOK_TARGET) lib environment/kernel; \
	exit $$status

test-kernel:
	@if ls environment/tests/kernel/test*.py >/dev/null 2>&1; then \
	    $(TIMED) "kernel protocol tests (environment/tests/kernel)" \
	        $(PYTHON) -m unittest discover -s environment/tests/kernel -t . -v; \
	else echo "kernel protocol tests: skipped, environment/tests/kernel has no test*.py yet"; fi

test-tooling:
	@$(TIMED) "notebook tooling tests (environment/tests/notebooks)" \
	    $(PYTHON) -m unittest discover -s environment/tests/notebooks -t . -v

test-notebooks:
	@if [ -z "$(NOTEBOOKS)" ]; then echo "notebooks at the quick scale: skipped, notebooks/ has none yet"; else \
	    rm -rf $(TEST_OUT) && mkdir -p $(TEST_OUT)/executed $(TEST_OUT)/figures && \
	    $(TIMED) "notebooks at the quick scale" $(RUN_NOTEBOOK) --scale quick --timeout 300 \
	        --figures-dir $(TEST_OUT)/figures --output $(TEST_OUT)/executed $(NOTEBOOKS); \
	fi

test-clean:
	@$(TIMED) "notebooks committed clean" $(PYTHON) environment/jupyter/check_clean.py

# The browser test runs the tour; until the tour exists it runs a Java fixture, so that the
# browser plumbing is still tested.
test-browser:
	@if [ -f notebooks/$(BROWSER_NOTEBOOK) ]; then \
	    $(TIMED) "browser: $(BROWSER_NOTEBOOK) in Chromium" node environment/tests/browser/run-notebook.js \
	        --notebooks-dir notebooks --notebook $(BROWSER_NOTEBOOK) --timeout 600; \
	else \
	    echo "notebooks/$(BROWSER_NOTEBOOK) does not exist yet: the browser test runs a fixture on the phasebook kernel instead"; \
	    $(TIMED) "browser: fixture browser-java.ipynb in Chromium" node environment/tests/browser/run-notebook.js \
	        --notebooks-dir environment/tests/notebooks/fixtures --notebook browser-java.ipynb --timeout 180; \
	fi

# --- housekeeping -------------------------------------------------------------------------------

clean-notebooks:
	$(PYTHON) environment/jupyter/check_clean.py --fix

check-notebooks:
	$(PYTHON) environment/jupyter/check_clean.py

clean:
	$(MAVEN) clean
	rm -rf $(TEST_OUT) $(TIMINGS) environment/tests/browser/artifacts
