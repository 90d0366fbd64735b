#!/usr/bin/env bash
# Part of trunk's post-build hook (scripts/post-build.sh): writes the stylesheet that
# server-rendered snippets link to (reader-widget.css) and the demo's server-rendered page
# (pages/server-rendered.html, the seed article's snippet in demo/server-rendered.html), both
# made by the snippet command.
set -euo pipefail
staging=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
cd "$(dirname "$0")/.."
# trunk runs this with the release WebAssembly's settings (nightly, build-std, its own target
# folder; see the Makefile); the command is native, built by stable into target/ as the tests are.
snippet() {
  env -u RUSTUP_TOOLCHAIN -u CARGO_TARGET_DIR -u CARGO_UNSTABLE_BUILD_STD \
    -u CARGO_UNSTABLE_BUILD_STD_FEATURES \
    cargo run --quiet --bin reader-widget-snippet -- "$@"
}
snippet stylesheet > "$staging/reader-widget.css"
snippet --stylesheet ../reader-widget.css --base-url ../articles/ \
  --into demo/server-rendered.html demo/articles/syria-resolution.json \
  > "$staging/pages/server-rendered.html"
