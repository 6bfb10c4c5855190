#!/usr/bin/env bash
# The Rasa checks of `make test`: data validation (warnings fail), the test stories in
# tests/bot/ against the trained model (prediction errors fail), and the trained NLU on the
# unseen test set tests/nlu/unseen.yml (intent macro-F1 below LOKET_NLU_UNSEEN_MIN_F1,
# default 0.90, fails: a regression gate, set below the measured value in docs/benchmarks.md).
# Trains first if needed.
# Reports go to results/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bot_env.sh
scripts/train.sh

echo "==> rasa data validate"
.venv-bot/bin/rasa data validate \
  -c bot/config.yml -d bot/domain --data data/nlu data/stories data/rules \
  --fail-on-warnings 2>&1 | grep -E "ERROR|UserWarning|conflict|Validat" || true
# grep hides the noise; the exit status is rasa's own.
.venv-bot/bin/rasa data validate \
  -c bot/config.yml -d bot/domain --data data/nlu data/stories data/rules \
  --fail-on-warnings >/dev/null 2>&1 || {
    echo "rasa data validate failed; run it without output filtering to see why" >&2; exit 1; }

echo "==> rasa test core: test stories in tests/bot/"
mkdir -p results/core
.venv-bot/bin/rasa test core \
  -m models/loket.tar.gz -s tests/bot --endpoints bot/endpoints.yml \
  --out results/core --fail-on-prediction-errors >results/core/rasa_test.log 2>&1 || {
    tail -n 40 results/core/rasa_test.log >&2
    echo "test stories failed: see results/core/failed_test_stories.yml" >&2; exit 1; }
grep -E "Finished collecting predictions|Correct:|Accuracy:" results/core/rasa_test.log | head -5 || true
echo "==> test stories passed"

echo "==> rasa test nlu: the trained model on the unseen test set"
mkdir -p results/nlu-unseen
.venv-bot/bin/rasa test nlu -m models/loket.tar.gz --nlu tests/nlu/unseen.yml \
  --out results/nlu-unseen --no-plot >results/nlu-unseen/rasa_test.log 2>&1 || {
    tail -n 30 results/nlu-unseen/rasa_test.log >&2; exit 1; }
.venv-bot/bin/python - "${LOKET_NLU_UNSEEN_MIN_F1:-0.90}" <<'PY'
import json
import sys

minimum = float(sys.argv[1])
report = json.load(open("results/nlu-unseen/intent_report.json", encoding="utf-8"))
f1 = report["macro avg"]["f1-score"]
worst = sorted(
    (row["f1-score"], name)
    for name, row in report.items()
    if isinstance(row, dict) and name not in {"macro avg", "weighted avg", "micro avg"}
)[:3]
print(f"unseen intents: macro-F1 {f1:.3f} (minimum {minimum:.2f}); weakest: "
      + ", ".join(f"{name} {score:.2f}" for score, name in worst))
if f1 < minimum:
    sys.exit("NLU regression on the unseen test set: see results/nlu-unseen/intent_errors.json")
PY
