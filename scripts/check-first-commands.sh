#!/usr/bin/env bash
# The README's first commands, proven as a new user runs them on a clean clone (`.ci/run` runs
# this before `make test`): starts `make demo` in the background, waits for its front page to
# answer, then opens every demo page in headless Chromium and fails on any failed request
# (answered 400 or more, blocked or aborted) or error (the end-to-end scenario
# every_demo_page_loads_without_a_failed_request_or_an_error, run against that server, whose
# requests Chromium's network log sees); then starts `make oembed` beside it and asks it for an
# oEmbed answer and an embed page. Each server is stopped by its own process id, whatever
# happened.
set -euo pipefail
cd "$(dirname "$0")/.."

# The Makefile's DEMO_ADDRESS and DEMO_PORT, and the oEmbed server's default address.
demo=http://127.0.0.1:8080
oembed=http://127.0.0.1:8090
# On a new machine `make demo` first installs every tool (most of a clean clone's 57 minutes),
# then builds the release: it has up to an hour to answer.
wait_seconds=${FIRST_COMMANDS_WAIT_SECONDS:-3600}

say() { printf 'check-first-commands: %s\n' "$*"; }

mkdir -p target
servers=()
stop_servers() {
  for pid in "${servers[@]}"; do
    # Each runs in a process group of its own (setsid), so make's children go with it.
    kill -TERM -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_servers EXIT

# start NAME: `make NAME` in the background, its output in target/NAME.log.
start() {
  setsid make "$1" >"target/$1.log" 2>&1 &
  servers+=("$!")
  say "make $1 started (process $!, output in target/$1.log)"
}

# wait_for NAME URL: until URL answers 200, while `make NAME` (the last started) still runs.
wait_for() {
  local name=$1 url=$2 pid=${servers[-1]} deadline=$((SECONDS + wait_seconds))
  until command -v curl >/dev/null && curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "make $name stopped before $url answered; its last lines:"
      tail -n 20 "target/$name.log"
      exit 1
    fi
    if ((SECONDS > deadline)); then
      say "$url did not answer within $wait_seconds s; the last lines of make $name:"
      tail -n 20 "target/$name.log"
      exit 1
    fi
    sleep 2
  done
  say "$url answers"
}

start demo
wait_for demo "$demo/"
E2E_SITE=$demo cargo test --features e2e --test e2e

start oembed
wait_for oembed "$oembed/oembed?url=$oembed/articles/syria-resolution.json"
curl -fsS -o /dev/null "$oembed/embed/syria-resolution.json"
say "make oembed answers for the demo's article and its embed page"
