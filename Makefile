# orgdesk: `make run` and `make test` work on a fresh machine with cargo,
# node/npm and apt. Every tool step checks first, so later runs are quick.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/"/, "", $$3); print $$3; exit}' Cargo.lock)
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT := 120
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SERVER := target/server/orgdesk-server

.PHONY: help tools browsers build app server-bin run server test test-native test-components test-e2e size bench clean-data

help:
	@echo "make run    build the app and serve it on http://127.0.0.1:8080 with demo data"
	@echo "make test   native tests, browser component tests, size budget, Playwright e2e"
	@echo "make size   sizes of dist/ (raw, gzip, brotli) and the first-load totals"
	@echo "make server the reference server on :8080 (for 'trunk serve', which proxies to it)"
	@echo "make bench  Lighthouse scores and a load test of the release build (not part of make test)"

## Tools ----------------------------------------------------------------------

tools: node_modules/.installed
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -q "$(TRUNK_VERSION)" || cargo install trunk --version $(TRUNK_VERSION) --locked
	@# wasm-bindgen-cli must match Cargo.lock exactly; its own lock file names a crate the registry lacks, so no --locked.
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force

# npm packages: wasm-opt (binaryen), Playwright, axe. Reinstalled when the lock file changes.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

browsers:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! command -v brotli >/dev/null; then \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver brotli \
		|| { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver brotli; }; \
	fi

## Build ----------------------------------------------------------------------

build: server-bin app

# Two entry points: the admin console (index.html) and the public issuer page
# (public.html -> dist/public/), which must stay small. The first build
# replaces dist/, so the public page is built second.
app: tools server-bin
	cargo fetch --quiet
	trunk build index.html --release=true --offline=true
	trunk build public.html --release=true --offline=true --dist dist/public --public-url /public/
	target/server/orgdesk-precompress dist

server-bin:
	cargo build --profile server -p orgdesk-server

## Run ------------------------------------------------------------------------

run: build
	@echo
	@echo "orgdesk on http://127.0.0.1:8080 — demo sign-ins (password: orgdesk-demo)"
	@echo "  Open Badge       admin@valmarina.example.org   (public profile)"
	@echo "  Open Badge       admin@costaest.example.net    (private profile)"
	@echo "  BlendVision One  root@northwind.example.com    (root)"
	@echo "  BlendVision One  ops@northwind.example.com     (reseller)"
	@echo "  BlendVision One  owner@lumen.example.com       (business, BVOne)"
	@echo
	$(SERVER) --bind 127.0.0.1:8080 --seed demo --db data/orgdesk.db --dist dist

server: server-bin
	$(SERVER) --bind 127.0.0.1:8080 --seed demo --db data/orgdesk.db --dist dist

clean-data:
	rm -rf data

## Test -----------------------------------------------------------------------

test: tools browsers build test-native test-components size test-e2e

test-native:
	cargo test -p orgdesk-model -p orgdesk-server

test-components: tools browsers
	cargo test -p orgdesk --target wasm32-unknown-unknown --test components

test-e2e: tools browsers
	@[ -x $(SERVER) ] && [ -f dist/index.html ] || $(MAKE) build
	npx playwright test

size:
	@bash scripts/size.sh dist

bench: tools browsers build bench/node_modules/.installed
	@command -v wrk >/dev/null || $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk
	bash scripts/bench.sh

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund
	@touch $@
