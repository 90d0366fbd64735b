#!/usr/bin/env bash
# The oEmbed server under load, as Markdown on stdout, for `make bench`: the release build of
# `reader-widget-snippet serve` on loopback answering the seed article, measured by oha
# (installed by `scripts/install-tools.sh bench`) at 1, 16 and 256 concurrent connections, each
# level on a freshly started server: once for the same answer again and again (kept by the
# server), once with every request asking another `maxwidth` (each one rendered). Requests per
# second, p50 and p99 latency, and the server's peak resident memory (VmHWM). Bounded:
# LOAD_REQUESTS requests a level (default 5 000) within 60 seconds, all to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${LOAD_REQUESTS:-5000}

cargo build --quiet --release --bin reader-widget-snippet >&2
command=target/release/reader-widget-snippet
query="oembed?url=https%3A%2F%2Fnews.example%2Farticles%2Fsyria-resolution.json"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# One level: "kept" or "rendered", and the number of connections; prints a table row.
measure() {
  local answers=$1 connections=$2 port server report peak_kb
  port=$(free_port)
  "$command" serve --address "127.0.0.1:$port" --articles demo/articles \
    --public-url https://news.example/articles/ 2>/dev/null &
  server=$!
  for _ in $(seq 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/$query" && break
    sleep 0.1
  done
  if [[ $answers == kept ]]; then
    report=$(timeout 60 oha --no-tui --output-format json -n "$requests" -c "$connections" \
      "http://127.0.0.1:$port/$query")
  else
    report=$(timeout 60 oha --no-tui --output-format json -n "$requests" -c "$connections" \
      --rand-regex-url "http://127\.0\.0\.1:$port/oembed\?url=https%3A%2F%2Fnews\.example%2Farticles%2Fsyria-resolution\.json&maxwidth=[1-9][0-9]{4}")
  fi
  peak_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$server/status")
  kill "$server"
  wait "$server" 2>/dev/null || true
  node -e '
    const [report, answers, connections, peakKb] = process.argv.slice(1);
    const { summary, metrics } = JSON.parse(report);
    const rate = (summary.successRate * 100).toFixed(1);
    console.log(`| ${answers} | ${connections} | ${rate} % | ${Math.round(summary.requestsPerSec)} | ${metrics.latency_ms.p50.toFixed(2)} ms | ${metrics.latency_ms.p99.toFixed(2)} ms | ${(peakKb / 1024).toFixed(1)} MiB |`);
  ' "$report" "$answers" "$connections" "$peak_kb"
}

echo "| answer | connections | succeeded | requests/s | p50 | p99 | peak memory |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for answers in kept rendered; do
  for connections in 1 16 256; do
    measure "$answers" "$connections"
  done
done
