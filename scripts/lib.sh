# Shared helpers for the scripts below. Sourced, never run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$ROOT/.data"
FERRETDB_VERSION="v1.24.2"
FERRETDB_BIN="${FERRETDB_BIN:-${XDG_CACHE_HOME:-$HOME/.cache}/provisio/ferretdb-$FERRETDB_VERSION}"

say() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Waits until host:port accepts TCP connections, or fails after $3 seconds.
wait_for_port() {
  local host=$1 port=$2 timeout=${3:-30} i
  for ((i = 0; i < timeout * 10; i++)); do
    if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  die "nothing answered on $host:$port after ${timeout}s"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Ports of each profile: `dev` for make up, `test` for make test, so both can run side by side.
# PROVISIO_PORT_OFFSET shifts them all, so two checkouts can run their services side by side.
profile_ports() {
  local o=${PROVISIO_PORT_OFFSET:-0}
  case "$1" in
    dev)  MONGO_PORT=$((27117 + o)); FERRET_DEBUG_PORT=$((8188 + o)); PG_PORT=$((5532 + o)); REDIS_PORT=$((6479 + o)); SMTP_PORT=$((1025 + o)); INBOX_PORT=$((1080 + o)) ;;
    test) MONGO_PORT=$((27217 + o)); FERRET_DEBUG_PORT=$((8288 + o)); PG_PORT=$((5632 + o)); REDIS_PORT=$((6579 + o)); SMTP_PORT=$((1125 + o)); INBOX_PORT=$((1180 + o)) ;;
    *) die "unknown profile '$1' (dev or test)" ;;
  esac
}

# PostgreSQL (FerretDB's backend) refuses to run as root: run its tools as `postgres` then.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
