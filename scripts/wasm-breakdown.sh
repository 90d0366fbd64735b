#!/usr/bin/env bash
# Where the release WebAssembly's bytes go, by crate, as a Markdown table on stdout. Rebuilds the
# shipped module from cargo's release output with the demo page's own wasm-opt settings, keeping
# function names this time (-g), and sums twiggy's per-item sizes by the crate each item's name
# begins with. Needs a release build first (`make dist`) and twiggy (`scripts/install-tools.sh
# bench`).
set -euo pipefail
cd "$(dirname "$0")/.."

wasm=target/release-wasm/wasm32-unknown-unknown/release/reader_widget.wasm
out=target/wasm-breakdown
mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" "$wasm"
# The same optimisation level and flags trunk uses for dist/, read from index.html.
level=$(sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p' index.html)
read -r -a params <<<"$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)"
wasm-opt "-O$level" -g "${params[@]}" "$out/reader_widget_bg.wasm" -o "$out/named.wasm"
twiggy top -n 1000000 -f csv "$out/named.wasm" >"$out/top.csv"

node - "$out/top.csv" <<'JS'
const fs = require("fs");
const lines = fs.readFileSync(process.argv[2], "utf8").trim().split("\n").slice(1);
const totals = new Map();
let sum = 0;
for (const line of lines) {
  const match = line.match(/^(?:"((?:[^"]|"")*)"|([^,]*)),(\d+),/);
  if (!match) continue;
  const name = (match[1] ?? match[2]).replace(/""/g, '"');
  const size = Number(match[3]);
  if (name.includes("function names") || name.includes("subsection")) continue;
  let group;
  if (name.startsWith("data segment")) group = "static data (strings, stylesheet, tables)";
  else if (/^(code|elem|global|table|type|import|export)\[/.test(name) || name.startsWith("wasm magic") || name.includes("section")) group = "unnamed items and section headers";
  else {
    const crate = name.replace(/^[<&*\s]*(dyn |mut |const )?/, "").split(/::|\[|<| /)[0];
    group = crate === "reader_widget" ? "reader_widget (this crate)" : crate;
  }
  totals.set(group, (totals.get(group) ?? 0) + size);
  sum += size;
}
const rows = [...totals].sort((a, b) => b[1] - a[1]);
console.log("| crate or part | bytes | share |\n| --- | ---: | ---: |");
let other = 0;
for (const [group, size] of rows) {
  if (size / sum < 0.01) { other += size; continue; }
  console.log(`| ${group} | ${size} | ${(100 * size / sum).toFixed(1)} % |`);
}
if (other) console.log(`| others under 1 % each | ${other} | ${(100 * other / sum).toFixed(1)} % |`);
console.log(`| **total (uncompressed, names removed)** | **${sum}** | 100 % |`);
JS
