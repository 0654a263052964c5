# make run · make test · make bench · make package — each creates or refreshes .venv itself.
# `make run` installs what the program needs to run (the window, plots); `make test` adds the
# test tools (spaCy, scikit-learn, ...); `make package` adds PyInstaller and team mode.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
PACKAGE_STAMP := $(VENV)/.installed-package
APP_ID := io.github.annotator.Annotator
# what `make run` installs from: a change here reinstalls the program
SOURCES := $(shell find annotator resources -type f -not -path '*/__pycache__/*')
# where freedesktop menus look for a user's own launchers and icons
XDG_DATA_HOME ?= $(HOME)/.local/share

.PHONY: run test bench lint clean screenshot package install-desktop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# a plain (not editable) install: an editable one of this layout (resources/ installed as
# annotator.resources) makes setuptools print a notice on every install. Where `make test`
# has installed the checkout editable, that install already runs the current code.
$(RUN_STAMP): pyproject.toml $(SOURCES) | $(BIN)/python
	@if [ -f $(DEV_STAMP) ] && [ $(DEV_STAMP) -nt pyproject.toml ]; then \
	    echo "make run: the editable install of make test runs this checkout"; \
	else \
	    $(BIN)/python -m pip install --quiet '.[plot]'; \
	fi
	@touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(RUN_STAMP)

$(PACKAGE_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[package]'
	@touch $@

run: $(RUN_STAMP)
	$(BIN)/annotator gui

lint: $(DEV_STAMP)
	$(BIN)/ruff check annotator tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

test: $(DEV_STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# bytecode first, as an installed package has it (and spaCy, beside which the export is timed):
# with PYTHONDONTWRITEBYTECODE set, every command would compile our modules again (~0.1 s)
bench: $(DEV_STAMP)
	$(BIN)/python -m compileall -q annotator
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

# dist/annotator/: the one-folder app (packaging/README.md: Windows and macOS too)
package: $(PACKAGE_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
	    --distpath dist --workpath build/pyinstaller packaging/annotator.spec

# the launcher, the AppStream metainfo and the icons for this user's menus; the launcher
# starts the packaged app when dist/annotator exists, else this checkout's .venv
install-desktop:
	packaging/install-desktop.sh "$(XDG_DATA_HOME)"

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist *.egg-info
