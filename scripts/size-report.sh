#!/usr/bin/env bash
# Prints every file in a release build with its raw, gzip and brotli size, then the total a
# publisher's reader downloads for the first load of one embed (the loader, the wasm-bindgen
# glue and its snippets, and the WebAssembly, which carries the CSS). Fails when that total,
# brotli-compressed, exceeds the budget given in bytes.
set -euo pipefail
dist=${1:?usage: size-report.sh DIST BUDGET_BYTES}
budget=${2:?usage: size-report.sh DIST BUDGET_BYTES}
cd "$dist"

is_widget_file() {
  case "$1" in
    reader-widget.js | wasm/*) return 0 ;;
    *) return 1 ;;
  esac
}

total_raw=0 total_gzip=0 total_brotli=0
printf '%-58s %9s %9s %9s\n' "file" "raw" "gzip" "brotli"
while IFS= read -r file; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=$(brotli -q 11 -c "$file" | wc -c)
  mark=" "
  if is_widget_file "$file"; then
    mark="*"
    total_raw=$((total_raw + raw)) total_gzip=$((total_gzip + gz)) total_brotli=$((total_brotli + br))
  fi
  printf '%s %-56s %9d %9d %9d\n' "$mark" "$file" "$raw" "$gz" "$br"
done < <(find . -type f -printf '%P\n' | sort)
printf '%-58s %9d %9d %9d\n' "* one embed, first load" "$total_raw" "$total_gzip" "$total_brotli"
if ((total_brotli > budget)); then
  printf 'size-report: %d bytes brotli is over the budget of %d\n' "$total_brotli" "$budget" >&2
  exit 1
fi
printf 'size-report: %d of %d budget bytes brotli (%d%%)\n' "$total_brotli" "$budget" $((total_brotli * 100 / budget))
