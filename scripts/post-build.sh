#!/usr/bin/env bash
# trunk's post-build hook, in order: the hydrating build (scripts/hydrating-build.sh), minify the
# widget's JavaScript, write the snippets' stylesheet and fill the demo pages from the catalogue
# of examples (scripts/stylesheet-and-demo.sh), then give the widget's files content-hashed names
# and write the manifest and package.json (scripts/package.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/hydrating-build.sh
scripts/minify-js.sh
scripts/stylesheet-and-demo.sh
node scripts/package.mjs "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
