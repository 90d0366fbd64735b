#!/usr/bin/env bash
# Part of trunk's post-build hook (scripts/post-build.sh): writes the stylesheet that
# server-rendered snippets link to (reader-widget.css), made by the snippet command, and fills
# the demo pages trunk has staged with the embeds the catalogue of examples lists for them
# (demo/examples.json, by src/bin/reader-widget-demo/).
set -euo pipefail
staging=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
cd "$(dirname "$0")/.."
# trunk runs this with the release WebAssembly's settings (nightly, build-std, its own target
# folder; see the Makefile); the commands are native, built by stable into target/ as the tests
# are.
native() {
  env -u RUSTUP_TOOLCHAIN -u CARGO_TARGET_DIR -u CARGO_UNSTABLE_BUILD_STD \
    -u CARGO_UNSTABLE_BUILD_STD_FEATURES \
    cargo run --quiet --bin "$@"
}
native reader-widget-snippet -- stylesheet > "$staging/reader-widget.css"
native reader-widget-demo -- "$staging"
