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

## run: build and start quarryscp on etc/dcmqrscp.cfg, port 11112, from the repository root
##   (its storage areas are relative: ./storage/RADIOLOGY…, git-ignored; created here first)
.PHONY: run
run:
	$(SWIFT) build --product quarryscp
	mkdir -p storage
	"$$($(SWIFT) build --show-bin-path)/quarryscp" -v -c etc/dcmqrscp.cfg 11112

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

## install: binaries, man pages, sample config and systemd unit under $(DESTDIR)$(PREFIX)
##   bin/quarryscp, bin/quarryidx            (DCMTK_NAMES=1: also bin/dcmqrscp, bin/dcmqridx as links)
##   share/man/man1/quarryscp.1, quarryidx.1
##   etc/quarry/dcmqrscp.cfg                 (SYSCONFDIR=$(PREFIX)/etc; an existing file is kept)
##   lib/systemd/system/quarryscp.service    (UNITDIR; systemd reads /usr/local/lib/systemd/system)
## BINDIR_SRC=<folder> installs the binaries already built there instead of building release ones.
## uninstall: removes what install installed (same DESTDIR, PREFIX, DCMTK_NAMES); a config that
## differs from the sample and links that do not point at Quarry are left alone.
DCMTK_NAMES ?=
BINDIR_SRC ?=
SYSCONFDIR ?= $(PREFIX)/etc
UNITDIR ?= $(PREFIX)/lib/systemd/system
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
CONFDIR := $(DESTDIR)$(SYSCONFDIR)/quarry
UNIT_DEST := $(DESTDIR)$(UNITDIR)
INSTALL_FROM = $(if $(BINDIR_SRC),$(BINDIR_SRC),$(RELEASE_BIN))
DCMTK_LINKS := dcmqrscp:quarryscp dcmqridx:quarryidx

install: $(if $(BINDIR_SRC),,build)
	@for b in quarryscp quarryidx; do \
		[ -x "$(INSTALL_FROM)/$$b" ] || { echo "install: $(INSTALL_FROM)/$$b is missing" >&2; exit 1; }; \
	done
	@if [ "$(DCMTK_NAMES)" = 1 ]; then for pair in $(DCMTK_LINKS); do \
		link=$(BINDIR)/$${pair%%:*}; target=$${pair#*:}; \
		if [ -e "$$link" ] || [ -L "$$link" ]; then [ "$$(readlink "$$link")" = "$$target" ] || { \
			echo "install: $$link exists and is not a link to $$target (DCMTK's?); not replacing it" >&2; exit 1; }; fi; \
	done; fi
	install -d $(BINDIR) $(MANDIR) $(CONFDIR) $(UNIT_DEST)
	install -m 0755 $(INSTALL_FROM)/quarryscp $(INSTALL_FROM)/quarryidx $(BINDIR)/
	install -m 0644 share/man/man1/quarryscp.1 share/man/man1/quarryidx.1 $(MANDIR)/
	@if [ -e $(CONFDIR)/dcmqrscp.cfg ]; then \
		echo "keeping the existing $(CONFDIR)/dcmqrscp.cfg"; \
	else \
		echo "install -m 0644 etc/dcmqrscp.cfg $(CONFDIR)/dcmqrscp.cfg"; \
		install -m 0644 etc/dcmqrscp.cfg $(CONFDIR)/dcmqrscp.cfg; \
	fi
	sed -e 's|/usr/local/etc/|$(SYSCONFDIR)/|g' -e 's|/usr/local/|$(PREFIX)/|g' \
		share/systemd/quarryscp.service > $(UNIT_DEST)/.quarryscp.service.tmp
	chmod 0644 $(UNIT_DEST)/.quarryscp.service.tmp
	mv -f $(UNIT_DEST)/.quarryscp.service.tmp $(UNIT_DEST)/quarryscp.service
	@if [ "$(DCMTK_NAMES)" = 1 ]; then for pair in $(DCMTK_LINKS); do \
		echo "ln -sfn $${pair#*:} $(BINDIR)/$${pair%%:*}"; ln -sfn $${pair#*:} $(BINDIR)/$${pair%%:*}; \
	done; fi

uninstall:
	rm -f $(BINDIR)/quarryscp $(BINDIR)/quarryidx
	rm -f $(MANDIR)/quarryscp.1 $(MANDIR)/quarryidx.1
	rm -f $(UNIT_DEST)/quarryscp.service
	@if [ -e $(CONFDIR)/dcmqrscp.cfg ]; then \
		if cmp -s etc/dcmqrscp.cfg $(CONFDIR)/dcmqrscp.cfg; then \
			echo "rm -f $(CONFDIR)/dcmqrscp.cfg"; rm -f $(CONFDIR)/dcmqrscp.cfg; \
		else echo "keeping $(CONFDIR)/dcmqrscp.cfg: it differs from the sample installed"; fi; \
	fi
	@if [ -d $(CONFDIR) ]; then rmdir $(CONFDIR) 2>/dev/null || true; fi
	@if [ "$(DCMTK_NAMES)" = 1 ]; then for pair in $(DCMTK_LINKS); do \
		link=$(BINDIR)/$${pair%%:*}; \
		if [ -L "$$link" ] && [ "$$(readlink "$$link")" = "$${pair#*:}" ]; then echo "rm -f $$link"; rm -f "$$link"; \
		elif [ -e "$$link" ]; then echo "keeping $$link: not a link to Quarry"; fi; \
	done; fi

clean:
	rm -rf .build

## bench: Quarry against DCMTK's dcmqrscp and Orthanc, same clients, one run (README "Benchmark").
##   BENCH_QUICK=1 make bench: the quick preset (under 5 minutes). Corpus in bench-data/, results in bench-results/.
.PHONY: bench
bench: test-deps
	$(SWIFT) build -c release
	$(PYTHON) bench/run.py --preset $(if $(BENCH_QUICK),quick,full) --bin-dir "$$($(SWIFT) build -c release --show-bin-path)"
