#!/usr/bin/env bash
# `make run-scaled`: Loket scaled out on one machine. Starts its own Redis and PostgreSQL
# (scripts/setup_scaled.sh: under var/scaled/, 127.0.0.1 only), migrates the database, then
# runs scripts/run.sh with: N Rasa servers (LOKET_RASA_PROCESSES, default 3) on the
# PostgreSQL tracker store and the Redis lock store (bot/endpoints.scaled.yml), the API with
# LOKET_API_WORKERS (default 2) uvicorn workers on PostgreSQL, the delivery worker and the
# action server. Ctrl-C stops Loket, then Redis and PostgreSQL (LOKET_SCALED_KEEP_SERVICES=1
# leaves those two running); their data stays in var/scaled/.
#
# Besides run.sh's settings (ports, LOKET_LOG_DIR…): LOKET_SCALED_DIR, LOKET_REDIS_PORT [6380],
# LOKET_POSTGRES_PORT [5433] (see setup_scaled.sh), LOKET_REDIS_LOCK_DB [1],
# LOKET_REDIS_LIMITS_DB [2], TICKET_LOCK_LIFETIME [15] (Rasa's lock lifetime in seconds: how
# long a conversation waits for the lock of a turn whose server was killed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f .env ]; then set -a; . ./.env; set +a; fi

setup_env="$(scripts/setup_scaled.sh start)"
eval "$setup_env"
stop_services() {
  [ "${LOKET_SCALED_KEEP_SERVICES:-0}" = 1 ] || scripts/setup_scaled.sh stop || true
}
trap stop_services EXIT

export LOKET_RASA_PROCESSES="${LOKET_RASA_PROCESSES:-3}"
export LOKET_API_WORKERS="${LOKET_API_WORKERS:-2}"
export LOKET_RASA_ENDPOINTS=bot/endpoints.scaled.yml
export LOKET_REDIS_LOCK_DB="${LOKET_REDIS_LOCK_DB:-1}"
# The API's rate-limit counters, shared by its workers (a `limits` storage URI).
export LOKET_RATE_LIMIT_STORAGE="${LOKET_RATE_LIMIT_STORAGE:-$LOKET_REDIS_URL/${LOKET_REDIS_LIMITS_DB:-2}}"
# Rasa's default (60 s) would hold a conversation whose server died mid-turn for a minute.
export TICKET_LOCK_LIFETIME="${TICKET_LOCK_LIFETIME:-15}"

echo "==> migrating the database (PostgreSQL on 127.0.0.1:${LOKET_POSTGRES_PORT:-5433})"
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
