#!/usr/bin/env bash
# The trained model (models/loket.tar.gz) on the unseen NLU test set tests/nlu/unseen.yml:
# prints macro-F1 and the per-intent table (reports in results/nlu-unseen/). With --min F1
# it fails when the intent macro-F1 is below F1 (the regression gate of make test).
# Used by scripts/bot_checks.sh and scripts/bot_eval.sh, which train first.
# Usage: scripts/nlu_unseen.sh [--min F1]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bot_env.sh
mkdir -p results/nlu-unseen
.venv-bot/bin/rasa test nlu -m models/loket.tar.gz --nlu tests/nlu/unseen.yml \
  --out results/nlu-unseen --no-plot >results/nlu-unseen/rasa_test.log 2>&1 || {
    tail -n 30 results/nlu-unseen/rasa_test.log >&2; exit 1; }
.venv-bot/bin/python scripts/bot_eval_table.py results/nlu-unseen/intent_report.json
if [ "${1:-}" = "--min" ]; then
  .venv-bot/bin/python - "$2" <<'PY'
import json
import sys

minimum = float(sys.argv[1])
report = json.load(open("results/nlu-unseen/intent_report.json", encoding="utf-8"))
f1 = report["macro avg"]["f1-score"]
print(f"unseen intents: macro-F1 {f1:.3f} (minimum {minimum:.2f})")
if f1 < minimum:
    sys.exit("NLU regression on the unseen test set: see results/nlu-unseen/intent_errors.json")
PY
fi
