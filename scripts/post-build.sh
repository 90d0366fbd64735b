#!/usr/bin/env bash
# trunk's post-build hook, in order: minify the widget's JavaScript, then give the widget's files
# content-hashed names and write the manifest and package.json (scripts/package.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/minify-js.sh
node scripts/package.mjs "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
