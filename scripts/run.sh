#!/usr/bin/env bash
# `make run`: starts every process of the Procfile (Rasa servers, the action server, the API
# and the delivery worker) under supervisord, which restarts a process that dies; waits until
# each answers its health check, prints the chat URL and stays in the foreground. Ctrl-C (or
# SIGTERM) stops all of them. Logs: var/log/<process>.log and var/log/supervisord.log.
# Status of the processes: .venv/bin/supervisorctl -c var/run/8000/supervisord.conf status
#
# Settings: environment or .env; every one, with its default, in docs/configuration.md
# (generated from loket/settings.py, which also derives the URLs the processes give each other).
set -euo pipefail
cd "$(dirname "$0")/.."
# Data files are private: whatever the processes create (databases, logs, secrets) is for
# this user only, and files from an earlier run are made so too.
umask 077

if [ -f .env ]; then set -a; . ./.env; set +a; fi

# The settings of the run, derived values included (LOKET_RASA_URL from the Rasa ports, the
# tracker store from LOKET_DATABASE_URL, ...), from one model: loket/settings.py. Values set
# in the environment or .env win; an invalid one stops here with its name.
[ -x .venv/bin/loket ] || { echo "Cannot start Loket, missing: .venv (make setup-app)." >&2; exit 1; }
settings="$(.venv/bin/loket settings --shell)" || exit 1
eval "$settings"
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1 PYTHONUNBUFFERED=1
rasa_ports=()
for ((n = 1; n <= LOKET_RASA_PROCESSES; n++)); do var="LOKET_RASA_PORT_$n"; rasa_ports+=("${!var}"); done
timeout="$LOKET_RUN_TIMEOUT"
# The assistant's own defaults (quiet TensorFlow, var/); values set above win.
if [ -f scripts/bot_env.sh ]; then . scripts/bot_env.sh; fi

missing=()
[ -x .venv/bin/supervisord ] || missing+=(".venv (make setup-app)")
[ -x .venv-bot/bin/rasa ] || missing+=(".venv-bot (make setup-bot)")
[ -f models/loket.tar.gz ] || missing+=("models/loket.tar.gz (make train)")
[ -f "$LOKET_RASA_ENDPOINTS" ] || missing+=("$LOKET_RASA_ENDPOINTS")
if [ ${#missing[@]} -gt 0 ]; then
  echo "Cannot start Loket, missing: ${missing[*]}. Use 'make run', which prepares them." >&2
  exit 1
fi

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "${rasa_ports[@]}" "$LOKET_ACTIONS_PORT" "$LOKET_API_PORT" "$LOKET_SITE_PORT"; do
  if port_busy "$p"; then
    echo "Port $p is already in use (is Loket already running?). Choose other ports with" \
         "LOKET_RASA_PORT (and LOKET_RASA_PORT_<n>), LOKET_ACTIONS_PORT, LOKET_API_PORT and" \
         "LOKET_SITE_PORT." >&2
    exit 1
  fi
done

mkdir -p "$LOKET_LOG_DIR"
# var/ keeps a search bit (x, no listing) that scripts/setup_scaled.sh gives it as root: the
# scaled setup's PostgreSQL runs as the postgres user below it and stops when it loses it.
chmod -f go-rw var 2>/dev/null || true
chmod -f go-rwx var/*.db var/*.db-wal var/*.db-shm var/*-token var/secret-key \
  "$LOKET_LOG_DIR" "$LOKET_LOG_DIR"/*.log 2>/dev/null || true
# Migrate once here, so the API workers and the delivery worker do not race to do it.
.venv/bin/loket db upgrade >>"$LOKET_LOG_DIR/migrate.log" 2>&1 ||
  { echo "Migrating the database failed; see $LOKET_LOG_DIR/migrate.log" >&2; exit 1; }
processes() { .venv/bin/python -m loket.processes "$@"; }
processes cleanup --run-dir "$LOKET_RUN_DIR" >/dev/null  # left over from a run that was killed
conf="$(processes conf --log-dir "$LOKET_LOG_DIR" --run-dir "$LOKET_RUN_DIR")"
echo "==> starting Rasa (:${rasa_ports[*]}), actions (:$LOKET_ACTIONS_PORT), API (:$LOKET_API_PORT)," \
     "the delivery worker and the example site (:$LOKET_SITE_PORT) under supervisord; logs in $LOKET_LOG_DIR/"
.venv/bin/supervisord -c "$conf" >>"$LOKET_LOG_DIR/supervisord.out" 2>&1 &
supervisor_pid=$!

stopping=0
stop() {
  [ "$stopping" = 1 ] && return
  stopping=1
  { echo; echo "==> stopping Loket"; } 2>/dev/null || true
  if kill -0 "$supervisor_pid" 2>/dev/null; then
    kill -TERM "$supervisor_pid" 2>/dev/null || true
    wait "$supervisor_pid" 2>/dev/null || true
  fi
  # Worker processes of a server that was killed with SIGKILL are no longer supervisord's.
  processes cleanup --run-dir "$LOKET_RUN_DIR" 2>/dev/null || true
  echo "==> stopped" 2>/dev/null || true
}
# Whatever ends this script stops the stack with it, also when whoever read its output has
# gone (a closed pipe would otherwise end it with SIGPIPE and leave the servers running).
trap '' PIPE
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap 'stop; exit 129' HUP
trap 'stop' EXIT

answers() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1")" != 000 ]; }
healthy() { curl -fs -o /dev/null --max-time 5 "$1"; }
fatal() {  # programs that supervisord gave up restarting
  { .venv/bin/supervisorctl -c "$conf" status 2>/dev/null || true; } | awk '$2 == "FATAL" {print $1}'
}
checks=(
  "API|$LOKET_API_URL/health|api|answers"
  "action server|http://127.0.0.1:$LOKET_ACTIONS_PORT/health|actions|healthy"
)
for ((n = 1; n <= LOKET_RASA_PROCESSES; n++)); do
  name="rasa"; [ "$n" -gt 1 ] && name="rasa$n"
  checks+=("Rasa server $n (loads the model: about 30-60 s)|http://127.0.0.1:${rasa_ports[$((n - 1))]}/|$name|healthy")
done
checks+=("example municipal website|http://$LOKET_SITE_HOST:$LOKET_SITE_PORT/|site|healthy")
checks+=("all parts, delivery worker included (/health)|$LOKET_API_URL/health|worker|healthy")
start=$SECONDS
for check in "${checks[@]}"; do
  IFS='|' read -r name url log probe <<<"$check"
  printf '    waiting for %s ' "$name"
  until "$probe" "$url"; do
    if ! kill -0 "$supervisor_pid" 2>/dev/null; then
      echo
      echo "supervisord stopped during start-up; see $LOKET_LOG_DIR/supervisord.out" >&2
      tail -n 20 "$LOKET_LOG_DIR/supervisord.out" >&2 || true
      stop; exit 1
    fi
    if (( (SECONDS - start) % 5 == 4 )) && failed="$(fatal)" && [ -n "$failed" ]; then
      echo
      for f in $failed; do
        echo "$f keeps stopping during start-up; last lines of $LOKET_LOG_DIR/$f.log:" >&2
        tail -n 20 "$LOKET_LOG_DIR/$f.log" >&2 || true
      done
      stop; exit 1
    fi
    if (( SECONDS - start > timeout )); then
      echo
      echo "$name not healthy after ${timeout}s; see $LOKET_LOG_DIR/$log.log" >&2
      curl -s --max-time 5 "$LOKET_API_URL/health" >&2 || true
      echo >&2
      stop; exit 1
    fi
    printf '.'
    sleep 1
  done
  printf ' ok (%ds)\n' "$((SECONDS - start))"
done

echo
echo "==> Loket is running: open http://$LOKET_API_HOST:$LOKET_API_PORT/ (each municipality's site with the chat, e.g. /delft/)"
echo "    example municipal website with the embedded chat: http://$LOKET_SITE_HOST:$LOKET_SITE_PORT/"
echo "    staff: /medewerkers   partners: /partner   API docs: /docs   Ctrl-C stops everything"
echo "    a process that stops is restarted; status: .venv/bin/supervisorctl -c $conf status"
wait "$supervisor_pid" || true
if [ "$stopping" = 0 ]; then
  echo "supervisord stopped; Loket is down. See $LOKET_LOG_DIR/supervisord.log." >&2
  exit 1
fi
