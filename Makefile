# orgdesk: `make run` and `make test` work on a fresh machine with cargo,
# node/npm and apt. Every tool step checks first, so later runs are quick.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# Steps run in the order written (tests after the build, e2e last), even under -j.
.NOTPARALLEL:

TRUNK_VERSION := 0.21.14
# make size prints what each wasm is made of with it (issue 17).
TWIGGY_VERSION := 0.8.0
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/"/, "", $$3); print $$3; exit}' Cargo.lock)
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT := 120
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SERVER := target/server/orgdesk-server

.PHONY: help tools browsers build app server-bin run server test test-native test-components test-reliability test-e2e size bench reliability clean-data

help:
	@echo "make run    build the app and serve it on http://127.0.0.1:8080 with demo data"
	@echo "make test   native tests, browser component tests, three reliability scenarios, size budgets, Playwright e2e"
	@echo "make size   sizes of dist/ (raw, gzip, brotli) and the first-load totals"
	@echo "make server the reference server on :8080 (for 'trunk serve', which proxies to it)"
	@echo "make bench  Lighthouse scores and a load test of the release build (not part of make test)"
	@echo "make reliability  abuse, fault and load scenarios on loopback, each with its figure (about 3 min)"

## Tools ----------------------------------------------------------------------

tools: node_modules/.installed
	@[ -n "$(WASM_BINDGEN_VERSION)" ] || { echo "tools: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@[ "$$(trunk --version 2>/dev/null)" = "trunk $(TRUNK_VERSION)" ] || cargo install trunk --version $(TRUNK_VERSION) --locked --force
	@# wasm-bindgen-cli (wasm-bindgen and wasm-bindgen-test-runner) must equal Cargo.lock's wasm-bindgen;
	@# its own lock file names a crate version the registry lacks, so no --locked.
	@twiggy --version 2>/dev/null | grep -q " $(TWIGGY_VERSION)$$" || cargo install twiggy --version $(TWIGGY_VERSION) --locked --force
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] \
		&& [ "$$(wasm-bindgen-test-runner --version 2>/dev/null)" = "wasm-bindgen-test-runner $(WASM_BINDGEN_VERSION)" ] \
		|| cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force

# npm packages: wasm-opt (binaryen), Playwright, axe. Reinstalled when the lock file changes.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Debian's Chromium and ChromeDriver (same version), and brotli for `make size`.
# apt-get update only when the first install fails; waits up to 10 min for another apt's lock.
APT_INSTALL := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends
browsers:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! command -v brotli >/dev/null; then \
		$(APT_INSTALL) chromium chromium-driver brotli \
		|| { $(SUDO) apt-get -o DPkg::Lock::Timeout=600 update && $(APT_INSTALL) chromium chromium-driver brotli; }; \
	fi

## Build ----------------------------------------------------------------------

build: server-bin app

# Four entry points, each downloading only its part: the landing page
# (landing/index.html -> dist/, plain HTML, no wasm), the Open Badge console
# (openbadge.html -> dist/openbadge/), the BlendVision One console
# (blendvision.html -> dist/blendvision/) and the public issuer page
# (public.html -> dist/public/). The first build replaces dist/, so the
# landing page goes first.
#
# The consoles are built with Leptos's `erase_components`: every component's
# view becomes one boxed type instead of a tower of nested generic ones, which
# makes each console 23-33 KB brotli smaller. The public page is built
# without it: it has few components, and there the boxes cost more (2.5 KB).
# Cargo keeps both builds of the shared crates, so alternating costs nothing.
CONSOLE_RUSTFLAGS = --cfg erase_components
app: tools server-bin
	cargo fetch --quiet
	trunk build landing/index.html --release=true --offline=true --dist dist
	RUSTFLAGS="$(CONSOLE_RUSTFLAGS)" trunk build openbadge.html --release=true --offline=true --dist dist/openbadge --public-url /openbadge/
	RUSTFLAGS="$(CONSOLE_RUSTFLAGS)" trunk build blendvision.html --release=true --offline=true --dist dist/blendvision --public-url /blendvision/
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

test: tools browsers build test-native test-components test-reliability size test-e2e

test-native:
	cargo test -p orgdesk-model -p orgdesk-server

# Every tests/*.rs of the app, each run in headless Chromium by wasm-bindgen-test-runner
# (.cargo/config.toml) through ChromeDriver, with the flags in webdriver.json.
test-components: tools browsers
	cargo test -p orgdesk --target wasm32-unknown-unknown --test '*'

test-e2e: tools browsers
	@[ -x $(SERVER) ] && [ -f dist/index.html ] || $(MAKE) build
	npx playwright test

size:
	@bash scripts/size.sh dist

bench: tools browsers build bench/node_modules/.installed
	@command -v wrk >/dev/null || $(APT_INSTALL) wrk
	bash scripts/bench.sh

# Bounded abuse, fault and load scenarios against the release server (issue 15):
# crates/reliability. Each prints its figures and fails when one is not met.
reliability: server-bin
	@command -v wrk >/dev/null || $(APT_INSTALL) wrk
	cargo build --profile server -p orgdesk-reliability
	@mkdir -p dist
	target/server/orgdesk-reliability $(SERVER) dist $(SCENARIOS)

# The reliability scenarios whose figures do not depend on the machine's speed
# or limits (a kill -9 during saves, the validator race, the hostile corpus):
# a few seconds, so they run in make test too.
test-reliability:
	$(MAKE) reliability SCENARIOS="crash validator hostile"

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund
	@touch $@
