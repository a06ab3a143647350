#!/usr/bin/env bash
# services.sh start|stop|status dev|test (or stop-one dev|test NAME) — FerretDB (on PostgreSQL), Redis and the mail catcher on
# loopback, data under .data/<profile>/. A service whose URL is set in the environment
# (MONGODB_URI, REDIS_URL, SMTP_URL) is not started: the given one is used.
source "$(dirname "$0")/lib.sh"
action=${1:?start|stop|status}
profile=${2:-dev}
profile_ports "$profile"
dir="$DATA/$profile"
mkdir -p "$dir"

pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_postgres() {
  if pid_alive "$dir/postgres.pid"; then return; fi
  port_in_use "$PG_PORT" && die "port $PG_PORT is taken by another program (PostgreSQL $profile)"
  local bin data="$dir/postgres"
  bin=$(pg_bin)
  if [[ ! -f "$data/PG_VERSION" ]]; then
    mkdir -p "$data" && [[ $(id -u) == 0 ]] && chown postgres "$data"
    as_pg "$bin/initdb" -D "$data" -A trust -U postgres --no-sync >"$dir/postgres-init.log" 2>&1 || die "initdb failed: see $dir/postgres-init.log"
  fi
  # Loopback TCP only, no unix socket; the test profile trades durability for speed.
  local opts="-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories= -c max_connections=200"
  [[ "$profile" == test ]] && opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  as_pg "$bin/pg_ctl" -D "$data" -o "$opts" -l "$data/server.log" -w -t 60 start >/dev/null || die "PostgreSQL did not start: see $data/server.log"
  head -n 1 "$data/postmaster.pid" >"$dir/postgres.pid"
  as_pg "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='ferretdb'" | grep -q 1 ||
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres ferretdb
}

start_ferretdb() {
  if pid_alive "$dir/ferretdb.pid"; then return; fi
  port_in_use "$MONGO_PORT" && die "port $MONGO_PORT is taken by another program (FerretDB $profile)"
  start_postgres
  mkdir -p "$dir/ferretdb"
  nohup "$FERRETDB_BIN" --handler=postgresql --postgresql-url="postgres://postgres@127.0.0.1:$PG_PORT/ferretdb" \
    --listen-addr="127.0.0.1:$MONGO_PORT" --debug-addr="127.0.0.1:$FERRET_DEBUG_PORT" \
    --state-dir="$dir/ferretdb" --telemetry=disable --log-level=warn \
    >"$dir/ferretdb.log" 2>&1 &
  echo $! >"$dir/ferretdb.pid"
  wait_for_port 127.0.0.1 "$MONGO_PORT" 30
}

start_redis() {
  if pid_alive "$dir/redis.pid"; then return; fi
  port_in_use "$REDIS_PORT" && die "port $REDIS_PORT is taken by another program (Redis $profile)"
  mkdir -p "$dir/redis"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$dir/redis" --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save 60 1000 --appendonly yes \
    --maxmemory-policy noeviction >/dev/null
  wait_for_port 127.0.0.1 "$REDIS_PORT" 15
}

start_mail() {
  if pid_alive "$dir/maildev.pid"; then return; fi
  port_in_use "$SMTP_PORT" && die "port $SMTP_PORT is taken by another program (mail catcher $profile)"
  nohup "$ROOT/node_modules/.bin/maildev" --ip 127.0.0.1 --web-ip 127.0.0.1 --smtp "$SMTP_PORT" --web "$INBOX_PORT" \
    --mail-directory "$dir/mail" --silent >"$dir/maildev.log" 2>&1 &
  echo $! >"$dir/maildev.pid"
  wait_for_port 127.0.0.1 "$SMTP_PORT" 20
}

stop_one() {
  local pidfile="$dir/$1.pid"
  if [[ "$1" == postgres ]] && pid_alive "$pidfile"; then
    as_pg "$(pg_bin)/pg_ctl" -D "$dir/postgres" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if pid_alive "$pidfile"; then
    kill "$(cat "$pidfile")" 2>/dev/null || true
    for _ in $(seq 50); do pid_alive "$pidfile" || break; sleep 0.1; done
  fi
  rm -f "$pidfile"
}

case "$action" in
  start)
    [[ -n "${MONGODB_URI:-}" ]] || start_ferretdb
    [[ -n "${REDIS_URL:-}" ]] || start_redis
    [[ -n "${SMTP_URL:-}" ]] || start_mail
    ;;
  stop) for s in ferretdb postgres redis maildev; do stop_one "$s"; done ;;
  stop-one) stop_one "${3:?service name}" ;;
  status)
    for s in ferretdb postgres redis maildev; do
      if pid_alive "$dir/$s.pid"; then echo "$s: running"; else echo "$s: stopped"; fi
    done
    ;;
  *) die "usage: services.sh start|stop|status dev|test" ;;
esac
