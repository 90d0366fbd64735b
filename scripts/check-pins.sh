#!/usr/bin/env bash
# Part of `make lint`: the toolchain is reproducible. Every nightly step names the one dated
# nightly of scripts/nightly-toolchain (never a bare `nightly`), every `cargo install` names a
# version and is --locked (or says in a comment just above why it cannot be), and fuzz/Cargo.lock is
# committed. Prints each breach and fails on any.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
breach() {
  echo "check-pins: $*" >&2
  status=1
}

nightly=$(<scripts/nightly-toolchain)
[[ "$nightly" =~ ^nightly-[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || breach "scripts/nightly-toolchain names no dated nightly: $nightly"
files=(Makefile .ci/run)
for file in scripts/*.sh scripts/*.mjs; do
  [[ "$file" == scripts/check-pins.sh ]] || files+=("$file")
done
while IFS= read -r line; do
  breach "a nightly not pinned: $line"
done < <(grep -nE '(\+nightly|TOOLCHAIN=nightly|toolchain (install|add) nightly|--toolchain nightly)([^-]|$)' "${files[@]}" || true)

while IFS=: read -r file number text; do
  [[ "$text" =~ ^[[:space:]]*# ]] && continue
  above=$(sed -n "$((number > 3 ? number - 3 : 1)),$((number - 1))p" "$file")
  if [[ ! "$text" =~ @[0-9\$] && ! "$text" =~ --version ]]; then
    breach "$file:$number: cargo install without a version: $text"
  fi
  if [[ ! "$text" =~ --locked ]] && ! grep -qE '^[[:space:]]*#.*--locked' <<<"$above"; then
    breach "$file:$number: cargo install without --locked, and no comment above saying why: $text"
  fi
done < <(grep -nE 'cargo install ' "${files[@]}" /dev/null)

git ls-files --error-unmatch fuzz/Cargo.lock >/dev/null 2>&1 || breach "fuzz/Cargo.lock is not committed"
exit "$status"
