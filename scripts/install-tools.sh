#!/usr/bin/env bash
# Installs every tool the build, the demo and the tests need on a Debian machine, skipping what
# is already there: Debian packages (Chromium, Firefox ESR and WebKitGTK with their WebDriver
# servers, Xvfb for WebKit, brotli), the wasm32 target, the nightly toolchain's standard-library
# sources, trunk, the wasm-bindgen CLI at the exact version in Cargo.lock, geckodriver, PHP and
# WordPress's files and a Python oEmbed consumer (for the oEmbed tests), and from
# npm wasm-opt (binaryen), esbuild, axe-core, TypeScript, React's types, ajv and the Custom
# Elements Manifest schema for the checks of the element's types and manifest, and Vite, React
# and Vue for the example app the end-to-end tests build.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=132
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf 'install-tools: %s\n' "$*"; }

missing_packages=()
command -v chromium >/dev/null || missing_packages+=(chromium)
command -v chromedriver >/dev/null || missing_packages+=(chromium-driver)
command -v firefox-esr >/dev/null || missing_packages+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || missing_packages+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing_packages+=(xvfb)
command -v brotli >/dev/null || missing_packages+=(brotli)
command -v npm >/dev/null || missing_packages+=(npm)
command -v curl >/dev/null || missing_packages+=(curl)
command -v php >/dev/null || missing_packages+=(php-cli)
if ((${#missing_packages[@]})); then
  say "installing Debian packages: ${missing_packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_packages[@]}" >/dev/null
fi

# WordPress's own oEmbed filter and embed script, which a test runs on the oEmbed answer: the
# files of Debian's `wordpress` package (bookworm's 6.1), unpacked into target/ without
# installing it, which would bring a web server and a database client.
WORDPRESS_SERIES=6.1
wordpress_version=target/wordpress/usr/share/wordpress/wp-includes/version.php
if ! grep -qs "wp_version = '$WORDPRESS_SERIES\." "$wordpress_version"; then
  say "unpacking WordPress $WORDPRESS_SERIES from Debian's wordpress package"
  rm -rf target/wordpress && mkdir -p target/wordpress/deb
  (cd target/wordpress/deb && { apt-get download -qq wordpress 2>/dev/null ||
    { apt-get update -qq && apt-get download -qq wordpress 2>/dev/null; }; })
  dpkg-deb -x target/wordpress/deb/wordpress_*.deb target/wordpress
  if ! grep -qs "wp_version = '$WORDPRESS_SERIES\." "$wordpress_version"; then
    say "Debian's wordpress package is not WordPress $WORDPRESS_SERIES"
    exit 1
  fi
fi

# A second oEmbed consumer, from PyPI, in a virtual environment of its own.
consumer=target/oembed-consumer
if [[ ! -x $consumer/bin/python ]] || [[ tests/oembed_consumer/requirements.txt -nt $consumer/installed ]]; then
  say "installing the oEmbed consumer's Python packages"
  python3 -m venv "$consumer" 2>/dev/null || {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$consumer"
  }
  "$consumer/bin/pip" install -q --disable-pip-version-check -r tests/oembed_consumer/requirements.txt
  touch "$consumer/installed"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release build compiles the standard library from source with the nightly toolchain (see
# the Makefile): its sources, and once the crates they use, since trunk builds offline.
# One dated nightly, named in scripts/nightly-toolchain, for every nightly step.
NIGHTLY=$(<scripts/nightly-toolchain)
if ! rustup toolchain list | grep -q "^$NIGHTLY"; then
  say "installing the $NIGHTLY toolchain"
  rustup toolchain install "$NIGHTLY" --profile minimal --target wasm32-unknown-unknown
fi
if ! rustup component list --toolchain "$NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src'; then
  say "adding rust-src to the $NIGHTLY toolchain"
  rustup component add rust-src --toolchain "$NIGHTLY"
fi
library="$(rustc "+$NIGHTLY" --print sysroot)/lib/rustlib/src/rust/library"
if [[ ! -f "target/release-wasm/.std-fetched-$NIGHTLY" ]]; then
  say "fetching the crates the standard library's sources use"
  cargo "+$NIGHTLY" fetch --manifest-path "$library/Cargo.toml" >/dev/null
  mkdir -p target/release-wasm && touch "target/release-wasm/.std-fetched-$NIGHTLY"
fi

CARGO_FUZZ_VERSION=0.13.2
if [[ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about 3 minutes)"
  cargo install "cargo-fuzz@$CARGO_FUZZ_VERSION" --locked
fi

if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes)"
  cargo install "trunk@$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli's own lock names a crate version the registry lacks, so no --locked here.
if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

GECKODRIVER_VERSION=0.37.1
if [[ "$(geckodriver --version 2>/dev/null | head -n 1)" != "geckodriver $GECKODRIVER_VERSION"* ]]; then
  say "installing geckodriver $GECKODRIVER_VERSION (about 2 minutes)"
  cargo install "geckodriver@$GECKODRIVER_VERSION" --locked
fi

# Debian's binaryen is too old for what rustc emits; npm's package ships a current wasm-opt.
if [[ "$(node_modules/.bin/wasm-opt --version 2>/dev/null)" != "wasm-opt version $WASM_OPT_VERSION"* ]] ||
  [[ ! -f node_modules/axe-core/axe.min.js ]] || [[ ! -x node_modules/.bin/esbuild ]] ||
  [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing binaryen $WASM_OPT_VERSION, esbuild, axe-core, the type checker, Vite, React and Vue from npm"
  npm ci --no-audit --no-fund --loglevel=error
fi

# `scripts/install-tools.sh bench`: also what `make bench` needs, twiggy for the listing of where
# the WebAssembly's bytes go, and oha, the load generator for the oEmbed server.
TWIGGY_VERSION=0.8.0
if [[ "${1:-}" == bench ]] && [[ "$(twiggy --version 2>/dev/null)" != "twiggy-opt $TWIGGY_VERSION" ]]; then
  say "installing twiggy $TWIGGY_VERSION (about 3 minutes)"
  cargo install "twiggy@$TWIGGY_VERSION" --locked
fi
# Lighthouse 12.2.3 exactly (13 needs Node 22) and chrome-launcher, in their own folder so that
# `make test` never installs them.
if [[ "${1:-}" == bench ]] &&
  [[ "$(node -p 'require("./benches/lighthouse/node_modules/lighthouse/package.json").version' 2>/dev/null)" != 12.2.3 ]]; then
  say "installing Lighthouse 12.2.3 from npm"
  npm ci --prefix benches/lighthouse --no-audit --no-fund --loglevel=error
fi
OHA_VERSION=1.16.0
if [[ "${1:-}" == bench ]] && [[ "$(oha --version 2>/dev/null)" != "oha $OHA_VERSION" ]]; then
  say "installing oha $OHA_VERSION (about 5 minutes)"
  cargo install "oha@$OHA_VERSION" --locked
fi
