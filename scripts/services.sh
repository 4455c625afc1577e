#!/usr/bin/env bash
# Start or stop the local PostgreSQL and Redis servers of a data folder.
#   scripts/services.sh start DATA_DIR PG_PORT REDIS_PORT [--ephemeral]
#   scripts/services.sh stop  DATA_DIR
#   scripts/services.sh available      (exit 0 when both servers are installed)
# PostgreSQL refuses to run as root, so as root its server runs as the `postgres` user, which owns the folder.
# --ephemeral (tests): no fsync, no Redis persistence; the folder is thrown away afterwards.
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

available() { [ -n "$(pg_bin)" ] && command -v redis-server >/dev/null 2>&1; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local data=$1 pg_port=$2 redis_port=$3 mode=${4:-}
  local bin; bin=$(pg_bin)
  mkdir -p "$data/pg" "$data/redis" "$data/run"
  chmod 755 "$data"
  if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$data/pg" "$data/run"; fi
  if [ ! -f "$data/pg/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$data/pg" -U portal --auth=trust -E UTF8 --locale=C.UTF-8 >"$data/run/initdb.log"
  fi
  local options="-p $pg_port -k $data/run -c listen_addresses=127.0.0.1 -c max_connections=200"
  if [ "$mode" = "--ephemeral" ]; then
    options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  if ! as_pg "$bin/pg_ctl" -D "$data/pg" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$data/pg" -o "$options" -l "$data/run/postgresql.log" -w -t 60 start >/dev/null
  fi
  if ! psql -h 127.0.0.1 -p "$pg_port" -U portal -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='portal'" | grep -q 1; then
    psql -h 127.0.0.1 -p "$pg_port" -U portal -d postgres -qc "CREATE DATABASE portal" >/dev/null
  fi
  if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
    local persistence=(--appendonly yes --dir "$data/redis")
    if [ "$mode" = "--ephemeral" ]; then persistence=(--save "" --appendonly no --dir "$data/redis"); fi
    redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --pidfile "$data/redis/redis.pid" \
      --logfile "$data/redis/redis.log" "${persistence[@]}" >/dev/null
    for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
}

stop() {
  local data=$1 bin; bin=$(pg_bin)
  if [ -f "$data/redis/redis.pid" ]; then kill "$(cat "$data/redis/redis.pid")" 2>/dev/null || true; fi
  if [ -n "$bin" ] && [ -f "$data/pg/PG_VERSION" ]; then
    as_pg "$bin/pg_ctl" -D "$data/pg" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  available) available ;;
  *) echo "usage: $0 start DATA PG_PORT REDIS_PORT [--ephemeral] | stop DATA | available" >&2; exit 2 ;;
esac
