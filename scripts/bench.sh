#!/usr/bin/env bash
# `make bench`: runs every benchmark script under bench/ and prints its report.
# Numbers are written by hand into docs/benchmarks.md with the command that produced them.
set -euo pipefail
cd "$(dirname "$0")/.."
for b in bench/*.py; do
  printf '\n==> %s\n' "$b"
  .venv/bin/python "$b"
done
