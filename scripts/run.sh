#!/usr/bin/env bash
# `make run`: starts the Rasa server, the action server and the API with honcho (Procfile),
# waits until each answers its health check, prints the chat URL and stays in the
# foreground. Ctrl-C (or SIGTERM) stops all three. Logs: var/log/{rasa,actions,api,honcho}.log.
#
# Settings (environment or .env; defaults in brackets):
#   LOKET_API_HOST [127.0.0.1]  LOKET_API_PORT [8000]  LOKET_RASA_PORT [5005]
#   LOKET_ACTIONS_PORT [5055]   LOKET_RUN_TIMEOUT [240]  (seconds to wait for health)
#   LOKET_RASA_PROCESSES [2]: Rasa servers (1-99); the second listens on LOKET_RASA_PORT_2
#   [LOKET_RASA_PORT + 1], server i on LOKET_RASA_PORT + i - 1. The chat proxy keeps each
#   conversation on one of them (see docs/web.md); one server saves ~0.9 GiB of memory, two
#   keep turns fast under load.
#   LOKET_RASA_ENDPOINTS [bot/endpoints.yml]: Rasa's endpoints file (the scaled setup uses
#   bot/endpoints.scaled.yml: Redis lock store)
#   LOKET_API_WORKERS [1]: uvicorn worker processes of the API
#   LOKET_LOG_DIR [var/log]
#   TF_INTRA_OP_PARALLELISM_THREADS / TF_INTER_OP_PARALLELISM_THREADS [1]: TensorFlow threads
#   per Rasa server
#   LOKET_DATABASE_URL [sqlite:///var/loket.db]: cases; a PostgreSQL URL is also used for
#   the Rasa tracker store (see docs/web.md for the variables exported to Rasa and the API).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f .env ]; then set -a; . ./.env; set +a; fi

export LOKET_API_HOST="${LOKET_API_HOST:-127.0.0.1}"
export LOKET_API_PORT="${LOKET_API_PORT:-8000}"
export LOKET_RASA_PORT="${LOKET_RASA_PORT:-5005}"
export LOKET_ACTIONS_PORT="${LOKET_ACTIONS_PORT:-5055}"
export LOKET_RASA_PROCESSES="${LOKET_RASA_PROCESSES:-2}"
export LOKET_RASA_PORT_2="${LOKET_RASA_PORT_2:-$((LOKET_RASA_PORT + 1))}"
export LOKET_API_WORKERS="${LOKET_API_WORKERS:-1}"
export LOKET_RASA_ENDPOINTS="${LOKET_RASA_ENDPOINTS:-bot/endpoints.yml}"
if ! [[ "$LOKET_RASA_PROCESSES" =~ ^[1-9][0-9]?$ ]]; then
  echo "LOKET_RASA_PROCESSES must be a number from 1 to 99 (got '$LOKET_RASA_PROCESSES')." >&2
  exit 1
fi
if ! [[ "$LOKET_API_WORKERS" =~ ^[1-9][0-9]?$ ]]; then
  echo "LOKET_API_WORKERS must be a number from 1 to 99 (got '$LOKET_API_WORKERS')." >&2
  exit 1
fi
# Rasa server i listens on LOKET_RASA_PORT + i - 1 (the second on LOKET_RASA_PORT_2); its
# process is `rasa`, `rasa2`, `rasa3`…, each from the Procfile's `rasa` line.
rasa_procs=(rasa); rasa_ports=("$LOKET_RASA_PORT")
for ((i = 2; i <= LOKET_RASA_PROCESSES; i++)); do
  rasa_procs+=("rasa$i")
  if [ "$i" = 2 ]; then rasa_ports+=("$LOKET_RASA_PORT_2"); else rasa_ports+=("$((LOKET_RASA_PORT + i - 1))"); fi
done
# The chat proxy's Rasa servers, comma-separated (the first one is Rasa's REST API for tools).
rasa_urls=""
for p in "${rasa_ports[@]}"; do rasa_urls+="${rasa_urls:+,}http://127.0.0.1:$p"; done
export LOKET_RASA_URL="${LOKET_RASA_URL:-$rasa_urls}"
export LOKET_API_URL="${LOKET_API_URL:-http://$LOKET_API_HOST:$LOKET_API_PORT}"
export LOKET_DATABASE_URL="${LOKET_DATABASE_URL:-sqlite:///var/loket.db}"
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1 PYTHONUNBUFFERED=1
export LOKET_LOG_DIR="${LOKET_LOG_DIR:-var/log}"
# One TensorFlow thread per operation in each Rasa server (read by Rasa at start-up): the
# servers' default pools (a thread per core each) otherwise compete for the same cores. On
# two cores this lowered the chat-load p95 (docs/benchmarks.md "Chat load"); raise both on a
# machine with cores to spare per Rasa server.
export TF_INTRA_OP_PARALLELISM_THREADS="${TF_INTRA_OP_PARALLELISM_THREADS:-1}"
export TF_INTER_OP_PARALLELISM_THREADS="${TF_INTER_OP_PARALLELISM_THREADS:-1}"
timeout="${LOKET_RUN_TIMEOUT:-240}"

# The Rasa tracker store follows the case database: the same PostgreSQL database when
# LOKET_DATABASE_URL is one (Rasa adds its `events` table), otherwise var/trackers.db.
# LOKET_BOT_TRACKER_URL is read by bot/endpoints.yml (Rasa, psycopg2 driver);
# LOKET_TRACKER_DATABASE_URL by the handoff service, which erases a case's conversation there.
eval "$(.venv/bin/python - <<'PY'
import os, shlex
from urllib.parse import urlsplit
url = os.environ["LOKET_DATABASE_URL"]
scheme = urlsplit(url).scheme
if scheme.startswith("postgresql"):
    rest = url.split("://", 1)[1]
    bot, api = f"postgresql://{rest}", f"postgresql+psycopg://{rest}"
else:
    bot = api = "sqlite:///var/trackers.db"
env = {"LOKET_BOT_TRACKER_URL": bot, "LOKET_TRACKER_DATABASE_URL": api}
for key, value in env.items():
    print(f"export {key}={shlex.quote(os.environ.get(key, value))}")
PY
)"
export LOKET_ACTION_ENDPOINT_URL="${LOKET_ACTION_ENDPOINT_URL:-http://127.0.0.1:$LOKET_ACTIONS_PORT/webhook}"
export LOKET_PUBLIC_BASE_URL="${LOKET_PUBLIC_BASE_URL:-$LOKET_API_URL}"
# The assistant's own defaults (quiet TensorFlow, var/); values set above win.
if [ -f scripts/bot_env.sh ]; then . scripts/bot_env.sh; fi

missing=()
[ -x .venv/bin/honcho ] || missing+=(".venv (make setup-app)")
[ -x .venv-bot/bin/rasa ] || missing+=(".venv-bot (make setup-bot)")
[ -f models/loket.tar.gz ] || missing+=("models/loket.tar.gz (make train)")
[ -f "$LOKET_RASA_ENDPOINTS" ] || missing+=("$LOKET_RASA_ENDPOINTS")
if [ ${#missing[@]} -gt 0 ]; then
  echo "Cannot start Loket, missing: ${missing[*]}. Use 'make run', which prepares them." >&2
  exit 1
fi

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "${rasa_ports[@]}" "$LOKET_ACTIONS_PORT" "$LOKET_API_PORT"; do
  if port_busy "$p"; then
    echo "Port $p is already in use (is Loket already running?). Choose other ports with" \
         "LOKET_RASA_PORT (and LOKET_RASA_PORT_2), LOKET_ACTIONS_PORT and LOKET_API_PORT." >&2
    exit 1
  fi
done

mkdir -p "$LOKET_LOG_DIR"
# Migrate once here, so the API workers and the delivery worker do not race to do it.
.venv/bin/loket db upgrade >>"$LOKET_LOG_DIR/migrate.log" 2>&1 ||
  { echo "Migrating the database failed; see $LOKET_LOG_DIR/migrate.log" >&2; exit 1; }
# The Procfile with one `rasa` line per Rasa server, each with its own port and log.
procfile="$LOKET_LOG_DIR/Procfile.generated"
rasa_line="$(sed -n 's/^rasa: //p' Procfile)"
{
  grep -v '^rasa: ' Procfile
  for i in "${!rasa_procs[@]}"; do
    line="${rasa_line//\"\$LOKET_RASA_PORT\"/${rasa_ports[$i]}}"
    echo "${rasa_procs[$i]}: ${line//\/rasa.log/\/${rasa_procs[$i]}.log}"
  done
} >"$procfile"
echo "==> starting Rasa (:${rasa_ports[*]}), actions (:$LOKET_ACTIONS_PORT), API (:$LOKET_API_PORT, $LOKET_API_WORKERS worker(s)), delivery worker; logs in $LOKET_LOG_DIR/"
.venv/bin/honcho --no-colour -f "$procfile" -d . start "${rasa_procs[@]}" actions api worker \
  >>"$LOKET_LOG_DIR/honcho.log" 2>&1 &
honcho_pid=$!

stopping=0
stop() {
  [ "$stopping" = 1 ] && return
  stopping=1
  kill -0 "$honcho_pid" 2>/dev/null || return 0
  kill -TERM "$honcho_pid" 2>/dev/null || true
  { echo; echo "==> stopping Loket"; } 2>/dev/null || true
  wait "$honcho_pid" 2>/dev/null || true
  echo "==> stopped" 2>/dev/null || true
}
# Whatever ends this script stops the stack with it, also when whoever read its output has
# gone (a closed pipe would otherwise end it with SIGPIPE and leave the servers running).
trap '' PIPE
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap 'stop; exit 129' HUP
trap 'stop' EXIT

healthy() { curl -fs -o /dev/null --max-time 2 "$1"; }
checks=(
  "API|$LOKET_API_URL/health|api"
  "action server|http://127.0.0.1:$LOKET_ACTIONS_PORT/health|actions"
  "Rasa server (loads the model: about 30-60 s)|http://127.0.0.1:$LOKET_RASA_PORT/|rasa"
)
for i in "${!rasa_procs[@]}"; do
  [ "$i" = 0 ] && continue
  checks+=("Rasa server $((i + 1))|http://127.0.0.1:${rasa_ports[$i]}/|${rasa_procs[$i]}")
done
start=$SECONDS
for check in "${checks[@]}"; do
  IFS='|' read -r name url log <<<"$check"
  printf '    waiting for %s ' "$name"
  until healthy "$url"; do
    if ! kill -0 "$honcho_pid" 2>/dev/null; then
      echo
      echo "A process stopped during start-up; last lines of $LOKET_LOG_DIR/$log.log:" >&2
      tail -n 20 "$LOKET_LOG_DIR/$log.log" >&2 || true
      stop; exit 1
    fi
    if (( SECONDS - start > timeout )); then
      echo
      echo "$name not healthy after ${timeout}s; see $LOKET_LOG_DIR/$log.log" >&2
      stop; exit 1
    fi
    printf '.'
    sleep 1
  done
  printf ' ok (%ds)\n' "$((SECONDS - start))"
done

echo
echo "==> Loket is running: open http://$LOKET_API_HOST:$LOKET_API_PORT/ (chat)"
echo "    staff: /medewerkers   partners: /partner   API docs: /docs   Ctrl-C stops everything"
wait "$honcho_pid" || true
if [ "$stopping" = 0 ]; then
  echo "A process stopped; Loket is down. See $LOKET_LOG_DIR/ (honcho.log lists which one)." >&2
  exit 1
fi
