#!/usr/bin/env bash
# Part of trunk's post-build hook (scripts/post-build.sh): the second build of the widget, with
# the `hydration` feature, into wasm-hydrating/ beside trunk's wasm/. Taking over a
# server-rendered snippet's markup needs Yew's hydration code (9.9 KB brotli with its checks),
# which only pages with such snippets load (the loader chooses). Built as trunk builds wasm/:
# the same toolchain and flags (inherited from the Makefile's RELEASE_WASM), wasm-bindgen, then
# wasm-opt with the level and parameters index.html gives trunk.
set -euo pipefail
staging=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
cd "$(dirname "$0")/.."
# Its own target folder, so that neither build undoes the other's features.
target_dir=$PWD/target/release-wasm-hydrating
CARGO_TARGET_DIR=$target_dir cargo build --quiet --release --lib \
  --target wasm32-unknown-unknown --features hydration
out=$staging/wasm-hydrating
rm -rf "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name reader-widget \
  "$target_dir/wasm32-unknown-unknown/release/reader_widget.wasm"
level=$(sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p' index.html)
read -r -a params <<<"$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)"
wasm-opt "-O$level" "${params[@]}" "$out/reader-widget_bg.wasm" -o "$out/reader-widget_bg.wasm"
