# Shared helpers for the scripts below. Sourced, never run.
# shellcheck shell=bash
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$ROOT/.data"
FERRETDB_VERSION="v1.24.2"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/provisio"
FERRETDB_BIN="${FERRETDB_BIN:-$CACHE_DIR/ferretdb-$FERRETDB_VERSION}"
HELM_VERSION="v4.3.2"
HELM_BIN="${HELM_BIN:-$CACHE_DIR/helm-$HELM_VERSION}"
# Keycloak: the real SAML IdP of the SSO browser tests, unpacked once into the cache.
# shellcheck disable=SC2034 # read by install.sh and services.sh
KEYCLOAK_VERSION="26.4.7"
# shellcheck disable=SC2034
KEYCLOAK_HOME="$CACHE_DIR/keycloak-$KEYCLOAK_VERSION"
# pnpm goes here when npm's global prefix is not writable (a normal user): see install.sh.
[[ -d "$CACHE_DIR/pnpm/bin" ]] && PATH="$CACHE_DIR/pnpm/bin:$PATH"

say() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# The line of a log that says what went wrong (its last error line, else its last line).
log_reason() {
  local line
  line=$(grep -aiE 'error|fatal|panic|could not|denied|refused' "$1" 2>/dev/null | tail -n 1 || true)
  [[ -n "$line" ]] || line=$(tail -n 1 "$1" 2>/dev/null || true)
  printf '%s' "${line:-no log was written}"
}

# Waits until host:port accepts TCP connections; false after $3 seconds.
wait_for_port() {
  local host=$1 port=$2 timeout=${3:-30} i
  for ((i = 0; i < timeout * 10; i++)); do
    if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Refuses, naming the fix, when something else already listens on a port we need.
require_free_port() {
  port_in_use "$1" || return 0
  die "port $1 ($2) is taken by another program: stop it, or shift every port of this checkout with PROVISIO_PORT_OFFSET (e.g. PROVISIO_PORT_OFFSET=100 make $3)"
}

# Ports of each profile: `dev` for make up, `test` for make test, so both can run side by side.
# PROVISIO_PORT_OFFSET shifts them all, so two checkouts can run their services side by side.
# shellcheck disable=SC2034 # the ports are read by the scripts that source this file
profile_ports() {
  local o=${PROVISIO_PORT_OFFSET:-0}
  [[ "$o" =~ ^[0-9]+$ ]] || die "PROVISIO_PORT_OFFSET must be a whole number (got '$o')"
  case "$1" in
    dev)  MONGO_PORT=$((27117 + o)); FERRET_DEBUG_PORT=$((8188 + o)); PG_PORT=$((5532 + o)); REDIS_PORT=$((6479 + o)); SMTP_PORT=$((1025 + o)); INBOX_PORT=$((1080 + o)) ;;
    test) MONGO_PORT=$((27217 + o)); FERRET_DEBUG_PORT=$((8288 + o)); PG_PORT=$((5632 + o)); REDIS_PORT=$((6579 + o)); SMTP_PORT=$((1125 + o)); INBOX_PORT=$((1180 + o)) ;;
    *) die "unknown profile '$1' (dev or test)" ;;
  esac
  KEYCLOAK_PORT=$((8480 + o)) # test profile only (services.sh starts it for make test)
  ((MONGO_PORT < 65536)) || die "PROVISIO_PORT_OFFSET=$o pushes ports past 65535: use a smaller offset"
}

# PostgreSQL (FerretDB's backend) refuses to run as root: run its tools as `postgres` then,
# from `/`, because they stop when they cannot read their working directory.
pg_bin() { find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1; }
as_pg() { if [[ $(id -u) == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
pg_home() { getent passwd postgres | cut -d: -f6; }

# A name for this checkout that two checkouts never share: its folder name and a hash of its path.
checkout_id() {
  local name
  name=$(basename "$ROOT" | tr -c 'A-Za-z0-9._\n-' '_' | cut -c1-40)
  printf '%s-%s' "$name" "$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
}

# Where PostgreSQL keeps a profile's data. Under .data/<profile>/ when the user PostgreSQL runs
# as can reach it. As root it runs as `postgres`, which cannot traverse a checkout under /root or
# a `mktemp -d` directory; we never loosen the user's permissions, so its data then lives in a
# directory `postgres` owns, named after the checkout. The choice is recorded in .data/<profile>/
# so `make stop` and the next start find the same directory.
pg_data_dir() {
  local dir="$DATA/$1"
  if [[ -s "$dir/postgres.datadir" ]]; then cat "$dir/postgres.datadir"; return; fi
  if [[ $(id -u) != 0 ]] || (cd / && runuser -u postgres -- test -x "$dir") 2>/dev/null; then
    printf '%s' "$dir/postgres"
  else
    printf '%s' "$(pg_home)/provisio/$(checkout_id)/$1"
  fi
}
