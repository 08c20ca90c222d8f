# Quarry — the README's commands. `make test` installs what the tests need.
SHELL := /bin/bash
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR := $(DESTDIR)$(PREFIX)/bin
VENV := .venv
PYTHON := $(VENV)/bin/python
PYDICOM_VERSION := 3.0.2
PYNETDICOM_VERSION := 3.0.4
SWIFT ?= swift
RELEASE_BIN = $(shell $(SWIFT) build -c release --show-bin-path)

.PHONY: build debug test test-deps install uninstall clean

## build: release binaries (.build/release/quarryscp, quarryidx)
build:
	$(SWIFT) build -c release

debug:
	$(SWIFT) build

## test-deps: DCMTK's clients and a virtual environment with pydicom/pynetdicom
test-deps: $(PYTHON).stamp
	@if [ ! -x /usr/bin/storescu ]; then \
		echo "Installing DCMTK (apt-get)…"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq && apt-get install -y -qq dcmtk >/dev/null; \
	fi

$(PYTHON).stamp:
	@echo "Creating $(VENV) with pydicom $(PYDICOM_VERSION) and pynetdicom $(PYNETDICOM_VERSION)…"
	@python3 -m venv $(VENV)
	@$(PYTHON) -m pip install -q --disable-pip-version-check pydicom==$(PYDICOM_VERSION) pynetdicom==$(PYNETDICOM_VERSION)
	@touch $@

## test: every test — unit tests of each module and interop tests against DCMTK
test: test-deps
	$(SWIFT) build
	QUARRY_BIN_DIR="$$($(SWIFT) build --show-bin-path)" QUARRY_PYTHON="$(CURDIR)/$(PYTHON)" $(SWIFT) test

## install: quarryscp and quarryidx into $(DESTDIR)$(PREFIX)/bin
install: build
	install -d $(BINDIR)
	install -m 0755 $(RELEASE_BIN)/quarryscp $(RELEASE_BIN)/quarryidx $(BINDIR)/

uninstall:
	rm -f $(BINDIR)/quarryscp $(BINDIR)/quarryidx

clean:
	rm -rf .build
