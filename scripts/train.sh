#!/usr/bin/env bash
# Trains the Rasa model (models/loket.tar.gz) when it is missing or when the bot's inputs
# changed: a sha256 fingerprint over bot/, data/nlu, data/stories, data/rules and
# requirements/bot.txt is kept next to the model. A fast no-op otherwise.
# First it writes what Rasa needs from the catalogues (scripts/generate_bot_data.py:
# bot/domain/generated.yml, data/nlu/generated.yml). Those files are in the fingerprint, so a
# catalogue change that changes what the model learns (a wijk, a name) retrains, and one
# that does not (a description, a mailbox) does not.
# Usage: scripts/train.sh [--force]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f bot/config.yml ] || { echo "==> no Rasa project yet (bot/config.yml): nothing to train"; exit 0; }
source scripts/bot_env.sh

.venv-bot/bin/python scripts/generate_bot_data.py

MODEL=models/loket.tar.gz
STAMP=models/loket.fingerprint

fingerprint() {
  # File names and contents, in a stable order, so renames count as changes too.
  find bot data/nlu data/stories data/rules requirements/bot.txt -type f \
       \( -name '*.yml' -o -name '*.yaml' -o -name '*.txt' \) -print0 \
    | LC_ALL=C sort -z \
    | xargs -0 sha256sum \
    | sha256sum | cut -d' ' -f1
}

want=$(fingerprint)
if [ "${1:-}" != "--force" ] && [ -f "$MODEL" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  echo "==> Rasa model is up to date ($MODEL)"
  exit 0
fi

echo "==> training the Rasa model (about a minute)"
mkdir -p models
.venv-bot/bin/rasa train \
  -c bot/config.yml -d bot/domain \
  --data data/nlu data/stories data/rules \
  --out models --fixed-model-name loket
echo "$want" > "$STAMP"
echo "==> model written to $MODEL"
