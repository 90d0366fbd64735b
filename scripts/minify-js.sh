#!/usr/bin/env bash
# Part of trunk's post-build hook (scripts/post-build.sh): bundles and minifies the widget's
# entry, the loader (js/reader-widget.js and the first paint it imports), into trunk's staging
# folder with esbuild (scripts/package.mjs bundles and minifies the rest of its JavaScript). The
# demo pages' own scripts are left as they are, readable.
set -euo pipefail
staging=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
esbuild="$(dirname "$0")/../node_modules/.bin/esbuild"
"$esbuild" "$(dirname "$0")/../js/reader-widget.js" --bundle --minify --format=esm --log-level=warning \
  --allow-overwrite --outfile="$staging/reader-widget.js"
