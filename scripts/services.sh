#!/usr/bin/env bash
# services.sh start|stop|status|clean dev|test (or stop-one dev|test NAME): FerretDB (on
# PostgreSQL), Redis and the mail catcher on loopback, data under .data/<profile>/ (PostgreSQL's
# may live outside the checkout: see pg_data_dir in lib.sh). A service whose URL is set in the
# environment (MONGODB_URI, REDIS_URL, SMTP_URL) is not started: the given one is used.
# `start PROFILE ferretdb redis …` starts only the named services (ferretdb, redis, mail,
# keycloak): the benchmark has no use for Keycloak, whose start takes about 16 s and 30 s of CPU.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
action=${1:?start|stop|status|clean}
profile=${2:-dev}
profile_ports "$profile"
dir="$DATA/$profile"
mkdir -p "$dir"
make_target=$([[ "$profile" == test ]] && echo test || echo up)

pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Creates PostgreSQL's data directory, owned by the user PostgreSQL runs as.
prepare_pg_data() {
  local data=$1
  if [[ $(id -u) == 0 ]]; then
    getent passwd postgres >/dev/null || die "there is no 'postgres' system user: install Debian's postgresql package (apt-get install postgresql), then run again"
    [[ "$data" == "$dir/postgres" ]] || install -d -o postgres -m 700 "$(dirname "$(dirname "$data")")" "$(dirname "$data")"
  fi
  mkdir -p "$data"
  if [[ $(id -u) == 0 ]]; then chown postgres "$data"; fi
  chmod 700 "$data"
}

start_postgres() {
  if pid_alive "$dir/postgres.pid"; then return; fi
  require_free_port "$PG_PORT" "PostgreSQL for FerretDB, $profile" "$make_target"
  local bin data
  bin=$(pg_bin)
  [[ -n "$bin" ]] || die "PostgreSQL is not installed: run 'make install' (or apt-get install postgresql), then run again"
  data=$(pg_data_dir "$profile")
  if [[ ! -f "$data/PG_VERSION" ]]; then
    prepare_pg_data "$data"
    as_pg "$bin/initdb" -D "$data" -A trust -U postgres --no-sync >"$dir/postgres-init.log" 2>&1 ||
      die "PostgreSQL's initdb failed: $(log_reason "$dir/postgres-init.log")"
  fi
  printf '%s' "$data" >"$dir/postgres.datadir"
  [[ "$data" == "$dir/postgres" ]] || say "PostgreSQL ($profile) keeps its data in $data: user 'postgres' cannot reach $dir"
  # Loopback TCP only, no unix socket; the test profile trades durability for speed.
  local opts="-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories= -c max_connections=200"
  [[ "$profile" == test ]] && opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  as_pg "$bin/pg_ctl" -D "$data" -o "$opts" -l "$data/server.log" -w -t 60 start >/dev/null ||
    die "PostgreSQL did not start: $(log_reason "$data/server.log")"
  head -n 1 "$data/postmaster.pid" >"$dir/postgres.pid"
  as_pg "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='ferretdb'" | grep -q 1 ||
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres ferretdb
}

start_ferretdb() {
  if pid_alive "$dir/ferretdb.pid"; then return; fi
  require_free_port "$MONGO_PORT" "FerretDB, $profile" "$make_target"
  [[ -x "$FERRETDB_BIN" ]] || die "FerretDB is not built yet ($FERRETDB_BIN): run 'make install', then run again"
  start_postgres
  mkdir -p "$dir/ferretdb"
  nohup "$FERRETDB_BIN" --handler=postgresql --postgresql-url="postgres://postgres@127.0.0.1:$PG_PORT/ferretdb" \
    --listen-addr="127.0.0.1:$MONGO_PORT" --debug-addr="127.0.0.1:$FERRET_DEBUG_PORT" \
    --state-dir="$dir/ferretdb" --telemetry=disable --log-level=warn \
    >"$dir/ferretdb.log" 2>&1 &
  echo $! >"$dir/ferretdb.pid"
  wait_for_port 127.0.0.1 "$MONGO_PORT" 30 || die "FerretDB did not answer on port $MONGO_PORT within 30 s: $(log_reason "$dir/ferretdb.log")"
}

start_redis() {
  if pid_alive "$dir/redis.pid"; then return; fi
  require_free_port "$REDIS_PORT" "Redis, $profile" "$make_target"
  command -v redis-server >/dev/null || die "Redis is not installed: run 'make install' (or apt-get install redis-server), then run again"
  mkdir -p "$dir/redis"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$dir/redis" --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save 60 1000 --appendonly yes \
    --maxmemory-policy noeviction >/dev/null || die "Redis did not start: $(log_reason "$dir/redis.log")"
  wait_for_port 127.0.0.1 "$REDIS_PORT" 15 || die "Redis did not answer on port $REDIS_PORT within 15 s: $(log_reason "$dir/redis.log")"
}

start_mail() {
  if pid_alive "$dir/maildev.pid"; then return; fi
  require_free_port "$SMTP_PORT" "mail catcher SMTP, $profile" "$make_target"
  require_free_port "$INBOX_PORT" "mail catcher inbox, $profile" "$make_target"
  local maildev="$ROOT/node_modules/.bin/maildev"
  [[ -x "$maildev" ]] || die "the mail catcher is not installed ($maildev): run 'make install', then run again"
  nohup "$maildev" --ip 127.0.0.1 --web-ip 127.0.0.1 --smtp "$SMTP_PORT" --web "$INBOX_PORT" \
    --mail-directory "$dir/mail" --silent >"$dir/maildev.log" 2>&1 &
  echo $! >"$dir/maildev.pid"
  wait_for_port 127.0.0.1 "$SMTP_PORT" 20 || die "the mail catcher did not answer on port $SMTP_PORT within 20 s: $(log_reason "$dir/maildev.log")"
}

# Keycloak, the SAML IdP of the SSO browser tests: test profile only. The hostname is pinned so
# its issuer does not follow the browser's Host (localhost and 127.0.0.1 would give two issuers).
start_keycloak() {
  if pid_alive "$dir/keycloak.pid"; then return; fi
  require_free_port "$KEYCLOAK_PORT" "Keycloak, $profile" "$make_target"
  [[ -x "$KEYCLOAK_HOME/bin/kc.sh" ]] || die "Keycloak is not installed: run 'make install' (scripts/install.sh), then run again"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin KC_DB=dev-mem \
    nohup "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-host 127.0.0.1 --http-port "$KEYCLOAK_PORT" \
    --hostname "http://127.0.0.1:$KEYCLOAK_PORT" >"$dir/keycloak.log" 2>&1 &
  echo $! >"$dir/keycloak.pid"
  wait_for_port 127.0.0.1 "$KEYCLOAK_PORT" 600 || die "Keycloak did not answer on port $KEYCLOAK_PORT within 600 s: $(log_reason "$dir/keycloak.log")"
}

stop_one() {
  local pidfile="$dir/$1.pid"
  if [[ "$1" == postgres ]] && pid_alive "$pidfile"; then
    as_pg "$(pg_bin)/pg_ctl" -D "$(pg_data_dir "$profile")" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if pid_alive "$pidfile"; then
    kill "$(cat "$pidfile")" 2>/dev/null || true
    for _ in $(seq 50); do pid_alive "$pidfile" || break; sleep 0.1; done
  fi
  rm -f "$pidfile"
}

stop_all() { for s in ferretdb postgres redis maildev keycloak; do stop_one "$s"; done; }

case "$action" in
  start)
    only=" ${*:3} "
    wanted() { [[ "$only" == "  " || "$only" == *" $1 "* ]]; }
    for s in "${@:3}"; do
      [[ " ferretdb redis mail keycloak " == *" $s "* ]] || die "unknown service '$s' (ferretdb, redis, mail, keycloak)"
    done
    [[ -n "${MONGODB_URI:-}" ]] || ! wanted ferretdb || start_ferretdb
    [[ -n "${REDIS_URL:-}" ]] || ! wanted redis || start_redis
    [[ -n "${SMTP_URL:-}" ]] || ! wanted mail || start_mail
    [[ "$profile" != test || -n "${KEYCLOAK_URL:-}" ]] || ! wanted keycloak || start_keycloak
    ;;
  stop) stop_all ;;
  stop-one) stop_one "${3:?service name}" ;;
  # Stops the profile and deletes all its data, PostgreSQL's too wherever it lives.
  clean)
    stop_all
    data=$(pg_data_dir "$profile")
    if [[ "$data" != "$dir/postgres" ]]; then
      rm -rf "$data"
      rmdir --ignore-fail-on-non-empty "$(dirname "$data")" 2>/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  status)
    for s in ferretdb postgres redis maildev keycloak; do
      if pid_alive "$dir/$s.pid"; then echo "$s: running"; else echo "$s: stopped"; fi
    done
    echo "postgres data: $(pg_data_dir "$profile")"
    ;;
  *) die "usage: services.sh start|stop|status|clean dev|test" ;;
esac
