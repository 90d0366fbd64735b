#!/usr/bin/env bash
# The browser tier in WebKit (`make test-browser`'s last engine): the command it is given, run
# once more only when the first run failed with the WebKit debug-build fault, a WebAssembly
# "Out of bounds memory access" raised in a callback (in two clean-clone runs of 2026-12-02: once
# after the injected exception of tests/thrown.rs, once after the deep-nesting tests; never in
# Chromium or Firefox, nor in ten runs of the same tier on an idle machine; its cause is not
# found). Any other failure, or the same fault twice, fails the tier; the retry is announced, so
# the log shows each time it was needed.
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [[ $status -ne 0 ]] && grep -q "RuntimeError: Out of bounds memory access" "$log"; then
  echo "webkit-browser-tier: the WebKit debug-build fault (out of bounds memory access); running the WebKit tier once more"
  "$@"
  status=$?
fi
exit "$status"
