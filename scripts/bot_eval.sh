#!/usr/bin/env bash
# `make bot-eval`: 5-fold cross-validated intent (and entity) report of the assistant's NLU.
# Slow on two cores (minutes). Reports go to results/nlu-cv/ (gitignored); copy macro-F1 and
# the per-intent table into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bot_env.sh
FOLDS="${FOLDS:-5}"
mkdir -p results/nlu-cv
.venv-bot/bin/rasa test nlu \
  -c bot/config.yml --nlu data/nlu --cross-validation -f "$FOLDS" \
  --out results/nlu-cv --no-plot 2>&1 | grep -vE "Epochs:|^\s*$" | tail -n 60
.venv-bot/bin/python scripts/bot_eval_table.py results/nlu-cv/intent_report.json
