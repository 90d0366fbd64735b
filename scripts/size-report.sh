#!/usr/bin/env bash
# Prints every file in a release build with its raw, gzip and brotli size, then what a reader
# downloads on a first visit: for a page of ordinary embeds (`*`: the loader, the wasm-bindgen
# glue and its snippets, and the WebAssembly, which carries the CSS), and for a page of
# server-rendered snippets (`+`: the loader, the hydrating build and the snippets' stylesheet).
# Fails when either total, brotli-compressed, exceeds its budget in bytes.
set -euo pipefail
dist=${1:?usage: size-report.sh DIST BUDGET_BYTES SERVER_RENDERED_BUDGET_BYTES}
budget=${2:?usage: size-report.sh DIST BUDGET_BYTES SERVER_RENDERED_BUDGET_BYTES}
server_budget=${3:?usage: size-report.sh DIST BUDGET_BYTES SERVER_RENDERED_BUDGET_BYTES}
cd "$dist"

# Which first loads a file is part of: "*" ordinary embeds, "+" server-rendered snippets.
loads_of() {
  case "$1" in
    reader-widget.js) echo "*+" ;;
    wasm/*) echo "*" ;;
    wasm-hydrating/* | reader-widget.css) echo "+" ;;
    *) echo "" ;;
  esac
}

raw_plain=0 gzip_plain=0 brotli_plain=0 raw_server=0 gzip_server=0 brotli_server=0
printf '%-3s%-56s %9s %9s %9s\n' "" "file" "raw" "gzip" "brotli"
while IFS= read -r file; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=$(brotli -q 11 -c "$file" | wc -c)
  loads=$(loads_of "$file")
  if [[ $loads == *"*"* ]]; then
    raw_plain=$((raw_plain + raw)) gzip_plain=$((gzip_plain + gz)) brotli_plain=$((brotli_plain + br))
  fi
  if [[ $loads == *"+"* ]]; then
    raw_server=$((raw_server + raw)) gzip_server=$((gzip_server + gz)) brotli_server=$((brotli_server + br))
  fi
  printf '%-3s%-56s %9d %9d %9d\n' "$loads" "$file" "$raw" "$gz" "$br"
done < <(find . -type f -printf '%P\n' | sort)
printf '%-59s %9d %9d %9d\n' "*  one embed, first load" "$raw_plain" "$gzip_plain" "$brotli_plain"
printf '%-59s %9d %9d %9d\n' "+  server-rendered snippets, first load" "$raw_server" "$gzip_server" "$brotli_server"
status=0
if ((brotli_plain > budget)); then
  printf 'size-report: one embed: %d bytes brotli is over the budget of %d\n' "$brotli_plain" "$budget" >&2
  status=1
fi
if ((brotli_server > server_budget)); then
  printf 'size-report: server-rendered snippets: %d bytes brotli is over the budget of %d\n' "$brotli_server" "$server_budget" >&2
  status=1
fi
((status == 0)) || exit 1
printf 'size-report: one embed %d of %d budget bytes brotli (%d%%); server-rendered snippets %d of %d (%d%%)\n' \
  "$brotli_plain" "$budget" $((brotli_plain * 100 / budget)) \
  "$brotli_server" "$server_budget" $((brotli_server * 100 / server_budget))
