#!/usr/bin/env bash
# `make bench`: runs every benchmark script under bench/ and prints its report.
# Numbers are written by hand into docs/benchmarks.md with the command that produced them.
set -euo pipefail
cd "$(dirname "$0")/.."
for b in bench/*.py; do
  printf '\n==> %s\n' "$b"
  args=()
  # The chat load test needs the whole stack; it starts its own on free ports.
  [ "$b" = bench/chat_load.py ] && args=(--start)
  .venv/bin/python "$b" "${args[@]}"
done
