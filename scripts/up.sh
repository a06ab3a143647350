#!/usr/bin/env bash
# make up: install what is missing, start the services (unless their URLs are given),
# then run the server and the worker in the foreground. Ctrl-C stops all it started.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/install.sh
profile_ports dev

# The server and the worker's metrics move with PROVISIO_PORT_OFFSET too, so checkouts never collide.
port="${PORT:-$((3000 + ${PROVISIO_PORT_OFFSET:-0}))}"
port_in_use "$port" && die "port $port is taken: is another 'make up' running? Stop it, or shift this checkout's ports with PROVISIO_PORT_OFFSET=100 make up (or PORT=3100 for the server alone)"
export WORKER_METRICS_PORT="${WORKER_METRICS_PORT:-$((9464 + ${PROVISIO_PORT_OFFSET:-0}))}"
export METRICS_PORT="${METRICS_PORT:-$((9465 + ${PROVISIO_PORT_OFFSET:-0}))}"
require_free_port "$WORKER_METRICS_PORT" "the worker's /metrics" up
require_free_port "$METRICS_PORT" "the server's /metrics" up

# Remember which services were already running, so Ctrl-C stops only what this run started.
before=$(bash scripts/services.sh status dev)
say "starting services"
bash scripts/services.sh start dev
started_here() { ! grep -q "^$1: running" <<<"$before"; }

mkdir -p "$DATA"
if [[ -z "${PROVISIO_ADMIN_TOKEN:-}" ]]; then
  [[ -s "$DATA/admin-token" ]] || node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64url'))" >"$DATA/admin-token"
  chmod 600 "$DATA/admin-token"
  PROVISIO_ADMIN_TOKEN=$(cat "$DATA/admin-token")
fi
export PROVISIO_ADMIN_TOKEN PORT="$port"
# The index companion reaches the PostgreSQL behind the FerretDB started here (never a given MONGODB_URI's).
if [[ -z "${MONGODB_URI:-}" ]]; then export FERRETDB_POSTGRES_URL="${FERRETDB_POSTGRES_URL:-postgres://postgres@127.0.0.1:$PG_PORT/ferretdb}"; fi
export MONGODB_URI="${MONGODB_URI:-mongodb://127.0.0.1:$MONGO_PORT/provisio}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}"
inbox="http://127.0.0.1:$INBOX_PORT"
[[ -n "${SMTP_URL:-}" ]] && inbox="(none: SMTP_URL is set, mail goes to $SMTP_URL)"
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:$SMTP_PORT}"
export PUBLIC_URL="${PUBLIC_URL:-http://localhost:$port}"

pids=()
cleanup() {
  trap - INT TERM EXIT
  say "stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for s in ferretdb postgres redis maildev; do
    started_here "$s" && (cd "$ROOT" && bash scripts/services.sh stop-one dev "$s")
  done
  exit 0
}
trap cleanup INT TERM EXIT

say "building the server, the worker and the admin web app (served at /)"
pnpm build
# What ships: each app's `pnpm start` (plain node on dist/), run here as one process so Ctrl-C reaches it.
(cd apps/server && exec node --enable-source-maps dist/index.js) & pids+=($!)
(cd apps/worker && exec node --enable-source-maps dist/index.js) & pids+=($!)
wait_for_port 127.0.0.1 "$port" 60 || die "the server did not listen on port $port within 60 s: its error is above"

cat <<BANNER

  Provisio is running.
    Admin web app   $PUBLIC_URL/  (sign in with the admin token below, or as an org admin)
    SCIM base URL   $PUBLIC_URL/scim/v2
    tRPC URL        $PUBLIC_URL/trpc
    Mail inbox      $inbox
    Admin token     $PROVISIO_ADMIN_TOKEN
    PostgreSQL data $(pg_data_dir dev)
    Health          $PUBLIC_URL/healthz  $PUBLIC_URL/readyz
    Metrics         http://127.0.0.1:$METRICS_PORT/metrics (server)  http://127.0.0.1:$WORKER_METRICS_PORT/metrics (worker)

  Ctrl-C stops everything this command started.

BANNER
wait -n "${pids[@]}" || true
say "a process exited; stopping the rest"
