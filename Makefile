# reader-widget: `make demo` serves the demo, `make test` runs every test tier. Both install
# whatever tool is missing first (scripts/install-tools.sh) and skip what is already there.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

DEMO_ADDRESS := 127.0.0.1
DEMO_PORT := 8080
# First load of one embed, brotli-compressed, in bytes.
SIZE_BUDGET := 98304
# The browser tier: wasm-bindgen-test in each engine, the runner starting and stopping its driver.
WASM_TEST := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner WASM_BINDGEN_TEST_TIMEOUT=120
BROWSER_TESTS := cargo test --target wasm32-unknown-unknown --test browser

.PHONY: tools dist demo test lint test-native test-browser test-e2e bench clean

tools:
	@scripts/install-tools.sh

## dist: the release build in dist/: the widget's files and the demo page, with a size table.
dist: tools
	trunk build --release
	@scripts/size-report.sh dist $(SIZE_BUDGET)

## demo: builds and serves the demo publisher page at http://127.0.0.1:8080
demo: tools
	trunk serve --release --address $(DEMO_ADDRESS) --port $(DEMO_PORT) --no-autoreload

## test: every tier: lint, native tests, browser tests, end-to-end tests in three engines.
test: tools lint test-native test-browser test-e2e

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets --features e2e -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native:
	cargo test

test-browser:
	$(WASM_TEST) CHROMEDRIVER=$$(command -v chromedriver) $(BROWSER_TESTS)
	$(WASM_TEST) GECKODRIVER=$$(command -v geckodriver) $(BROWSER_TESTS)
	$(WASM_TEST) SAFARIDRIVER=$$(command -v WebKitWebDriver) xvfb-run -a $(BROWSER_TESTS)

## test-e2e: the release package, then the release build in Chromium, Firefox and WebKit
## (E2E="firefox skip" narrows the browsers and scenarios).
test-e2e: dist
	cargo test --features e2e --test package
	cargo test --features e2e --test e2e -- $(E2E)

## bench: the benchmark in headless Chromium against dist/ (BENCH_RUNS=15 loads of every page);
## writes docs/benchmark.md and docs/benchmark.svg.
bench: dist
	@scripts/install-tools.sh bench
	cargo bench --profile dev --features e2e --bench widget

clean:
	cargo clean
	rm -rf dist
