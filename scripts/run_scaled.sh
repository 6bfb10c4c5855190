#!/usr/bin/env bash
# `make run-scaled`: Loket scaled out on one machine. Starts its own Redis and PostgreSQL
# (scripts/setup_scaled.sh: under var/scaled/, 127.0.0.1 only), migrates the database, then
# runs scripts/run.sh with: N Rasa servers (LOKET_RASA_PROCESSES, default 3) on the
# PostgreSQL tracker store and the Redis lock store (bot/endpoints.scaled.yml), the API with
# LOKET_API_WORKERS (default 2) uvicorn workers on PostgreSQL, the delivery worker and the
# action server. Ctrl-C stops Loket, then Redis and PostgreSQL (LOKET_SCALED_KEEP_SERVICES=1
# leaves those two running); their data stays in var/scaled/.
#
# Settings: environment or .env; those of run.sh plus the scaled setup's own (Redis and
# PostgreSQL ports, LOKET_SCALED_DIR, TICKET_LOCK_LIFETIME…), every one with its default in
# docs/configuration.md, from one model: loket/settings.py ScaledRunSettings.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f .env ]; then set -a; . ./.env; set +a; fi

setup_env="$(scripts/setup_scaled.sh start)"
eval "$setup_env"
# Derived after the setup's PostgreSQL URL and Redis URL: the tracker store, the API's
# rate-limit counters shared by its workers, Rasa's lock lifetime, ... run.sh keeps them.
settings="$(.venv/bin/loket settings --shell --scaled)" || { scripts/setup_scaled.sh stop; exit 1; }
eval "$settings"
stop_services() {
  [ "$LOKET_SCALED_KEEP_SERVICES" = 1 ] || scripts/setup_scaled.sh stop || true
}
trap stop_services EXIT

echo "==> migrating the database (PostgreSQL on 127.0.0.1:$LOKET_POSTGRES_PORT)"
.venv/bin/loket db upgrade

# Started in the background, signals are forwarded as SIGTERM (a background job of a script
# ignores SIGINT), so Ctrl-C and `kill` both stop the stack the way run.sh does.
scripts/run.sh &
run_pid=$!
trap 'kill -TERM "$run_pid" 2>/dev/null || true' INT TERM HUP
rc=0
while kill -0 "$run_pid" 2>/dev/null; do
  wait "$run_pid" && rc=0 || rc=$?
done
exit "$rc"
