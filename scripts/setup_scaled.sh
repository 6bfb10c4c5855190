#!/usr/bin/env bash
# The scaled setup's own Redis and PostgreSQL: `scripts/setup_scaled.sh start|stop|status`.
#
# start: installs redis-server from Debian when missing (PostgreSQL comes from
#   scripts/setup_system.sh), creates both servers' data under $LOKET_SCALED_DIR (mode 0700)
#   on first use, starts them on 127.0.0.1 only, on their own ports, when they are not
#   running yet, creates the `loket` role and database, and prints the environment for
#   Loket as `export` lines (scripts/run_scaled.sh evaluates them).
# stop: stops both (data stays). status: says which one answers.
#
# Settings (environment or .env): LOKET_SCALED_DIR, LOKET_REDIS_PORT, LOKET_POSTGRES_PORT, with
# their defaults in docs/configuration.md (loket/settings.py ScaledRunSettings).
#
# Passwords are generated once into $LOKET_SCALED_DIR/secrets/ (0600). As root, PostgreSQL
# runs as the `postgres` user (it refuses root); otherwise both run as the current user.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f .env ]; then set -a; . ./.env; set +a; fi
umask 077

[ -x .venv/bin/loket ] || { echo "missing: .venv (make setup-app)" >&2; exit 1; }
settings="$(.venv/bin/loket settings --shell --scaled)" || exit 1
eval "$settings"
dir="$LOKET_SCALED_DIR"
mkdir -p "$dir" && dir="$(cd "$dir" && pwd)"
redis_port="$LOKET_REDIS_PORT"
pg_port="$LOKET_POSTGRES_PORT"
secrets="$dir/secrets"
pg_data="$dir/postgres/data"
pg_socket="$dir/postgres/run"
redis_dir="$dir/redis"
say() { echo "$@" >&2; }  # stdout carries only the export lines

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
as_pg=()
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); fi

secret() {  # a password made once, kept in $secrets/$1
  mkdir -p "$secrets"
  [ -s "$secrets/$1" ] || head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$secrets/$1"
  cat "$secrets/$1"
}

redis_ping() {
  REDISCLI_AUTH="$(secret redis-password)" redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null |
    grep -q PONG
}
pg_ready() { [ -n "$pg_bin" ] && "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; }

install_redis() {
  command -v redis-server >/dev/null && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    say "redis-server is missing: install it (Debian: apt-get install redis-server)."
    exit 1
  fi
  say "==> apt-get install redis-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends redis-server >/dev/null
}

start_redis() {
  mkdir -p "$redis_dir"
  # Locks and rate-limit counters only: nothing here needs to survive a restart.
  cat >"$dir/redis.conf" <<EOF
bind 127.0.0.1
port $redis_port
protected-mode yes
requirepass $(secret redis-password)
dir $redis_dir
pidfile $redis_dir/redis.pid
logfile $redis_dir/redis.log
daemonize yes
save ""
appendonly no
EOF
  if redis_ping; then say "    Redis already running on 127.0.0.1:$redis_port"; return; fi
  redis-server "$dir/redis.conf"
  for _ in $(seq 50); do redis_ping && break; sleep 0.2; done
  redis_ping || { say "Redis did not start; see $redis_dir/redis.log"; exit 1; }
  say "    Redis on 127.0.0.1:$redis_port (data: $redis_dir)"
}

start_postgres() {
  [ -n "$pg_bin" ] || { say "PostgreSQL is missing: run scripts/setup_system.sh."; exit 1; }
  mkdir -p "$dir/postgres" "$pg_socket"
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$dir/postgres" "$pg_socket"
    # The postgres user must reach its folder: search (x) only on the folders above it,
    # up to the checkout, so nobody else can list them.
    local up="$dir"
    while [ "$up" != "$PWD" ] && [ "$up" != / ]; do chmod a+x "$up"; up="$(dirname "$up")"; done
  fi
  if [ ! -s "$pg_data/PG_VERSION" ]; then
    say "==> creating the PostgreSQL cluster in $pg_data"
    # Admin over the private socket only; TCP (127.0.0.1) with a password.
    "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres -E UTF8 \
      --auth-local=peer --auth-host=scram-sha-256 >"$dir/postgres/initdb.log"
  fi
  if ! pg_ready; then
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$dir/postgres/server.log" -w -t 60 \
      -o "-p $pg_port -k $pg_socket -c listen_addresses=127.0.0.1 -c max_connections=200" \
      start >/dev/null
  fi
  psql_admin() { "${as_pg[@]}" "$pg_bin/psql" -h "$pg_socket" -p "$pg_port" -U postgres \
    -d postgres -qtAX -v ON_ERROR_STOP=1 "$@"; }
  local password
  password="$(secret postgres-password)"
  if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'loket'")" != 1 ]; then
    psql_admin -c "CREATE ROLE loket LOGIN PASSWORD '$password'"
  fi
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'loket'")" != 1 ]; then
    psql_admin -c "CREATE DATABASE loket OWNER loket"
  fi
  say "    PostgreSQL on 127.0.0.1:$pg_port, database loket (data: $pg_data)"
}

stop_all() {
  if [ -s "$redis_dir/redis.pid" ] && redis_ping; then
    REDISCLI_AUTH="$(secret redis-password)" redis-cli -h 127.0.0.1 -p "$redis_port" \
      shutdown nosave >/dev/null 2>&1 || true
    say "    Redis stopped"
  fi
  if [ -n "$pg_bin" ] && [ -s "$pg_data/postmaster.pid" ]; then
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null && say "    PostgreSQL stopped"
  fi
}

case "${1:-start}" in
  start)
    install_redis
    start_redis
    start_postgres
    pg_password="$(secret postgres-password)"
    redis_password="$(secret redis-password)"
    echo "export LOKET_DATABASE_URL=postgresql+psycopg://loket:$pg_password@127.0.0.1:$pg_port/loket"
    echo "export LOKET_REDIS_HOST=127.0.0.1 LOKET_REDIS_PORT=$redis_port"
    echo "export LOKET_REDIS_PASSWORD=$redis_password"
    echo "export LOKET_REDIS_URL=redis://:$redis_password@127.0.0.1:$redis_port"
    ;;
  stop) stop_all ;;
  status)
    redis_ping && say "Redis: running on 127.0.0.1:$redis_port" || say "Redis: not running"
    pg_ready && say "PostgreSQL: running on 127.0.0.1:$pg_port" || say "PostgreSQL: not running"
    ;;
  *) say "usage: $0 start|stop|status"; exit 2 ;;
esac
