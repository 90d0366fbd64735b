# reader-widget: `make demo` serves the demo, `make test` runs every test tier. Both install
# whatever tool is missing first (scripts/install-tools.sh) and skip what is already there.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

DEMO_ADDRESS := 127.0.0.1
DEMO_PORT := 8080
# First load of one embed, brotli-compressed, in bytes. 90 KB until the entry's first paint,
# whose painter and stylesheet (5.0 KB) put a `src` article on screen after 6.5 KB of script
# instead of 97 KB (docs/performance.md).
SIZE_BUDGET := 98304
# First load of a page of server-rendered snippets (the hydrating build and the stylesheet), in
# bytes brotli: its text is on screen, styled, before any of it arrives. 100 KB until Listen,
# whose 3.4 KB the room made for it (2.5 KB) did not cover in this build; 102 KB until the
# entry's first paint, which these pages carry unused (docs/performance.md).
SERVER_RENDERED_SIZE_BUDGET := 110592
# The one nightly toolchain every nightly step uses (the release WebAssembly, the fuzzers), named
# in scripts/nightly-toolchain, which scripts/install-tools.sh installs.
NIGHTLY := $(shell cat scripts/nightly-toolchain)
# The release WebAssembly is built by the pinned nightly toolchain with its own standard library
# (build-std), sized for size: a panic aborts at once, with no message formatting, no panic
# locations and no Debug formatting compiled in. 10 KB brotli less than stable's prebuilt std.
# Its own target folder keeps the stable builds of the tests from rebuilding each time.
RELEASE_WASM := RUSTUP_TOOLCHAIN=$(NIGHTLY) CARGO_TARGET_DIR=$(CURDIR)/target/release-wasm \
	CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
# The browser tier: wasm-bindgen-test in each engine, the runner starting and stopping its driver.
# The runner gives a driver 5 s to listen by default; a cold start (the browser's files not yet
# in the page cache, the machine busy) took longer on a clean-clone run, whose tier then failed
# before any test ran, so it waits up to a minute.
WASM_TEST := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner WASM_BINDGEN_TEST_TIMEOUT=120 \
	WASM_BINDGEN_TEST_DRIVER_TIMEOUT=60
# tests/fault.rs and tests/thrown.rs need a fault on demand (a panic, an exception), which only
# the fault-injection feature compiles in; the hydration tests the hydrating build's feature.
BROWSER_TESTS := cargo test --target wasm32-unknown-unknown --features fault-injection,hydration --test browser --test fault --test thrown

.PHONY: tools dist demo oembed shared-names test lint test-native test-browser test-e2e test-fuzz test-fuzz-browser fuzz fuzz-browser bench clean

tools:
	@scripts/install-tools.sh

## dist: the release package in dist/, and nothing else: both builds of the widget (wasm/, and
## wasm-hydrating/ for server-rendered snippets), the snippets' stylesheet, the types and the
## manifests, with a size table. The demo site is built beside it, into target/site.
dist: tools
	$(RELEASE_WASM) trunk build --release
	@scripts/size-report.sh dist $(SIZE_BUDGET) $(SERVER_RENDERED_SIZE_BUDGET)

## demo: builds and serves the demo site (target/site) at http://127.0.0.1:8080
demo: tools
	$(RELEASE_WASM) trunk serve --release --address $(DEMO_ADDRESS) --port $(DEMO_PORT) --no-autoreload

## oembed: the oEmbed endpoint for the demo's articles, at http://127.0.0.1:8090/oembed?url=…,
## whose snippets link the stylesheet `make demo` serves, and their embed pages at
## http://127.0.0.1:8090/embed/<article>, loading the widget `make demo` serves.
oembed:
	cargo run --bin reader-widget-snippet -- serve --articles demo/articles \
	  --stylesheet http://$(DEMO_ADDRESS):$(DEMO_PORT)/reader-widget.css \
	  --script http://$(DEMO_ADDRESS):$(DEMO_PORT)/reader-widget.js

## shared-names: writes the names the JavaScript shares with the Rust (src/shared_names.rs, the
## text sizes) into each script's block of them; tests/shared_names.rs fails until they match.
shared-names:
	UPDATE_SHARED_NAMES=1 cargo test --test shared_names

## test: every tier: lint, native tests, native fuzzing, browser tests, end-to-end tests in three
## engines, and browser fuzzing.
test: tools lint test-native test-fuzz test-browser test-e2e test-fuzz-browser

lint:
	scripts/check-pins.sh
	cargo fmt --all -- --check
	cargo clippy --all-targets --features e2e -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets --features fault-injection -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets --features fault-injection,hydration -- -D warnings

test-native:
	cargo test

test-browser:
	$(WASM_TEST) CHROMEDRIVER=$$(command -v chromedriver) $(BROWSER_TESTS)
	$(WASM_TEST) GECKODRIVER=$$(command -v geckodriver) $(BROWSER_TESTS)
	$(WASM_TEST) SAFARIDRIVER=$$(command -v WebKitWebDriver) scripts/webkit-browser-tier.sh xvfb-run -a $(BROWSER_TESTS)

## test-e2e: the release package (its files, npm pack and install, its types under tsc, its
## manifest against the schema), then the release build in Chromium, Firefox and WebKit
## (E2E="firefox skip" narrows the browsers and scenarios).
test-e2e: dist
	cargo test --features e2e --test package
	cargo test --features e2e --test e2e -- $(E2E)

## test-fuzz-browser: the browser fuzzing tier (tests/fuzz_browser): 1 000 generated and mutated
## articles against the release build in each of Chromium, Firefox and WebKit (about 10 s each).
test-fuzz-browser: dist
	cargo test --features e2e --test fuzz-browser -- chromium firefox webkit

## fuzz-browser: the browser fuzzing tier at length, FUZZ_BROWSER_CASES (default 20 000) in each
## engine; FUZZ_BROWSER_SEED picks another seed (the default is the one `make test` runs).
FUZZ_BROWSER_CASES ?= 20000
fuzz-browser: dist
	FUZZ_BROWSER_CASES=$(FUZZ_BROWSER_CASES) cargo test --features e2e --test fuzz-browser -- chromium firefox webkit

# The fuzz targets (fuzz/): the widget's JSON, JSON-LD, article markup and the URL policy.
FUZZ_TARGETS := article_json json_ld markup url_policy
FUZZ_SECONDS ?= 300
# libFuzzer keeps what it finds in the first folder (target/, not in git) and reads the
# checked-in seeds from the second.
FUZZ_RUN = RUSTUP_TOOLCHAIN=$(NIGHTLY) cargo fuzz run --sanitizer none --fuzz-dir fuzz

## test-fuzz: a short run of each fuzz target from its checked-in corpus, as part of `make test`.
test-fuzz: tools
	@for target in $(FUZZ_TARGETS); do \
	  mkdir -p target/fuzz-corpus/$$target && \
	  $(FUZZ_RUN) $$target target/fuzz-corpus/$$target fuzz/corpus/$$target -- -max_total_time=10 || exit 1; \
	done

## fuzz: each fuzz target for FUZZ_SECONDS (default 300); crashes land in fuzz/artifacts/.
fuzz: tools
	@for target in $(FUZZ_TARGETS); do \
	  mkdir -p target/fuzz-corpus/$$target && \
	  $(FUZZ_RUN) $$target target/fuzz-corpus/$$target fuzz/corpus/$$target -- -max_total_time=$(FUZZ_SECONDS) || exit 1; \
	done

## bench: the benchmark in headless Chromium against dist/ (BENCH_RUNS=15 loads of every page),
## then Lighthouse on a throttled phone (BENCH_LIGHTHOUSE_RUNS=3 loads of each news page);
## writes docs/benchmark.md and docs/benchmark.svg.
bench: dist
	@scripts/install-tools.sh bench
	cargo bench --profile dev --features e2e --bench widget

clean:
	cargo clean
	rm -rf dist
