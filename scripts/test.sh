#!/usr/bin/env bash
# `make test`: every check, in order of cost. Fails on the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }

step "lint: ruff, mypy, import contracts"
make --no-print-directory lint

if [ -x scripts/bot_checks.sh ]; then
  step "Rasa: data validation and test stories"
  scripts/bot_checks.sh
fi

step "pytest"
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  # pytest's exit 5 means it collected no tests: that is a broken suite here, not a pass.
  echo "pytest collected no tests: the suite is missing or mis-configured." >&2
  exit 1
fi
exit "$rc"
