#!/usr/bin/env bash
# `make bot-eval`: the assistant's NLU quality, two ways.
#  1. 5-fold cross-validated intent (and entity) report on data/nlu (results/nlu-cv/);
#  2. the trained model (models/loket.tar.gz, trained first if needed) on the unseen test set
#     tests/nlu/unseen.yml, written by someone who never saw data/nlu (results/nlu-unseen/).
# Slow on two cores (minutes). Copy macro-F1 and the per-intent tables into docs/benchmarks.md.
# FOLDS=3 for a quicker look; SKIP_CV=1 runs only the unseen test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bot_env.sh
FOLDS="${FOLDS:-5}"
if [ "${SKIP_CV:-0}" != 1 ]; then
  echo "==> $FOLDS-fold cross-validation on data/nlu"
  mkdir -p results/nlu-cv
  .venv-bot/bin/rasa test nlu \
    -c bot/config.yml --nlu data/nlu --cross-validation -f "$FOLDS" \
    --out results/nlu-cv --no-plot 2>&1 | grep -vE "Epochs:|^\s*$" | tail -n 60
  .venv-bot/bin/python scripts/bot_eval_table.py results/nlu-cv/intent_report.json
fi

echo "==> trained model on the unseen test set (tests/nlu/unseen.yml)"
scripts/train.sh
scripts/nlu_unseen.sh
